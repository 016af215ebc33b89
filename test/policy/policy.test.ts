import { describe, expect, it } from 'vitest';
import { lintRoadmap, parseRoadmap } from '../../src/index.js';
import { analyzeUrl } from '../../src/policy/match.js';
import { getDefaultRegistry } from '../../src/policy/registry.js';
import { normalizeUrl } from '../../src/util/url.js';
import { DEFAULT_REGISTRY_DATA, validateRegistryData } from '../../src/policy/registry.js';
import { roadmapText } from '../helpers.js';

const registry = getDefaultRegistry();

describe('official-source matching cannot be fooled', () => {
  it.each([
    ['https://nodejs.org/en/docs/', true, []],
    ['https://NODEJS.ORG./en/docs/', true, []],
    ['https://www.nodejs.org/', true, []],
    ['https://docs.python.org/3/', true, []],
    ['https://github.com/nodejs/node', true, []],
    ['https://github.com/nodejs', true, []],
    ['https://nodejs.org.evil.com/', false, []],
    ['https://evilnodejs.org/', false, []],
    ['https://nodejs.org@evil.com/', false, ['credentials']],
    ['https://nodejs.org:8080/', false, ['port']],
    ['https://n\u043edejs.org/', false, ['lookalike']],
    ['https://xn--ndejs-jye.org/', false, ['lookalike']],
    ['https://104.20.22.46/', false, ['ip']],
    ['https://[2606:4700::6810:1616]/', false, ['ip']],
    ['http://nodejs.org/', true, []],
    ['ftp://nodejs.org/', false, ['not-web']],
    ['https://github.com/evil/nodejs', false, []],
    ['https://nodejs.github.io/', false, []],
  ] as const)('%s → official %s', (url, official, problems) => {
    const a = analyzeUrl(url, registry);
    expect(a.technologies.length > 0).toBe(official);
    expect(a.problems).toEqual(problems);
  });

  it('names the host a look-alike imitates, and reports it with its own rule', async () => {
    expect(analyzeUrl('https://xn--ndejs-jye.org/').imitates).toBe('nodejs.org');
    const findings = await lintRoadmap('# T\n\n## S\n\n* [Node.js Docs](https://n\u043edejs.org/docs/)\n');
    const rule = findings.find((f) => f.ruleId === 'confusable-host')!;
    expect(rule.message).toContain('imitates nodejs.org');
    expect(findings.some((f) => f.ruleId === 'official-claim' || f.ruleId === 'official-only')).toBe(false);
  });

  it('warns about a non-default port', async () => {
    const findings = await lintRoadmap('# T\n\n## S\n\n* [Node](https://nodejs.org:8080/)\n');
    expect(findings.find((f) => f.ruleId === 'unusual-port')).toMatchObject({ severity: 'warn', messageId: 'port', message: expect.stringContaining('non-default port 8080') });
  });
});

describe('duplicate normalisation', () => {
  it.each([
    ['http://Example.com/a', 'https://example.com/a'],
    ['https://www.example.com/a/', 'https://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com/a/index.html', 'https://example.com/a'],
    ['https://example.com/?utm_source=x&utm_medium=y&fbclid=1&gclid=2', 'https://example.com'],
    ['https://example.com/a?q=1&utm_campaign=z', 'https://example.com/a?q=1'],
  ])('%s is the same as %s', (a, b) => {
    expect(normalizeUrl(a)).toBe(normalizeUrl(b));
  });

  it.each([
    ['https://youtube.com/watch?v=1', 'https://youtube.com/watch?v=2'],
    ['https://example.com/Docs', 'https://example.com/docs'],
    ['https://example.com/a#one', 'https://example.com/a#two'],
    ['https://example.com:8080/a', 'https://example.com/a'],
  ])('%s is not the same as %s', (a, b) => {
    expect(normalizeUrl(a)).not.toBe(normalizeUrl(b));
  });

  it('ignores fragments only when told to', () => {
    expect(normalizeUrl('https://e.com/a#x', { ignoreFragment: true })).toBe(normalizeUrl('https://e.com/a#y', { ignoreFragment: true }));
  });
});

