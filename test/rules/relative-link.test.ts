import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { placesOf } from './harness.js';

/** A repository folder the way awesome lists keep one: the list, its guide, its licence, docs. */
function repository(): string {
  const dir = tempDir('relative-link-');
  writeFileSync(join(dir, 'CONTRIBUTING.md'), '# Contributing\n');
  writeFileSync(join(dir, 'my notes.md'), '# Notes\n');
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'x.md'), '# X\n');
  return dir;
}

describe('relative-link', () => {
  it('passes relative links whose targets exist, and reports those that do not', async () => {
    const dir = repository();
    const source = [
      '# Awesome Tools',
      '',
      'Please read the [contribution guidelines](CONTRIBUTING.md) first.',
      '',
      '## Docs',
      '',
      '* [X](./docs/x.md) - The x guide.',
      '* [X, part two](docs/x.md#part-two) - With a fragment.',
      '* [X, plain](docs/x.md?plain=1) - With a query.',
      '* [Notes](my%20notes.md) - Escaped space.',
      '* [Up](../) - The parent folder.',
      '* [Licence](LICENSE) - Missing.',
      '* [Gone](docs/gone.md#intro) - Missing, with a fragment.',
      '',
      '![logo](media/logo.svg)',
      '',
    ].join('\n');
    expect(await placesOf('relative-link', source, { path: join(dir, 'README.md') })).toEqual(['12:3 missing', '13:3 missing', '15:1 missing']);
  });

  it('names a web address written without its scheme (public-apis)', async () => {
    const dir = repository();
    const source = '# Public APIs\n\n## Development\n\n* [Filestack](www.postman.com/filestack-wolfpack/filestack/overview?sideView=agentMode) - File uploads\n';
    expect(await placesOf('relative-link', source, { path: join(dir, 'README.md') })).toEqual(['5:3 missingScheme']);
  });

  it('leaves anchors, site-root links, web links and misspelt schemes to other rules', async () => {
    const dir = repository();
    const source = '# T\n\n[a](#t) [b](/docs/x.md) [c](https://c.example/) [d](mailto:x@y.example) [e](http//e.example/) [f](ttps://f.example/) [g](//g.example/x)\n';
    expect(await placesOf('relative-link', source, { path: join(dir, 'README.md') })).toEqual([]);
  });
});
