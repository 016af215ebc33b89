import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';
import { analyzeUrl } from '../../src/policy/match.js';
import { DEFAULT_REGISTRY_DATA, getDefaultRegistry, Registry, validateRegistryData, type RegistryData, type TechnologyEntry } from '../../src/policy/registry.js';

const registry = getDefaultRegistry();
const officialFor = (url: string, r: Registry = registry): string[] => analyzeUrl(url, r).technologies.map((t) => t.name);

/** The default registry with one more technology, as a configuration would add it. */
const withTechnology = (t: TechnologyEntry): RegistryData => ({ ...DEFAULT_REGISTRY_DATA, technologies: [...DEFAULT_REGISTRY_DATA.technologies, t] });

describe('hosts where anyone can publish are never official as whole hosts', () => {
  // Each host: a page someone else published there is official for nothing, a registry project's
  // own prefix is official up to a path boundary, and a whole-host entry is refused.
  it.each([
    ['docs.rs', 'https://docs.rs/axum/latest/axum/', 'Axum', 'https://docs.rs/axum-evil/latest/', 'https://docs.rs/tokio-rs-official/'],
    ['crates.io', 'https://crates.io/crates/axum', 'Axum', 'https://crates.io/crates/axum-evil', 'https://crates.io/crates/rust-official'],
    ['pypi.org', 'https://pypi.org/project/pip/', 'pip', 'https://pypi.org/project/pip-evil/', 'https://pypi.org/project/python/'],
    ['npmjs.com', 'https://www.npmjs.com/package/axios', 'Axios', 'https://www.npmjs.com/package/axios-evil', 'https://www.npmjs.com/package/node'],
    ['github.com', 'https://github.com/nodejs/node', 'Node.js', 'https://github.com/nodejs-evil/node', 'https://github.com/evil/nodejs'],
    ['gitlab.com', 'https://gitlab.com/gitlab-org/gitlab', 'GitLab', 'https://gitlab.com/gitlab-org-evil/gitlab', 'https://gitlab.com/evil/gitlab-docs'],
    ['bitbucket.org', 'https://bitbucket.org/product/features', 'Bitbucket', 'https://bitbucket.org/evil/bitbucket-docs', 'https://bitbucket.org/productx/'],
    ['pkg.go.dev', 'https://pkg.go.dev/github.com/gin-gonic/gin', null, 'https://pkg.go.dev/github.com/evil/gin', 'https://pkg.go.dev/golang.org/x/evil'],
  ])('%s', (host, ownUrl, owner, evilUrl, otherEvilUrl) => {
    if (owner) expect(officialFor(ownUrl)).toContain(owner);
    expect(officialFor(evilUrl)).toEqual([]);
    expect(officialFor(otherEvilUrl)).toEqual([]);
    const errors = validateRegistryData(withTechnology({ name: 'Anything', category: 'tool', hosts: [host] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/where anyone can publish|public suffix/u);
  });

  it.each([['readthedocs.io'], ['github.io'], ['gitlab.io'], ['medium.com'], ['substack.com'], ['wordpress.com']])(
    'the sites under %s belong to their owners: the host itself is refused',
    (host) => {
      const errors = validateRegistryData(withTechnology({ name: 'Anything', category: 'tool', hosts: [host] }));
      expect(errors).toHaveLength(1);
    },
  );

  it('takes a project site on Read the Docs or GitHub Pages, and nothing beside it', () => {
    expect(officialFor('https://argo-cd.readthedocs.io/en/stable/')).toEqual(['Argo CD']);
    expect(officialFor('https://argo-cd-evil.readthedocs.io/en/stable/')).toEqual([]);
    expect(officialFor('https://esbuild.github.io/api/')).toEqual(['esbuild']);
    expect(officialFor('https://facebook.github.io/react-native/docs/getting-started')).toEqual(['React Native']);
    expect(officialFor('https://facebook.github.io/react-native-evil/')).toEqual([]);
    expect(officialFor('https://rust-unofficial.github.io/patterns/')).toEqual([]);
    // Read the Docs' download servers keep each project under its own path segment.
    expect(officialFor('https://media.readthedocs.org/pdf/django/1.5.x/django.pdf')).toEqual(['Django']);
    expect(officialFor('https://buildmedia.readthedocs.org/media/pdf/django/4.0.x/django.pdf')).toEqual(['Django']);
    expect(officialFor('https://media.readthedocs.org/pdf/django-evil/1.5.x/django.pdf')).toEqual([]);
  });

  it('refuses a prefix that does not name a project, or names it with a wildcard', () => {
    for (const prefix of ['docs.rs/', 'github.com/', 'github.com/*/', 'pypi.org/project/', 'npmjs.com/package/', 'crates.io/crates/', 'pkg.go.dev/github.com/', 'deno.land/x/']) {
      const errors = validateRegistryData(withTechnology({ name: 'Anything', category: 'tool', prefixes: [prefix] }));
      expect(errors.map((e) => e.message).join(), prefix).toContain('does not name a project');
    }
    for (const prefix of ['docs.rs/axum', 'github.com/acme/', 'pypi.org/project/acme/', 'npmjs.com/package/@acme/', 'deno.land/x/acme/']) {
      expect(validateRegistryData(withTechnology({ name: 'Anything', category: 'tool', prefixes: [prefix] })), prefix).toEqual([]);
    }
  });

  it('matches prefixes on whole path segments that the URL parser has already resolved', () => {
    expect(officialFor('https://docs.rs/axum')).toEqual(['Axum']);
    expect(officialFor('https://docs.rs/AXUM/latest/')).toEqual(['Axum']);
    expect(officialFor('https://docs.rs/axum/../axum-evil/')).toEqual([]);
    expect(officialFor('https://docs.rs/axum/%2e%2e/axum-evil/')).toEqual([]);
    expect(officialFor('https://docs.rs/axum\\..\\axum-evil')).toEqual([]);
    expect(officialFor('https://docs.rs/axum%2F..%2Faxum-evil')).toEqual([]);
    expect(officialFor('https://github.com/microsoft/TypeScript-Website')).toEqual([]);
    expect(officialFor('https://github.com/Microsoft/typescript/issues')).toEqual(['TypeScript']);
  });

  it('keeps a home page official where the rest of the host is open', () => {
    expect(officialFor('https://github.com/')).toEqual(['GitHub']);
    expect(officialFor('https://gitlab.com')).toEqual(['GitLab']);
    expect(officialFor('https://www.npmjs.com/')).toEqual(['npm']);
  });

  it('carves open areas out of a technology host: Deno modules, CRAN packages, forums', () => {
    expect(officialFor('https://deno.land/manual')).toEqual(['Deno']);
    expect(officialFor('https://deno.land/x/evil/mod.ts')).toEqual([]);
    expect(officialFor('https://cran.r-project.org/manuals.html')).toEqual(['R']);
    expect(officialFor('https://cran.r-project.org/web/packages/evil/index.html')).toEqual([]);
    expect(officialFor('https://docs.python.org/3/')).toEqual(['Python']);
    expect(officialFor('https://discuss.python.org/t/anything/1')).toEqual([]);
    expect(officialFor('https://galaxy.ansible.com/ui/repo/published/evil/')).toEqual([]);
  });

  it('never climbs from a publisher subdomain to its host, even for an unchecked registry', () => {
    const unchecked = new Registry(withTechnology({ name: 'Medium', category: 'tool', hosts: ['medium.com'] }));
    expect(officialFor('https://medium.com/', unchecked)).toEqual(['Medium']);
    expect(officialFor('https://evil.medium.com/nodejs-docs', unchecked)).toEqual([]);
  });

  it('the default registry has no entry that covers what others publish', () => {
    expect(validateRegistryData(DEFAULT_REGISTRY_DATA)).toEqual([]);
  });
});

describe('a configuration cannot make an open host official', () => {
  const roadmap = '# Rust Web — Official Resources Only\n\n## 1. Frameworks\n\n* [Axum](https://docs.rs/axum/latest/axum/)\n* [Acme](https://docs.rs/acme-web/latest/)\n';

  it('refuses a whole open host with exit 2 and a message naming the entry', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ officialSources: { technologies: [{ name: 'Acme', hosts: ['docs.rs'] }] } }));
    writeFileSync(join(dir, 'rust.md'), roadmap);
    const r = cli(['lint', 'rust.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid officialSources: /technologies/');
    expect(r.stderr).toContain('"docs.rs" would cover docs.rs, where anyone can publish (docs.rs)');
  });

  it('takes the project prefix, pages and notOfficial paths a configuration names', () => {
    const dir = tempDir();
    const acme = { name: 'Acme', prefixes: ['docs.rs/acme-web/'], pages: ['acme.example/'], notOfficial: ['acme.example/blog/'] };
    writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ officialSources: { technologies: [acme] } }));
    writeFileSync(join(dir, 'rust.md'), `${roadmap}* [Acme home](https://acme.example/)\n* [Acme blog](https://acme.example/blog/launch)\n`);
    const r = cli(['lint', '--format', 'compact', 'rust.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.includes('official-only'))).toEqual([expect.stringMatching(/^rust\.md:8:3: error official-only /u)]);
  });
});
