import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidates, parseMarkdown, parseWhole, pieceStarts } from '../../src/pipeline/parse.js';
import { markdownDocument } from '../fuzz/arbitraries.js';
import { ROOT, roadmapText, sharedCorpus } from '../helpers.js';

const pieces = (text: string) => parseMarkdown(text, { minPiece: 1 });

describe('parsing long documents in pieces', () => {
  it.each([
    ['the roadmap', roadmapText()],
    ['the README', readFileSync(join(ROOT, 'README.md'), 'utf8')],
    ['the architecture notes', readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')],
    ['a rule page with fenced examples', readFileSync(join(ROOT, 'docs/rules/official-only.md'), 'utf8')],
    ['CRLF line ends', roadmapText().replaceAll('\n', '\r\n')],
  ])('gives exactly the whole-document tree: %s', (_name, text) => {
    expect(pieceStarts(text, 1).length).toBeGreaterThan(1);
    expect(pieces(text)).toEqual(parseWhole(text));
  });

  it('does not take ```a`b (not a fence: a backtick in the info string) for a fence', () => {
    const text = '# T\n\n## One\n\n```a`b\n\n## Two\n\n- [Real](https://real.example/)\n';
    expect(pieceStarts(text, 1)).toEqual([0, 5, text.indexOf('## Two')]);
    const tree = pieces(text);
    expect(tree).toEqual(parseWhole(text));
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'heading', 'paragraph', 'heading', 'list']);
  });

  it('never cuts inside fenced code or an HTML block, whatever the headings inside look like', () => {
    const tricky =
      '# T\n\n```md\n\n# not a heading\n```\n\n<!--\n\n# hidden\n-->\n\n<pre>\n\n# raw\n</pre>\n\n- item\n\n  ```\n\n# closes the item and its fence\n\n```\n\n# inside a top-level fence\n```\n\n## Real\n\ntext\n';
    const starts = pieceStarts(tricky, 1);
    const lineOf = (offset: number) => tricky.slice(0, offset).split('\n').length;
    expect(starts.map(lineOf)).toEqual([1, 22, 29]);
    expect(pieces(tricky)).toEqual(parseWhole(tricky));
    // Candidates are only guesses: most lines starting with # here are checked and refused.
    expect(candidates(tricky).length).toBeGreaterThan(starts.length);
  });

  it('resolves a definition in a block quote for a reference in a later piece', () => {
    const text = '# Official Resources Only\n\n## 1. A\n\n> [ref]: https://evil.example/\n\n## 2. B\n\n- [Python Docs][ref]\n';
    const tree = pieces(text);
    expect(tree).toEqual(parseWhole(text));
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
  });

  it('keeps a last heading with no line end once when the piece before it borrows a definition', () => {
    const source = '# T\n\n[ref]: https://x.example/\n\n# H1\n\n[a][ref]\n\n# Last';
    expect(pieceStarts(source, 1)).toHaveLength(3);
    expect(parseMarkdown(source, { minPiece: 1 })).toEqual(parseWhole(source));
  });

  it('resolves definitions in list items, in later pieces and in footnote-like labels across pieces', () => {
    const text = [
      '# T',
      '',
      '## A',
      '',
      '- [Early][late] and [Nested *label*][] and [multi',
      '  line]',
      '',
      '## B',
      '',
      '- item',
      '',
      '  [nested *label*]: https://n.example/',
      '> [Multi',
      '> Line]: https://m.example/',
      '',
      '## C',
      '',
      '[late]: https://late.example/ "Title"',
      '',
    ].join('\n');
    const tree = pieces(text);
    expect(pieceStarts(text, 1).length).toBe(4);
    expect(tree).toEqual(parseWhole(text));
    expect(JSON.stringify(tree).match(/"type":"linkReference"/gu)).toHaveLength(3);
  });

  it('never cuts front matter (a YAML comment looks like a heading), and parses unclosed front matter whole', () => {
    const fm = '---\n# comment\n\ntitle: x\n---\n\n# T\n\n## S\n';
    expect(candidates(fm).map((c) => c.line)).toEqual([7, 9]);
    expect(parseMarkdown(fm, 1)).toEqual(parseWhole(fm));
    expect(parseMarkdown(fm, 1).children[0]!.type).toBe('yaml');
    expect(candidates('---\n\n# Title\n  * item\n')).toEqual([]);
    expect(candidates('+++\ntitle = "x"\n+++\n\n# T\n').map((c) => c.line)).toEqual([5]);
  });

  it('resolves a reference whose label holds a character reference, defined in a later piece (undici\'s docs)', () => {
    const text = '# T\n\nCompliant with [RFC&nbsp;9111][] and [x&amp;y][].\n\n## Later\n\n[RFC&nbsp;9111]: https://www.rfc-editor.org/rfc/rfc9111.html\n[x&amp;y]: https://x.example/\n';
    const tree = pieces(text);
    expect(tree).toEqual(parseWhole(text));
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
  });

  it('cuts a long list between its items, and the joined list is the one the whole parse gives', () => {
    const tight = `# List\n\n${Array.from({ length: 3000 }, (_, i) => `- [Item ${i}](https://example${i}.com/p/${i})`).join('\n')}\n`;
    const loose = tight.replaceAll(')\n- ', ')\n\n- ');
    const ordered = `# List\n\n${Array.from({ length: 3000 }, (_, i) => `${i + 1}. item ${i}\n   more of item ${i}`).join('\n')}\n`;
    for (const text of [tight, loose, ordered]) {
      const tree = parseMarkdown(text);
      expect(tree).toEqual(parseWhole(text));
      expect(tree.children.map((c) => c.type)).toEqual(['heading', 'list']);
    }
    for (const text of [tight, loose, ordered]) expect(pieceStarts(text).length).toBeGreaterThan(3);
  });

  it('matches the whole-document parse on generated list soups, cut at every item it can', () => {
    const line = fc.constantFrom(
      '- a', '* b', '+ c', '1. one', '2) two', '10. ten', '  - nested', '    code', '```', '- ```', '  continued', 'lazy text', '', '',
      '> quote', '> - quoted item', '- [ ] task', '- [x] done', '[ref]: https://x.example/', '- [link][ref]', '# H', '---', '- ', '* * *',
      '<div>', '</div>', '- a\\', '[^1]: note', 'text[^1]', '-\tb', '1.\tc', '- # h', '  1. nested ordered', '| a | b |', '| - | - |',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        expect(pieces(text)).toEqual(parseWhole(text));
      }),
      { numRuns: 5000, seed: 20261124 },
    );
  });

  it('matches the whole-document parse on generated documents', () => {
    fc.assert(
      fc.property(markdownDocument(), (text) => {
        expect(pieces(text)).toEqual(parseWhole(text));
      }),
      { numRuns: 200, seed: 20261124 },
    );
  });

  it('matches the whole-document parse on the real lists, and cuts them', () => {
    const corpus = sharedCorpus();
    if (corpus.length === 0) {
      console.warn('skipped: ../shared/corpus/lists is not present');
      return;
    }
    for (const { text } of corpus) {
      expect(parseMarkdown(text, { minPiece: 4096 })).toEqual(parseWhole(text));
    }
  }, 300_000);
});
