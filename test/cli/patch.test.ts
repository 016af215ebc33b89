// --fix-dry-run's diff: read off line by line when the fix kept the lines, and then the same bytes
// the diff library writes; the library's own diff otherwise.
import * as diff from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoFilesPatch } from '../../src/cli/patch.js';
import { misdecode } from '../encoding/misdecode.js';
import { roadmapText, sharedCorpus } from '../helpers.js';

const library = (a: string, b: string): string => diff.createTwoFilesPatch('a/x.md', 'b/x.md', a, b, '', '', { context: 3 });
const ours = (a: string, b: string): string => twoFilesPatch(diff, 'a/x.md', 'b/x.md', a, b);

describe('the fix diff', () => {
  it('is byte for byte the library diff on real documents with lines changed here and there', () => {
    const texts = [roadmapText(), ...sharedCorpus().map((c) => c.text)];
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      const lines = text.split('\n');
      // Mis-read every seventh line, and a run of lines near each end, as a document half repaired.
      const broken = lines.map((l, i) => (i % 7 === 3 || i < 2 || i > lines.length - 4 ? misdecode(l, 'windows-1252') : l)).join('\n');
      expect(ours(broken, text)).toBe(library(broken, text));
    }
  });

  it('is byte for byte the library diff for changes at every distance from each other and from the ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.nat({ max: 39 }), { maxLength: 12 }), (n, at) => {
        const before = Array.from({ length: n }, (_, i) => `line ${i}`);
        const after = before.map((l, i) => (at.includes(i) ? `${l} fixed` : l));
        const a = `${before.join('\n')}\n`;
        const b = `${after.join('\n')}\n`;
        expect(ours(a, b)).toBe(library(a, b));
      }),
      { numRuns: 3000, seed: 2026 },
    );
  });

  it('leaves to the library a fix that changes the number of lines, or a text without a last line end', () => {
    expect(ours('a\nb\n', 'a\nb\nc\n')).toBe(library('a\nb\n', 'a\nb\nc\n'));
    expect(ours('a\nCafÃ©', 'a\nCafé')).toBe(library('a\nCafÃ©', 'a\nCafé'));
  });
});
