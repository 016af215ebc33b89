import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { cutPoints, parseMarkdown } from '../../src/pipeline/parse.js';
import { ROOT, roadmapText } from '../helpers.js';

const whole = (s: string) => unified().use(remarkParse).parse(s);

describe('parsing long documents in pieces', () => {
  it.each([
    ['the roadmap', roadmapText()],
    ['the README', readFileSync(join(ROOT, 'README.md'), 'utf8')],
    ['the architecture notes', readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')],
    ['a rule page with fenced examples', readFileSync(join(ROOT, 'docs/rules/official-only.md'), 'utf8')],
    ['CRLF line ends', roadmapText().replaceAll('\n', '\r\n')],
  ])('gives exactly the whole-document tree: %s', (_name, text) => {
    expect(cutPoints(text, 1)!.length).toBeGreaterThan(0);
    expect(parseMarkdown(text, 1)).toEqual(whole(text));
  });

  it('never cuts inside fenced code or an HTML block, and parses documents with definitions whole', () => {
    const tricky = '# T\n\n```md\n\n# not a heading\n```\n\n<!--\n\n# hidden\n-->\n\n<pre>\n\n# raw\n</pre>\n\n## Real\n\ntext\n';
    expect(cutPoints(tricky, 1)!.map((c) => c.line)).toEqual([18]);
    expect(parseMarkdown(tricky, 1)).toEqual(whole(tricky));
    expect(cutPoints('# T\n\n[a]: https://a.example/\n\n## S\n\n[x][a]\n', 1)).toBeNull();
  });

  it('matches the whole-document parse on generated documents', () => {
    const block = fc.constantFrom(
      '# Title',
      '## 2. Section',
      '### Sub',
      '',
      '',
      'A paragraph with [a link](https://a.example/).',
      '* [Item](https://b.example/) — desc',
      '  * nested item',
      '1. step',
      '> quote',
      '---',
      '```',
      '~~~js',
      '    indented code',
      '<!-- comment',
      '-->',
      '<div>',
      '</div>',
      '<pre>',
      '<script>',
      '</script>',
      '   # indented heading',
      '</pre>',
      '| a | b |',
      'Setext',
      '===',
      '#not-a-heading',
      '#',
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 60 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        expect(parseMarkdown(text, 1)).toEqual(whole(text));
      }),
      { numRuns: 500 },
    );
  });
});
