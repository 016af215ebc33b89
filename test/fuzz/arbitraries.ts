/**
 * Generated Markdown for property tests and `npm run fuzz`: grammar pieces (lists, quotes,
 * tables, HTML, fences and false fences, references and definitions inside containers, front
 * matter, deep nesting), arbitrary Unicode, mojibake, and mutated real documents.
 */
import fc from 'fast-check';

const url = fc.constantFrom(
  'https://docs.python.org/3/',
  'https://developer.mozilla.org/en-US/docs/Web',
  'https://github.com/nodejs/node',
  'https://evil.example/',
  'http://a.example/path?q=1#x',
  '#section',
  '#2-databases',
  'mailto:someone@example.org',
  'javascript:alert(1)',
  'data:text/html,hi',
  'relative/page.md',
  '<https://angle.example/a b>',
  'https://xn--pypl-53dc.com/',
  'https://例え.jp/パス',
);
const label = fc.constantFrom('ref', 'Ref', 'python docs', 'Python  Docs', 'a\\]b', 'x', '1', 'late', 'multi\nline');
const word = fc.constantFrom(
  'Python', 'Docs', 'REST', 'API', 'official', 'only', 'Node.js', 'Redis', '—', '–', ':', '|', '**', '*', '_', '__', '~~',
  '`code`', '\\*', '&amp;', '&#0;', '&#x1F600;', '<b>', '</b>', '<!--', '-->', '[', ']', '(', ')', '!', '<', '>',
);
/** Mojibake as users have it: UTF-8 read as windows-1252 or Latin-1, and sequences that look like it. */
const mojibake = fc.constantFrom(
  'â€”', 'â€“', 'â€™', 'Ã©', 'Ã¼', 'ðŸ–¥', 'âœ…', 'Ã¨', 'Ã‰', 'Ã€', 'À€', '5×£35', 'NESTLÉ®', 'Â ', 'Ã\u00a0', 'â€\u009d',
  'Ð¿Ñ€Ð¸Ð²ÐµÑ‚', 'æ—¥æœ¬', 'Ã¢â‚¬â€', 'ï»¿', '\u0080', '\u009f',
);
const unicode = fc.string({ unit: 'grapheme', maxLength: 12 });
const anyText = fc.string({ unit: 'binary', maxLength: 8 }).map((s) => s.replace(/\0/gu, '\uFFFD'));

export const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: word },
      { weight: 2, arbitrary: mojibake },
      { weight: 2, arbitrary: unicode },
      { weight: 1, arbitrary: anyText },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom('Python Docs', 'A', 'Ã©tÃ©', '**Bold**', '`c`', ''), url).map(([t, u]) => `[${t}](${u})`) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('Python Docs', 'A'), label).map(([t, l]) => `[${t}][${l}]`) },
      { weight: 1, arbitrary: label.map((l) => `[${l}]`) },
      { weight: 1, arbitrary: label.map((l) => `[${l}][]`) },
      { weight: 1, arbitrary: url.map((u) => `![img](${u})`) },
      { weight: 1, arbitrary: url.map((u) => `<${u}>`) },
      { weight: 1, arbitrary: fc.constantFrom('[^1]', '[^note]', 'www.example.com', 'https://bare.example/x') },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

/** One line of a block: leaf blocks, container starts, and lines that look like them but are not. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: inline },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('.', ')', ' -', ':'), inline).map(([n, s, t]) => `## ${n}${s} ${t}`) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('* ', '- ', '+ ', '1. ', '2) ', '  * ', '    - ', '   1. ', '\t- '), inline).map(([m, t]) => m + t) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('> ', '>', '> > ', '>> - ', '> 1. ', '  > '), inline).map(([m, t]) => m + t) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '> ', '- ', '  ', '   '), label, url).map(([m, l, u]) => `${m}[${l}]: ${u}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '> ', '- '), fc.constantFrom('1', 'note')).map(([m, l]) => `${m}[^${l}]: footnote text`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '```', '```js', '~~~', '~~~~', '````', '```a`b', '``` a`b', '   ```', '    ```', '  ```', '- ```', '> ```', '```\r',
      '<!--', '-->', '<!-- roadmap-lint-disable -->', '<!-- roadmap-lint-enable -->', '<!-- roadmap-lint-disable-next-line -->',
      '<div>', '</div>', '<pre>', '</pre>', '<script>', '</script>', '<?php', '?>', '<![CDATA[', ']]>', '<!DOCTYPE html>',
      '<details><summary>S</summary>', '</details>', '<a href="javascript:alert(1)">x</a>',
      '---', '***', '___', '===', '- - -', '    indented code', '\tcode', '| a | b |', '|---|---|', '| --- | :-: |', 'a | b',
      '#', '#hashtag', '\\# escaped', ' # one space', '   ### three', '####### seven', '# closed #', '\u00a0# nbsp',
      '+++', 'title: x', 'Setext', '---', '\r', '  ', '\t',
    ),
  },
);

export const frontMatter = fc.constantFrom('', '---\ntitle: T\n# yaml comment\n\n# another\n---\n', '+++\ntitle = "T"\n+++\n', '---\n---\n');

/** Deep or long structures, kept small enough for property runs (the limits tests go further). */
export const nested = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((n) => `${'> '.repeat(n)}[deep](https://deep.example/)`),
  fc.integer({ min: 1, max: 60 }).map((n) => `${'- '.repeat(n)}[deep](https://deep.example/)`),
  fc.integer({ min: 1, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- [L${i}](https://l.example/${i})`).join('\n')),
  fc.integer({ min: 1, max: 200 }).map((n) => `- ${'**'.repeat(n)}[x](https://e.example/)${'**'.repeat(n)}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `${'*_'.repeat(n)}x`),
);

/** A whole document: optional front matter, a title most of the time, then lines. */
export const markdownDocument = (maxLines = 60): fc.Arbitrary<string> =>
  fc
    .tuple(
      frontMatter,
      fc.constantFrom('# Title\n\n', '# Official Resources Only\n\n', '', '## No title\n\n'),
      fc.array(fc.oneof({ weight: 12, arbitrary: line }, { weight: 1, arbitrary: nested }), { maxLength: maxLines }),
      fc.constantFrom('\n', '\r\n', ''),
      fc.constantFrom('\n', ''),
    )
    .map(([fm, title, lines, eol, last]) => (fm + title + lines.join('\n') + last).replace(/\n/gu, eol || '\n'));

/** A real document with a few lines inserted, deleted, duplicated or swapped. */
export const mutated = (texts: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: Math.max(0, texts.length - 1) }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'duplicate', 'swap', 'mojibake'), line), { maxLength: 8 }),
    )
    .map(([which, edits]) => {
      const lines = (texts[which] ?? '').split('\n');
      for (const [at, op, text] of edits) {
        const i = lines.length === 0 ? 0 : at % lines.length;
        if (op === 'insert') lines.splice(i, 0, text);
        else if (op === 'delete') lines.splice(i, 1);
        else if (op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
        else if (op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
        else if (op === 'mojibake') lines[i] = (lines[i] ?? '').replace(/—|é|ü|’/gu, (c) => ({ '—': 'â€”', é: 'Ã©', ü: 'Ã¼', '’': 'â€™' })[c]!);
      }
      return lines.join('\n');
    });
