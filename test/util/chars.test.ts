/**
 * The ASCII fast paths that stand in for Unicode property escapes (src/util/chars.ts and the
 * callers that use it) give the expressions' answers exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../src/rules/similar-link.js';
import { isLetterOrDigit } from '../../src/util/chars.js';
import { sharedCorpus } from '../helpers.js';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** similar-link's title key as it was written before, with the two expressions. */
const normalizeTitleByExpressions = (title: string): string =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\.(?![\p{L}\p{N}])/gu, ' ')
    .replace(/[^\p{L}\p{N}#+.]+/gu, ' ')
    .trim();

describe('isLetterOrDigit', () => {
  it('answers /^[\\p{L}\\p{N}]$/u for every code point', () => {
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
      const ch = String.fromCodePoint(cp);
      if (isLetterOrDigit(ch) !== LETTER_OR_DIGIT.test(ch)) expect.fail(`U+${cp.toString(16)}`);
    }
    expect(isLetterOrDigit('')).toBe(false);
  });
});

describe("similar-link's title key", () => {
  it('is the key the two expressions made, on every link text of the shared lists', () => {
    const texts = sharedCorpus().flatMap((c) => [...c.text.matchAll(/\[([^\]\n]{1,200})\]\(/gu)].map((m) => m[1]!));
    expect(texts.length).toBeGreaterThan(5000);
    for (const t of texts) expect(normalizeTitle(t), t).toBe(normalizeTitleByExpressions(t));
  });

  it('is the key the two expressions made, on generated titles of dots, signs, spaces and scripts', () => {
    const piece = fc.constantFrom('.', '..', ' ', '  ', '\t', '#', '+', '-', '_', 'a', 'Z', '7', 'é', 'ß', 'ǅ', 'Ⅻ', '٣', '世', '😀', '\u0301', '\u00a0', '\ufeff', 'ﬁ', 'Ａ', '①', '\ud800', 'NET', 'js', '(', ')', '—', '’');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const t = parts.join('');
        expect(normalizeTitle(t)).toBe(normalizeTitleByExpressions(t));
      }),
      { numRuns: 5000, seed: 20261124 },
    );
  });
});
