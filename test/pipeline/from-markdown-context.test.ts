/**
 * The bundler's change to mdast-util-from-markdown (scripts/from-markdown-context.js): a compiler
 * that gives every handler one `this` builds the trees the package's own compiler builds, on real
 * documents and on generated ones, and the bundled command line carries the change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without types
import { fromMarkdownContext, patchFromMarkdown } from '../../scripts/from-markdown-context.js';
import { packageReadmes, ROADMAP, ROOT, sharedCorpus, tempDir } from '../helpers.js';

/** The parser as the command line configures it, with the package's own compiler. */
const stock = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

type FromMarkdown = (value: string, options: { extensions: unknown[]; mdastExtensions: unknown[] }) => Root;
let changed: FromMarkdown;

/** The changed compiler, given the extensions remark-parse gives the stock one. */
const changedParse = (text: string): Root =>
  changed(text, {
    extensions: (stock.data('micromarkExtensions') ?? []) as unknown[],
    mdastExtensions: (stock.data('fromMarkdownExtensions') ?? []) as unknown[],
  });

beforeAll(async () => {
  // The package bundled the way scripts/bundle.js bundles it, with the plugin.
  const outfile = join(tempDir(), 'from-markdown.mjs');
  await build({
    stdin: { contents: "export { fromMarkdown } from 'mdast-util-from-markdown';", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    plugins: [fromMarkdownContext],
    logLevel: 'silent',
  });
  expect(readFileSync(outfile, 'utf8')).toMatch(/handlerThis\.sliceSerialize = events\[index\d*\]\[2\]\.sliceSerialize;/u);
  changed = ((await import(pathToFileURL(outfile).href)) as { fromMarkdown: FromMarkdown }).fromMarkdown;
}, 60_000);

describe('the compiler with one handler context (scripts/from-markdown-context.js)', () => {
  it('finds each text it replaces exactly once in the installed package, and says which file when it does not', () => {
    const file = join(ROOT, 'node_modules/mdast-util-from-markdown/lib/index.js');
    const text = readFileSync(file, 'utf8');
    expect(patchFromMarkdown(text, file)).not.toBe(text);
    expect(() => patchFromMarkdown(text.replace('    events = prepared;\n', '    events = prepared.slice();\n'), 'lib/index.js')).toThrow(/expected one match in lib\/index\.js, found 0/u);
  });

  it('is in the bundled command line', () => {
    const bundle = readFileSync(join(ROOT, 'build/roadmap.cjs'), 'latin1');
    // Minified: `<this>.sliceSerialize=<events>[<index>][2].sliceSerialize`.
    expect(bundle).toMatch(/\.sliceSerialize=\w+\[\w+\]\[2\]\.sliceSerialize[;,]/u);
  });

  it('builds the stock trees for the roadmap, the shared lists and the READMEs of the installed packages', () => {
    const docs = [{ name: 'backend-roadmap.md', text: readFileSync(ROADMAP, 'utf8') }, ...sharedCorpus(), ...packageReadmes()];
    expect(docs.length).toBeGreaterThan(200);
    for (const doc of docs) expect(changedParse(doc.text), doc.name).toEqual(stock.parse(doc.text));
  }, 120_000);

  it('builds the stock trees for generated documents of every construct the parser knows', () => {
    const piece = fc.constantFrom(
      '# Title\n', 'Setext\n===\n', 'Sub\n---\n', '---\ntitle: x\n---\n', '+++\na = 1\n+++\n', '\n', '\n\n', '  ', '\t', '> ', '>> ',
      '- ', '* ', '1. ', '2) ', '- [ ] ', '- [x] ', '    code\n', '```js\nlet a = 1;\n```\n', '~~~\n~~~\n', '| a | b |\n| - | :-: |\n| 1 | 2 |\n',
      '[text](https://a.example "t")', '[ref][d]', '[d]', '[d]: https://d.example\n', '![img](i.png)', '[^1]', '[^1]: note\n    more\n',
      '<https://auto.example>', 'www.example.com', 'https://x.example/a_b', 'a@b.co', '~~gone~~', '*em*', '__strong__', '`code`',
      '<div>\nhtml\n</div>\n', '<span>', '<!-- c -->', '&amp;', '&#123;', '\\*', '  \n', '\\\n', 'word', 'é', '世', '😀', '***\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(changedParse(text)).toEqual(stock.parse(text));
      }),
      { numRuns: 1500, seed: 20261124 },
    );
  });
});
