/**
 * The bundler's changes to the parser's packages (scripts/parser-patches.js): one handler context
 * per document, and the combined constructs and the compiler made once per extension list. The
 * patched parser builds the trees the packages' own build, document after document in one process
 * (where state left by one document could reach the next), on real documents and generated ones,
 * with the extension lists changing under it; and the bundled command line carries the changes.
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
import { PARSER_PATCHES, parserPatches, patchSource } from '../../scripts/parser-patches.js';
import * as stockCharacter from 'micromark-util-character';
import { packageReadmes, ROADMAP, ROOT, sharedCorpus, tempDir } from '../helpers.js';

/** The parser as the command line configures it, with the packages' own code. */
const stock = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
/** CommonMark alone. */
const plain = unified().use(remarkParse).freeze();

type FromMarkdown = (value: string, options: { extensions: unknown[]; mdastExtensions: unknown[] }) => Root;
type CodeCheck = (code: number | null) => boolean;
let changed: FromMarkdown;
let changedCharacter: Record<string, CodeCheck>;

/** The patched parser, given the extensions remark-parse gives the stock one. */
const changedParse = (text: string): Root =>
  changed(text, {
    extensions: (stock.data('micromarkExtensions') ?? []) as unknown[],
    mdastExtensions: (stock.data('fromMarkdownExtensions') ?? []) as unknown[],
  });

