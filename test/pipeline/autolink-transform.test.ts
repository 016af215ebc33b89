/**
 * The literal-autolink transform, skipped where it cannot change anything
 * (src/pipeline/autolink-transform.ts): the parser's trees stay those of the stock processor, on
 * real documents and on generated text full of near-misses.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { autolinkScopes, autolinkTransform, guardedAutolinkTransform } from '../../src/pipeline/autolink-transform.js';
import { autolinkGuards, parseWhole } from '../../src/pipeline/parse.js';
import { packageReadmes, ROADMAP, sharedCorpus } from '../helpers.js';

/** The processor as remark-gfm configures it, without the guard. */
const stock = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const stockParse = (text: string): Root => stock.parse(text);

/** Every other README of the installed packages. */
const halfTheReadmes = (): { name: string; text: string }[] => packageReadmes().filter((_, i) => i % 2 === 0);

describe('the literal-autolink transform, guarded', () => {
  it('is guarded in the parser, once', () => {
    expect(autolinkTransform).toBeTypeOf('function');
    expect(autolinkGuards).toBe(1);
    const extensions = (stock.data('fromMarkdownExtensions') ?? []).flat(Infinity) as { transforms?: unknown[] }[];
    // The stock processor still has the package's own transform: the guard changed only ours.
    expect(extensions.some((e) => e.transforms?.includes(autolinkTransform))).toBe(true);
    expect(extensions.some((e) => e.transforms?.includes(guardedAutolinkTransform))).toBe(false);
  });

  it('runs on the blocks that hold candidate text, once each, and on nothing else', () => {
    // CommonMark alone leaves literal URLs as text, as the transform finds them.
    const plain = unified().use(remarkParse).freeze();
    const tree = plain.parse('# Title www.a.example\n\nPlain text.\n\nSee *www.b.example* and http://c.example.\n\n[www.d.example](https://d.example)\n') as Root;
    const text = (value: string) => ({ type: 'text' as const, value });
    tree.children.push({ type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text('x@y.example')] }, { type: 'tableCell', children: [text('no')] }] }] });
    expect(autolinkScopes(tree).map((s) => s.type)).toEqual(['heading', 'paragraph', 'tableCell']);
    expect(autolinkScopes(plain.parse('[www.d.example](https://d.example) and [x@y.example][r]\n\n[r]: https://r.example\n') as Root)).toEqual([]);
    // A candidate outside those blocks (no parser makes one) sends the whole tree through.
    const odd: Root = { type: 'root', children: [{ type: 'blockquote', children: [text('www.e.example') as never] }] };
    expect(autolinkScopes(odd)).toEqual([odd]);
  });

  it('skips the roadmap, whose links are all link targets', () => {
    expect(autolinkScopes(stockParse(readFileSync(ROADMAP, 'utf8')))).toEqual([]);
  });

  it('gives the stock trees on the roadmap, the shared lists and half the READMEs of the installed packages', () => {
    const docs = [{ name: 'backend-roadmap.md', text: readFileSync(ROADMAP, 'utf8') }, ...sharedCorpus(), ...halfTheReadmes()];
    expect(docs.length).toBeGreaterThan(100);
    let skipped = 0;
    for (const doc of docs) {
      const ours = parseWhole(doc.text);
      expect(ours, doc.name).toEqual(stockParse(doc.text));
      if (autolinkScopes(ours).length === 0) skipped++;
    }
    // The shortcut is taken on real documents, and not on all of them.
    expect(skipped).toBeGreaterThan(0);
    expect(skipped).toBeLessThan(docs.length);
  });

  it('gives the stock trees on generated text full of near-misses: www, http, @, mailto:, xmpp: in every case and place', () => {
    const piece = fc.constantFrom(
      'www.example.com', 'WWW.Example.org', 'wwwexample', 'ww.w', 'http://a.b', 'HTTPS://x.y/z?q=1', 'http:/a', 'https//b',
      'a@b.co', 'A.B+c@d-e.f', '@b.co', 'a@b', 'mailto:x@y.z', 'MAILTO:x@y.z', 'xmpp:u@h.io/r', 'xmpp:u@h',
      ' ', '\n', '\n\n', '*', '_', '`', '[', ']', '(', ')', '<', '>', '.', ',', ':', ';', '!', '?', '~', '|', '-',
      '[l](https://t.example)', '[r][d]', '\n\n[d]: https://d.example\n', '<https://a.example>', '# ', '> ', '- ', '1. ',
      'é', 'ß', '世', '😀', 'word', 'Www', 'hTtP', '&amp;', '&#64;', '\\@', 'x', '1',
      '\n\n| www.a.example | b@c.example |\n| --- | --- |\n| http://d.example | e |\n\n', '**www.x.example**', '~~a@b.example~~',
      '\n\n[^1]: see www.f.example\n\n', '\n\n## www.h.example\n\n', '*http://e.example and _www.g.example_*',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(parseWhole(text)).toEqual(stockParse(text));
      }),
      { numRuns: 3000, seed: 20261124 },
    );
  });
});
