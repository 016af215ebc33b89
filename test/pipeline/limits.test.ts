import { describe, expect, it } from 'vitest';
import { processRoadmap } from '../../src/index.js';
import { checkLimits, DEFAULT_LIMITS, LimitError, utf8Length } from '../../src/pipeline/limits.js';
import { InputError } from '../../src/pipeline/read.js';
import { cli, roadmapText, sharedCorpus, tempDir } from '../helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const refusal = (text: string, limits = DEFAULT_LIMITS): LimitError => {
  try {
    checkLimits(text, limits);
  } catch (error) {
    if (error instanceof LimitError) return error;
    throw error;
  }
  throw new Error('not refused');
};

const doc = (body: string) => `# T\n\n## S\n\n${body}\n`;
const indented = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- [L${i}](https://l.example/${i})`).join('\n');

describe('limits checked before parsing', () => {
  it.each([
    ['"- " 1,500 times and a link on one line', doc(`${'- '.repeat(1500)}[x](https://e.example/)`), 5, /nested 1,500 levels deep/u],
    ['">" 10,000 times', doc('>'.repeat(10_000)), 5, /nested 10,000 levels deep/u],
    ['lists nested 1,200 deep by indentation', doc(indented(1200)), 1005, /nested 1,001 levels deep/u],
    ['"**" 5,000 times around a link', doc(`- ${'**'.repeat(5000)}[x](https://e.example/)${'**'.repeat(5000)}`), 5, /emphasis delimiters/u],
    ['"*_" 10,000 times', doc(`${'*_'.repeat(10_000)}x`), 5, /more than 2,000 emphasis delimiters/u],
    ['3,000 lazy lines in one quote', doc(`> quote\n${'lazy line\n'.repeat(3000)}`), 2006, /lazy continuation lines/u],
  ])('refuses %s, naming the line', (_name, text, line, message) => {
    const e = refusal(text);
    expect(e.limit).toBe('maxNesting');
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('accepts what real documents do: the roadmap, the shared lists, long code, long tables, deep-ish lists', () => {
    checkLimits(roadmapText());
    for (const { text } of sharedCorpus()) checkLimits(text);
    checkLimits(doc(`\`\`\`c\n${'int **p = *q * *r;\n'.repeat(5000)}\`\`\``));
    checkLimits(doc(`| a | b |\n|---|---|\n${'| **x** | _y_ |\n'.repeat(5000)}`));
    checkLimits(doc(Array.from({ length: 5000 }, (_, i) => `- **Label ${i}** — [R](https://r.example/${i}) *note*`).join('\n')));
    checkLimits(doc(indented(400)));
    checkLimits(doc(`> quote\n${'lazy line\n'.repeat(1500)}`));
    checkLimits(doc(`${'> '.repeat(900)}x`));
  });

  it('takes other limits, and counts the size in bytes of UTF-8', () => {
    expect(refusal(doc('> > > > x'), { ...DEFAULT_LIMITS, maxNesting: 3 }).message).toMatch(/nested 4 levels deep.*maxNesting \(3\)/u);
    expect(utf8Length('aé€😀')).toBe(Buffer.byteLength('aé€😀'));
    const e = refusal('# T\n\n' + 'é'.repeat(600), { ...DEFAULT_LIMITS, maxFileSize: 1000 });
    expect(e.limit).toBe('maxFileSize');
    expect(e.message).toBe('1,205 bytes is larger than maxFileSize (1,000 bytes)');
  });

  it('refuses through the pipeline with an input error naming the file', () => {
    expect(() => processRoadmap(doc('>'.repeat(2000)), { path: 'deep.md' })).toThrow(InputError);
    expect(() => processRoadmap(doc('>'.repeat(2000)), { path: 'deep.md' })).toThrow(/^deep\.md:5: nested 2,000 levels deep/u);
    expect(processRoadmap(doc('>'.repeat(2000)), { path: 'deep.md', limits: { maxNesting: 5000 } }).tree.children.length).toBeGreaterThan(0);
  });

  it('ends the CLI with one line and exit 1, never a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.md'), doc(`${'- '.repeat(1500)}[x](https://e.example/)`));
    writeFileSync(join(dir, 'ok.md'), doc('- [A](https://a.example/)'));
    const r = cli(['lint', 'deep.md', 'ok.md', '--no-config'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deep\.md:5: nested 1,500 levels deep/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });
});

describe('emphasis delimiters are counted where they can be emphasis', () => {
  const badgeTable = [
    '# T',
    '',
    '## S',
    '',
    '- [a](https://a.example/) - x',
    '',
    '<table>',
    ...Array.from({ length: 450 }, () => '<tr><td><a href="https://img.shields.io/badge/x-y?style=for_the_badge&logo_color=white_a_b"><img src="https://x.example/a_b.png"></a></td></tr>'),
    '</table>',
    '',
  ].join('\n');

  it('accepts an HTML block full of underscores in URLs (450 badge rows)', () => {
    expect(() => checkLimits(badgeTable)).not.toThrow();
    expect(processRoadmap(badgeTable, { path: 'badges.md' }).roadmap.sections).toHaveLength(1);
  });

  it('does not count underscores in link destinations, tags and bare URLs', () => {
    const tight = { ...DEFAULT_LIMITS, maxNesting: 2 };
    for (const line of [
      '- [a](https://a.example/?u_v_w_x_y_z) - x',
      '- <a href="https://e.example/?utm_source=a_b_c_d_e">A</a> - x',
      '- see https://e.example/a_b_c_d_e_f and <https://e.example/x_y_z_w>',
    ]) {
      expect(() => checkLimits(doc(line), tight), line).not.toThrow();
    }
    // The shared lists pass at a tight limit where only their URLs and HTML have underscores.
    const nodejs = sharedCorpus().find((c) => c.name === 'awesome-nodejs.md');
    if (nodejs) expect(() => checkLimits(nodejs.text, { ...DEFAULT_LIMITS, maxNesting: 20 })).not.toThrow();
  });

  it('reads a document of 2,000,000 unclosed tags once, not once per line', () => {
    // Each line's "<a" asked for the next ">", which none of the lines has: the search ran to the
    // end of the document from every line, 2.2 s for 320,000 lines and 4 times as long at twice
    // the lines. The answer is now remembered across lines. The counts are still right.
    const lines = 2_000_000;
    const text = `# T\n\n${'x <a\n'.repeat(lines)}${'*_'.repeat(50)}\n`;
    expect(() => checkLimits(text)).not.toThrow();
    expect(refusal(text, { ...DEFAULT_LIMITS, maxNesting: 10 }).line).toBe(lines + 3);
    const parens = `# T\n\n${'x ](\n'.repeat(lines)}`;
    expect(() => checkLimits(parens)).not.toThrow();
  }, 60_000);

  it('still counts asterisks and tildes everywhere, so no malformed tag hides the slow shapes', () => {
    expect(refusal(doc(`<a ${'*_'.repeat(5000)}>`)).message).toMatch(/emphasis delimiters/u);
    expect(refusal(doc(`[x](${'*_'.repeat(5000)}`)).message).toMatch(/emphasis delimiters/u);
    // A tag followed by text on its line is not an HTML block: its line is inline content.
    expect(refusal(`# T\n\n<x> ${'*_'.repeat(5000)}\n`).message).toMatch(/emphasis delimiters/u);
  });
});