describe('the registry', () => {
  it('validates against its schema and has at least 150 technologies', () => {
    expect(validateRegistryData(DEFAULT_REGISTRY_DATA)).toEqual([]);
    expect(DEFAULT_REGISTRY_DATA.technologies.length).toBeGreaterThanOrEqual(150);
    const names = DEFAULT_REGISTRY_DATA.technologies.map((t) => t.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('rejects a host that is a public suffix', () => {
    const bad = { ...DEFAULT_REGISTRY_DATA, technologies: [{ name: 'X', category: 'tool', hosts: ['github.io'] }] };
    expect(validateRegistryData(bad)[0]!.message).toContain('public suffix');
  });

  it('covers every technology the backend roadmap names', () => {
    for (const name of ['Node.js', 'Python', 'Java', 'Go', 'PostgreSQL', 'MySQL', 'MongoDB', 'Redis', 'GraphQL', 'gRPC', 'Express', 'NestJS', 'Django', 'Flask', 'Spring', 'JWT', 'OAuth', 'OWASP', 'Varnish', 'Postman', 'Jest', 'pytest', 'Docker', 'Kubernetes', 'AWS', 'Heroku', 'Web platform', 'HTTP', 'REST']) {
      expect(registry.technologiesNamedIn(name).map((t) => t.name), name).toContain(name);
    }
  });

  it('matches names as whole words, longest first', () => {
    expect(registry.technologiesNamedIn('Spring Boot Docs').map((t) => t.name)).toEqual(['Spring']);
    expect(registry.technologiesNamedIn('JavaScript (Node.js)').map((t) => t.name)).toEqual(['JavaScript', 'Node.js']);
    expect(registry.technologiesNamedIn('Gopher and Django').map((t) => t.name)).toEqual(['Django']);
  });
});

describe('resource kinds on the roadmap', () => {
  const resources = parseRoadmap(roadmapText(), { path: 'content/backend-roadmap.md' }).sections.flatMap((s) => s.groups.flatMap((g) => g.resources));

  it('gives each of the 39 resources a kind: 30 official, courses and videos', () => {
    expect(resources).toHaveLength(39);
    expect(resources.filter((r) => r.kind === 'official')).toHaveLength(30);
    expect(resources.filter((r) => r.official)).toHaveLength(30);
    for (const r of resources) {
      if (/udemy|coursera|ocw\.mit/u.test(r.host!)) expect(r.kind, r.title).toBe('course');
      if (/youtube/u.test(r.host!)) expect(r.kind, r.title).toBe('video');
    }
    expect(resources.find((r) => r.title === 'REST API Tutorial')).toMatchObject({ kind: 'article', official: false, technology: null });
    expect(resources.find((r) => r.title === 'Spring Boot Docs')).toMatchObject({ kind: 'official', technology: 'Spring' });
  });

  it('reads roadmap.sh markers: the declared kind is the kind, the inferred one is kept; a GitHub repository is open source', () => {
    const r = parseRoadmap('# T\n\n## S\n\n* [@official@Git Documentation](https://git-scm.com/doc)\n* [@article@Some repo](https://github.com/someone/tool)\n').sections[0]!.groups[0]!.resources;
    expect(r.map((x) => [x.title, x.declaredKind, x.kind, x.inferredKind, x.technology])).toEqual([
      ['Git Documentation', 'official', 'official', 'official', 'Git'],
      ['Some repo', 'article', 'article', 'opensource', null],
    ]);
  });
});

describe('policy rules on the roadmap with no configuration', () => {
  const findings = lintRoadmap(roadmapText(), { path: 'content/backend-roadmap.md' });
  const titles = async (rule: string) => (await findings).filter((f) => f.ruleId === rule).map((f) => /"(.+?)"/u.exec(f.message)![1]);

  it('official-only reports exactly the 9 non-official resources', async () => {
    expect(await titles('official-only')).toEqual([
      'freeCodeCamp — Backend Development Explained',
      'REST API Tutorial',
      'Node.js, Express, MongoDB & More',
      'Python Django Full Stack Web Development',
      'Back-End Development Specialization (Meta)',
      'Web Applications for Everybody',
      'Node.js & Express Full Course — freeCodeCamp',
      'Django Tutorial — Programming with Mosh',
      'Computer Science & Programming',
    ]);
  });

  it('similar-link reports the two Redis Docs links, duplicate-link and official-claim nothing', async () => {
    const similar = (await findings).filter((f) => f.ruleId === 'similar-link');
    expect(similar).toHaveLength(1);
    expect(similar[0]).toMatchObject({ start: { line: 74 }, related: { line: 35 } });
    expect(await titles('duplicate-link')).toEqual([]);
    expect(await titles('official-claim')).toEqual([]);
  });
});

describe('duplicate-link', () => {
  const doc = '# T\n\n## A\n\n* [One](https://example.com/page)\n* [Two](http://www.example.com/page/?utm_source=x)\n\n## B\n\n* [Three](https://example.com/page#part)\n* [Four](https://example.com/page)\n';

  it('reports the same resource twice, pointing at the first', async () => {
    const dups = (await lintRoadmap(doc)).filter((f) => f.ruleId === 'duplicate-link');
    expect(dups.map((d) => [d.start.line, d.related?.line])).toEqual([
      [6, 5],
      [11, 5],
    ]);
    expect(dups[0]!.message).toContain('already linked as "One" at line 5');
  });

  it('can be scoped to sections, ignore fragments, and allow duplicates with a reason', async () => {
    const run = async (options: Record<string, unknown>) =>
      (await lintRoadmap(doc, { rules: { 'duplicate-link': ['error', options] } }))
        .filter((f) => f.ruleId === 'duplicate-link')
        .map((f) => f.start.line);
    expect(await run({ scope: 'section' })).toEqual([6]);
    expect(await run({ ignoreFragment: true })).toEqual([6, 10, 11]);
    expect(await run({ allow: [{ url: 'https://example.com/page', reason: 'listed per topic on purpose' }] })).toEqual([]);
  });
});
