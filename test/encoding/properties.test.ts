import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPAIR_ORDER, isBad, repairText } from '../../src/encoding/index.js';
import { undoOnce } from '../../src/encoding/repair.js';
import { misdecode } from './misdecode.js';

/** Words in the scripts and symbol sets documents are written in. */
const WORDS = [
  'café', 'naïve', 'façade', 'über', 'Straße', 'jalapeño', 'Ångström', 'smörgåsbord', 'żółć', 'gęślą',
  'Příliš', 'žluťoučký', 'şoför', 'ağaç', 'İstanbul', 'Rīga', 'ąžuolas', 'Tiếng', 'Việt', 'Ελληνικά',
  'λόγος', 'Привет', 'мир', 'Україна', 'עברית', 'العربية', '中文', '日本語', 'かな', '한국어', '—', '–',
  '“quoted”', '‘single’', '…', '•', '€5', '£3', '¥1000', '©', '®', '™', '°C', '±1', '×', '÷', '→', '⇒',
  '✅', '❤', '⚠', '▼', '█', '║', '🖥', '😀', '🚀', '👍🏽', '🎉', 'hello', 'world', 'roadmap', 'docs', 'API',
];
const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 })
  .chain((ws) => fc.constantFrom(' ', ', ', ' — ', '\u00a0').map((sep) => ws.join(sep)));
const page = fc.constantFrom(...REPAIR_ORDER);

/**
 * A mis-decoding is unambiguous when it shows (the result looks like mojibake) and no code page
 * earlier in the repair order reads it as different valid UTF-8.
 */
function unambiguous(t: string, m: string, p: (typeof REPAIR_ORDER)[number]): boolean {
  if (m === t || !isBad(m)) return false;
  for (const other of REPAIR_ORDER) {
    if (other === p) break;
    const alt = undoOnce(m, other);
    if (alt !== null && alt !== t && alt !== m) return false;
  }
  return undoOnce(m, p) === t;
}

describe('properties over generated multilingual text', () => {
  it('repairs one unambiguous mis-decoding back to the original', () => {
    fc.assert(
      fc.property(text, page, (t, p) => {
        const m = misdecode(t, p);
        fc.pre(unambiguous(t, m, p));
        expect(repairText(m).text).toBe(t);
      }),
      { numRuns: 400 },
    );
  });

  it('repairs two layers of windows-1252 or latin-1 mis-decoding', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('windows-1252', 'latin-1') as fc.Arbitrary<'windows-1252' | 'latin-1'>, (t, p) => {
        const once = misdecode(t, p);
        const twice = misdecode(once, p);
        fc.pre(unambiguous(t, once, p) && unambiguous(once, twice, p));
        expect(repairText(twice).text).toBe(t);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves clean text unchanged', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(repairText(t).text).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves arbitrary Unicode that does not look like mojibake unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (t) => {
        fc.pre(!isBad(t));
        expect(repairText(t).text).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent: repairing twice gives what repairing once gives', () => {
    fc.assert(
      fc.property(text, page, (t, p) => {
        const once = repairText(misdecode(t, p)).text;
        expect(repairText(once).text).toBe(once);
      }),
      { numRuns: 600 },
    );
  });
});
