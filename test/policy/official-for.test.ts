import { describe, expect, it } from 'vitest';
import { lintRoadmap, parseRoadmap } from '../../src/index.js';
import { analyzeUrl, judgeOfficial } from '../../src/policy/match.js';
import { getDefaultRegistry } from '../../src/policy/registry.js';

const registry = getDefaultRegistry();
const officialFor = (url: string): string[] => analyzeUrl(url, registry).technologies.map((t) => t.name);

describe('official means official for the technology the link is about', () => {
  it.each([
    // [link text, label, url, official, technology]
    ['Node.js Official Docs', 'JavaScript (Node.js)', 'https://nodejs.org/en/docs/', true, 'Node.js'],
    ['Express Docs', 'Node.js', 'https://expressjs.com/', true, 'Express'],
    ['Jest Docs', 'JavaScript', 'https://jestjs.io/docs/getting-started', true, 'Jest'],
    ['Official Docs', 'Redis', 'https://redis.io/docs/', true, 'Redis'],
    ['Lambda Node.js runtime (AWS)', null, 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html', true, 'AWS'],
    ['Node.js streams', null, 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html', false, null],
    ['Node.js on DigitalOcean App Platform', null, 'https://docs.digitalocean.com/products/app-platform/', true, 'DigitalOcean'],
    ['Kafka Streams Confluent', 'Kafka', 'https://docs.confluent.io/platform/current/streams/concepts.html', true, 'Confluent'],
    ['What is npm?', 'npm', 'https://nodejs.org/en/learn/getting-started/an-introduction-to-the-npm-package-manager', true, 'npm'],
    ['Got Documentation', 'Got', 'https://www.npmjs.com/package/got', true, 'Got'],
    ['Best practices for prompts', null, 'https://platform.openai.com/docs/guides/prompt-engineering', true, 'OpenAI API'],
    ['Web-based tutorial', null, 'https://docs.python.org/3/tutorial/', true, 'Python'],
  ] as const)('"%s" under %s at %s: official %s', (title, label, url, official, technology) => {
    const j = judgeOfficial({ url, title, label }, registry);
    expect(j.official).toBe(official);
    expect(j.technology?.name ?? null).toBe(technology);
  });

  it.each([
    ['https://www.digitalocean.com/community/tutorials/how-to-use-ejs-to-template-your-node-application', 'DigitalOcean'],
    ['https://auth0.com/blog/hashing-in-action-understanding-bcrypt/', 'Auth0'],
    ['https://www.cloudflare.com/learning/ssl/what-is-ssl/', 'Cloudflare'],
    ['https://www.cloudflare.com/en-gb/learning/dns/what-is-dns/', 'Cloudflare'],
    ['https://aws.amazon.com/what-is/api/', 'AWS'],
    ['https://www.mongodb.com/resources/basics/databases/database-migration', 'MongoDB'],
    ['https://www.prisma.io/dataguide/intro/what-are-databases', 'Prisma'],
    ['https://blog.heroku.com/best-practices-nodejs-errors', 'Heroku'],
  ])('%s is not documentation of %s, nor of anything else', (url, vendor) => {
    expect(officialFor(url)).toEqual([]);
    expect(registry.technologies.find((t) => t.name === vendor)!.notOfficial?.length).toBeGreaterThan(0);
  });

  it('keeps the same vendors official where they document their own products', () => {
    expect(officialFor('https://docs.digitalocean.com/products/droplets/')).toEqual(['DigitalOcean']);
    expect(officialFor('https://auth0.com/docs/authenticate/protocols/openid-connect-protocol')).toEqual(['Auth0']);
    expect(officialFor('https://developers.cloudflare.com/workers/')).toEqual(['Cloudflare']);
    expect(officialFor('https://aws.amazon.com/dynamodb/')).toEqual(['AWS']);
  });

  it('matches a locale in a path with a "*" segment', () => {
    expect(officialFor('https://learn.microsoft.com/de-de/dotnet/csharp/tour-of-csharp/')).toEqual(['C#', '.NET', 'Microsoft']);
    expect(officialFor('https://www.microsoft.com/en-ca/sql-server/')).toEqual(['Microsoft SQL Server']);
  });

  it('reads names as whole words: "Web-based" is not the web platform, "got" is not the Got library', () => {
    expect(registry.technologiesNamedIn('Web-based tools').map((t) => t.name)).toEqual([]);
    expect(registry.technologiesNamedIn('the Web platform').map((t) => t.name)).toEqual(['Web platform']);
    expect(registry.technologiesNamedIn('What I got wrong about prompts').map((t) => t.name)).toEqual([]);
    expect(registry.technologiesNamedIn('NPM Glob').map((t) => t.name)).toEqual(['glob']);
  });
});

describe('an "Official Resources Only" document', () => {
  // The shape of the backend roadmap's reference sections, with resources that are on registry
  // vendors' hosts but not official for what they are about.
  const doc = [
    '# Node.js Reading List — Official Resources Only',
    '',
    '## 1. Runtime',
    '',
    '* **Node.js** — [Node.js Official Docs](https://nodejs.org/en/docs/)',
    '* [How To Work with Files using the fs Module in Node.js](https://www.digitalocean.com/community/tutorials/how-to-work-with-files-using-the-fs-module-in-node-js)',
    '* [Sample Project](https://auth0.com/blog/create-a-simple-and-stylish-node-express-app/)',
    '* [What is an API?](https://aws.amazon.com/what-is/api/)',
    '* [What is caching?](https://www.cloudflare.com/en-gb/learning/cdn/what-is-caching/)',
    '* [Node.js streams](https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html)',
    '* [Deploy Node.js on AWS Lambda](https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html)',
    '',
  ].join('\n');

  it('classifies each resource for its own technology', () => {
    const resources = parseRoadmap(doc).sections[0]!.groups.flatMap((g) => g.resources);
    expect(resources.map((r) => [r.official, r.technology])).toEqual([
      [true, 'Node.js'],
      [false, null],
      [false, null],
      [false, null],
      [false, null],
      [false, null],
      [true, 'AWS'],
    ]);
  });

  it('official-only reports the five that are not official documentation', async () => {
    const findings = (await lintRoadmap(doc)).filter((f) => f.ruleId === 'official-only');
    expect(findings.map((f) => f.start.line)).toEqual([6, 7, 8, 9, 10]);
  });
});
