// Generated documents for bench/large.js: the shapes that once made the pipeline superlinear.
// Each takes a count of repeated units and returns Markdown text.
export const SHAPES = {
  /** Links in sections of 50 under "## Section n" headings. */
  links: (n) => {
    let s = '# Links\n';
    for (let i = 0; i < n; i++) {
      if (i % 50 === 0) s += `\n## Section ${i / 50}\n\n`;
      s += `- [Resource ${i}](https://example.com/page/${i}) — a description\n`;
    }
    return s;
  },
  /** One section holding a single list of n links. */
  'one-list': (n) => {
    let s = '# Links\n\n## All\n\n';
    for (let i = 0; i < n; i++) s += `- [Resource ${i}](https://example.com/page/${i}) — a description\n`;
    return s;
  },
  /** Reference links in sections, every definition at the end. */
  references: (n) => {
    let s = '# References\n';
    for (let i = 0; i < n; i++) {
      if (i % 50 === 0) s += `\n## Section ${i / 50}\n\n`;
      s += `- [Resource ${i}][r${i}] — a description\n`;
    }
    s += '\n';
    for (let i = 0; i < n; i++) s += `[r${i}]: https://example.com/page/${i}\n`;
    return s;
  },
  /** Lists nested by indentation, 20 levels down and back, in sections of 200 lines. */
  'nested-lists': (n) => {
    let s = '# Nested\n';
    for (let i = 0; i < n; i++) {
      if (i % 200 === 0) s += `\n## Part ${i / 200}\n\n`;
      s += `${'  '.repeat(i % 20)}- [R ${i}](https://example.com/${i})\n`;
    }
    return s;
  },
  /** Block quotes nested 1 to 20 deep, one paragraph each, in sections of 200. */
  'nested-quotes': (n) => {
    let s = '# Quotes\n';
    for (let i = 0; i < n; i++) {
      if (i % 200 === 0) s += `\n## Part ${i / 200}\n\n`;
      s += `${'> '.repeat(1 + (i % 20))}line ${i} [x](https://e.example/${i})\n\n`;
    }
    return s;
  },
  /** A disable-next-line comment before every item. */
  'disable-comments': (n) => {
    let s = '# Comments\n\n## S\n\n';
    for (let i = 0; i < n; i++) s += `<!-- roadmap-lint-disable-next-line link-url -->\n- [R ${i}](https://example.com/${i})\n`;
    return s;
  },
  /** "*_" repeated in one paragraph (refused by maxNesting past 2,000 delimiters). */
  emphasis: (n) => `# Emphasis\n\n## S\n\n- ${'*_'.repeat(n)}[x](https://e.example/)\n`,
};