beforeAll(async () => {
  // The packages bundled the way scripts/bundle.js bundles them, with the plugin.
  const outfile = join(tempDir(), 'from-markdown.mjs');
  await build({
    stdin: {
      contents: "export { fromMarkdown } from 'mdast-util-from-markdown';\nexport * as character from 'micromark-util-character';",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    plugins: [parserPatches],
    logLevel: 'silent',
  });
  const text = readFileSync(outfile, 'utf8');
  expect(text).toMatch(/handlerThis\.sliceSerialize = events\[index\d*\]\[2\]\.sliceSerialize;/u);
  expect(text).toContain('function combinedConstructs(');
  expect(text).toContain('function createCompiler(');
  expect(text).toMatch(/const ascii\d* = new Uint8Array\(128\);/u);
  expect(text).toMatch(/while \(jumps\d*\.has\(index\d*\)\)/u);
  expect(text).toMatch(/events\d*\.left = eventsArray;/u);
  const mod = (await import(pathToFileURL(outfile).href)) as { fromMarkdown: FromMarkdown; character: Record<string, CodeCheck> };
  changed = mod.fromMarkdown;
  changedCharacter = mod.character;
}, 60_000);

describe('the patched parser (scripts/parser-patches.js)', () => {
  const installed = (key: string): string => join(ROOT, 'node_modules', key);

  it('finds each text it replaces exactly once in the installed packages, and says which file when it does not', () => {
    expect(Object.keys(PARSER_PATCHES)).toHaveLength(5);
    for (const key of Object.keys(PARSER_PATCHES)) {
      const text = readFileSync(installed(key), 'utf8');
      expect(patchSource(key, text, key)).not.toBe(text);
    }
    const compilerText = readFileSync(installed('mdast-util-from-markdown/lib/index.js'), 'utf8');
    expect(() => patchSource('mdast-util-from-markdown/lib/index.js', compilerText.replace('    events = prepared;\n', '    events = prepared.slice();\n'), 'lib/index.js')).toThrow(
      /expected one match in lib\/index\.js, found 0/u,
    );
    const parseText = readFileSync(installed('micromark/lib/parse.js'), 'utf8');
    expect(() => patchSource('micromark/lib/parse.js', parseText.replace('combineExtensions([defaultConstructs', 'combineExtensions([...defaultConstructs'), 'parse.js')).toThrow(
      /expected one match in parse\.js, found 0/u,
    );
  });

  it('stops a build that bundles one of the packages from another file', async () => {
    // micromark's development build (the "development" condition) is a file the plugin does not know.
    const build2 = build({
      stdin: { contents: "export { fromMarkdown } from 'mdast-util-from-markdown';", resolveDir: ROOT, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      conditions: ['development'],
      write: false,
      plugins: [parserPatches],
      logLevel: 'silent',
    });
    await expect(build2).rejects.toThrow(/not bundled from node_modules/u);
  });

  it('is in the bundled command line', () => {
    const bundle = readFileSync(join(ROOT, 'build/roadmap.cjs'), 'latin1');
    // Minified: `<this>.sliceSerialize=<events>[<index>][2].sliceSerialize`, and the two caches' entries.
    expect(bundle).toMatch(/\.sliceSerialize=[\w$]+\[[\w$]+\]\[2\]\.sliceSerialize[;,]/u);
    expect(bundle).toMatch(/\{items:\[\.\.\.[\w$]+\],constructs:/u);
    expect(bundle).toMatch(/\{items:\[\.\.\.[\w$]+\],compile:/u);
    // The tokenizer's changes: a map's own list, the ASCII table, the jumps in a Map, the buffer in place.
    expect(bundle).toMatch(/if\(![\w$]+&&Array\.isArray\([\w$]+\)\)return [\w$]+\([\w$]+\)\([\w$]+\);/u);
    expect(bundle).toMatch(/\.test\(String\.fromCharCode\([\w$]+\)\)\?1:0/u);
    expect(bundle).toMatch(/for\(;[\w$]+\.has\([\w$]+\);\)[\w$]+=[\w$]+\.get\([\w$]+\)/u);
    expect(bundle).toMatch(/\b[\w$]+\.left=[\w$]+;/u);
  });

  it('answers every character code as micromark-util-character does', () => {
    const names = Object.keys(stockCharacter).filter((name) => typeof (stockCharacter as Record<string, unknown>)[name] === 'function');
    expect(names.length).toBeGreaterThanOrEqual(12);
    // micromark's codes: null (end of input), -5 to -1 (line endings, tabs, virtual spaces) and
    // UTF-16 code units; a few beyond them as well.
    const codes: (number | null)[] = [null, -5, -4, -3, -2, -1, 0x10000, 0x1f600, 0x10ffff];
    for (let code = 0; code <= 0xffff; code++) codes.push(code);
    const differ: string[] = [];
    for (const name of names) {
      const stock = (stockCharacter as Record<string, CodeCheck>)[name]!;
      const patched = changedCharacter[name]!;
      for (const code of codes) if (patched(code) !== stock(code)) differ.push(`${name}(${code})`);
    }
    expect(differ).toEqual([]);
  });

  it('makes the constructs and the compiler again when the extension list changes', () => {
    const table = '| a | b |\n| - | - |\n| 1 | 2 |\n\nwww.example.com ~~gone~~\n';
    // One array, given first empty, then with GitHub's extensions and front matter, then empty again.
    const extensions: unknown[] = [];
    const mdastExtensions: unknown[] = [];
    const parse = (text: string): Root => changed(text, { extensions, mdastExtensions });
    expect(parse(table)).toEqual(plain.parse(table));
    extensions.push(...((stock.data('micromarkExtensions') ?? []) as unknown[]));
    mdastExtensions.push(...((stock.data('fromMarkdownExtensions') ?? []) as unknown[]));
    expect(parse(table)).toEqual(stock.parse(table));
    expect(parse(table).children[0]?.type).toBe('table');
    extensions.length = 0;
    mdastExtensions.length = 0;
    expect(parse(table)).toEqual(plain.parse(table));
    // Other arrays, in turns with the command line's.
    for (let i = 0; i < 3; i++) {
      expect(changed(table, { extensions: [], mdastExtensions: [] })).toEqual(plain.parse(table));
      expect(changedParse(table)).toEqual(stock.parse(table));
    }
  });

  it('gives each document its own compile data, as the package does', () => {
    // A listener sees the data object handlers keep their flags in; one document's flag must not
    // be there when the next begins (the compiler itself is shared by the documents).
    const seen: object[] = [];
    const leftOver: unknown[] = [];
    const listener = {
      beforeEnter(this: { data: Record<string, unknown> }) {
        if (!seen.includes(this.data)) {
          seen.push(this.data);
          leftOver.push(this.data['marker']);
        }
        this.data['marker'] = true;
      },
    };
    const options = { extensions: [], mdastExtensions: [listener] };
    for (const text of ['# one\n', 'two\n', '- three\n']) changed(text, options);
    expect(seen).toHaveLength(3);
    expect(leftOver).toEqual([undefined, undefined, undefined]);
  });

  it('builds the stock trees for the roadmap, the shared lists and the READMEs of the installed packages, one after another', () => {
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
