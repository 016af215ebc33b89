/**
 * Does a piece of text look like mojibake? One left-to-right pass over UTF-16 units, looking at
 * each character with up to three before it. No regular expressions: the cost is linear and fixed.
 */
import {
  ACCENTED,
  ASCII_LOWER,
  ASCII_UPPER,
  BAD,
  BOX,
  C1,
  CLASS,
  COMMON,
  CURRENCY,
  END_PUNCT,
  GREEK_CYRILLIC,
  KAOMOJI,
  LAW,
  LOWER_ACC,
  LOWER_COMMON,
  NUMERIC,
  PUNCT,
  SPACE,
  START_PUNCT,
  SUSPECT,
  UPPER_ACC,
  UPPER_COMMON,
} from './classes.js';
import { CODE_PAGES } from './code-pages.js';

const ASCII_LETTER = ASCII_UPPER | ASCII_LOWER;
const SYMBOLS = PUNCT | CURRENCY | NUMERIC | LAW | BAD;
const NON_ASCII_LETTERS = ACCENTED | UPPER_COMMON | LOWER_COMMON;
/** A character that is unusual enough before a punctuation pair to make that pair suspect. */
const ODD = NON_ASCII_LETTERS | BOX | SYMBOLS;

const code = (ch: string): number => ch.charCodeAt(0);
const A_CIRC = code('Â');
const A_TILDE = code('Ã');
const I_CIRC = code('Î');
const ETH = code('Ð');
const A_GRAVE = code('à');
const OE_UPPER = code('Œ');
const OE_LOWER = code('œ');
const TIMES = code('×');
const DEGREE = code('°');
const MICRO = code('µ');
const SQRT = code('√');
const NBSP = 0xa0;
const SPACE_CHAR = 0x20;

const set = (chars: string): Set<number> => new Set([...chars].map(code));
/** What follows Â Ã Î Ð in UTF-8 mis-read as a Windows code page. */
const AFTER_LATIN_LEAD = set('€œŠšŸž¢£\u00a0\u00ad®©°·»–—´¡«¿‘‚“„•‹˝”›™');
const INDIC_AFTER_A_GRAVE = set('²µ¹¼½¾');
const ARABIC_LEAD = set('ØÙ');
const CYRILLIC_LEAD = set('ВГРС');
const GREEK_LEAD = set('ΒΓΞΟ');
const GREEK_AFTER_BETA_EURO = set('™\u00a0Ά\u00ad®°');
const SUPERSCRIPT_23 = set('²³');

/** Short sequences that only mojibake produces (MacRoman, windows-1251, -1253, -1257). */
const LITERALS = ['√±', '√∂', '≈°', '‚Ä', '‚â', 'вЂ', 'ГўВЂВ', 'ā€'];
const LITERAL_FIRST = set(LITERALS.map((l) => l[0]!).join(''));

/**
 * Shapes of whole scripts read through one code page, as flags per character: a lead and a
 * continuation character, twice in a row ("Õ–Ö€" for Armenian read as windows-1252, "ЩѓШі" for
 * Arabic read as windows-1251, "—Å–æ" for Cyrillic read as MacRoman).
 */
const SHAPE = new Uint8Array(0x10000);
const MAC_CONT = 1;
const CONT_1251 = 2;
const CONT_1252 = 4;
const LEAD2_1251 = 8;
const LEAD3_1251 = 16;
const LEAD_1252 = 32;
const MAC_LEAD = 64;
const flag = (chars: string, bit: number): void => {
  for (const ch of chars) if (ch.charCodeAt(0) >= 0x80 && ch !== '\u00a0') SHAPE[ch.charCodeAt(0)]! |= bit;
};
flag(CODE_PAGES.macroman.high.slice(0, 0x40), MAC_CONT);
flag(CODE_PAGES['windows-1251'].high.slice(0, 0x40), CONT_1251);
flag(CODE_PAGES['windows-1252'].high.slice(0, 0x40), CONT_1252);
flag(CODE_PAGES['windows-1251'].high.slice(0x42, 0x60), LEAD2_1251);
flag(CODE_PAGES['windows-1251'].high.slice(0x60, 0x70), LEAD3_1251);
flag('ÔÕÖ×ØÙÚÛ', LEAD_1252);
// MacRoman leads of Latin Extended-A (ƒ ≈), Latin-1 letters (√) and Cyrillic (– —).
flag('ƒ≈√–—', MAC_LEAD);
const MAC_PAIR = 128;
// MacRoman leads of Armenian, Hebrew and Arabic: "’â’´", "◊ë◊î", "ÿßŸÑ".
flag('‘’÷◊ÿŸ', MAC_PAIR);
/** What the character before must be for any shape to match: spares plain Cyrillic text the look. */
const AFTER_MASK = MAC_LEAD | LEAD2_1251 | CONT_1251 | LEAD_1252 | MAC_PAIR;
/** MacRoman continuation characters that also start mathematics after √ or ≈. */
const MATH_AFTER = set('πΩµ∞∑∫∂');
const DASHES = set('–—');
/** windows-1251 continuation characters that are letters (Ukrainian, Belarusian, Serbian...). */
const LETTER_1251_CONT = new Set([...CODE_PAGES['windows-1251'].high.slice(0, 0x40)].filter((ch) => /\p{L}/u.test(ch)).map((ch) => ch.charCodeAt(0)));

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function shapeAt(s: string, i: number, start: number): boolean {
  if (i - 1 < start) return false;
  const c = SHAPE[s.charCodeAt(i)]!;
  const p = SHAPE[s.charCodeAt(i - 1)]!;
  if (c & MAC_CONT && p & MAC_LEAD) {
    const pc = s.charCodeAt(i - 1);
    if (DASHES.has(pc)) {
      // A dash glued between two such characters: "—Å–æ". A dash before one letter is a dash.
      if (i - 2 >= start && SHAPE[s.charCodeAt(i - 2)]! & MAC_CONT) return true;
    } else if (!MATH_AFTER.has(s.charCodeAt(i))) return true;
  }
  // Latin read as windows-1251: a lead glued to an ASCII letter ("FГјr", "Гјber", "Г©n").
  if (c & CONT_1251 && p & LEAD2_1251) {
    const before = i - 2 >= start ? s.charCodeAt(i - 2) : 0;
    const after = s.charCodeAt(i + 1);
    if (isAsciiLetter(before) || isAsciiLetter(after)) return true;
  }
  if (i - 2 < start) return false;
  const pp = SHAPE[s.charCodeAt(i - 2)]!;
  const ppp = i - 3 >= start ? SHAPE[s.charCodeAt(i - 3)]! : 0;
  if (c & CONT_1251 && p & LEAD2_1251 && pp & CONT_1251 && ppp & LEAD2_1251) return true;
  if (c & LEAD3_1251 && p & CONT_1251 && pp & CONT_1251 && ppp & LEAD3_1251) return true;
  // One CJK character read as windows-1251, standing alone: a small letter and two signs ("е…§").
  if (c & CONT_1251 && p & CONT_1251 && pp & LEAD3_1251 && !(LETTER_1251_CONT.has(s.charCodeAt(i)) && LETTER_1251_CONT.has(s.charCodeAt(i - 1)))) {
    const before = s.charCodeAt(i - 3);
    const after = s.charCodeAt(i + 1);
    if ((before === 0x20 || i - 3 < start) && (after === 0x20 || Number.isNaN(after))) return true;
  }
  if (c & CONT_1252 && p & LEAD_1252 && pp & CONT_1252 && ppp & LEAD_1252) return true;
  if (c & MAC_CONT && p & MAC_PAIR && pp & MAC_CONT && ppp & MAC_PAIR) return true;
  return false;
}

const cls = (s: string, i: number): number => (i >= 0 && i < s.length ? CLASS[s.charCodeAt(i)]! : 0);

/** True when the text has no character that any code page puts at a high byte: it cannot be mojibake. */
export function isClean(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && CLASS[c]! & SUSPECT) return false;
  }
  return true;
}

/** Is there at least one sign of mojibake in text[start, end)? */
export function isBad(text: string, start = 0, end = text.length): boolean {
  return scan(text, start, end, true);
}

/**
 * The pair rules alone, without the shapes of whole scripts: what a word shows by itself. Used to
 * weigh a word against its repair, where an all-capital Ukrainian word ("ВІКІ") must not count
 * as windows-1251 mojibake only because its letters alternate like it.
 */
export function hasBadPair(text: string): boolean {
  return scan(text, 0, text.length, false);
}

function scan(text: string, start: number, end: number, shapes: boolean): boolean {
  // Fast skip: nothing suspicious, nothing to find.
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && CLASS[c]! & SUSPECT) {
      first = i;
      break;
    }
  }
  if (first < 0) return false;
  // Rules look back at most three characters. Inlined fast path: a rule can only fire where this
  // character or the one before it has a class.
  let prevClass = first - 4 >= start ? CLASS[text.charCodeAt(first - 4)]! : 0;
  let prevAscii = true;
  for (let i = Math.max(start, first - 3); i < end; i++) {
    const c = text.charCodeAt(i);
    const k = CLASS[c]!;
    const ascii = c < 0x80;
    if (!((ascii && prevAscii) || (k | prevClass) === 0) && badAt(text, i, start, end, shapes)) return true;
    prevClass = k;
    prevAscii = ascii;
  }
  return false;
}

/** Is there a sign of mojibake that ends at text[i]? */
function badAt(s: string, i: number, start: number, end: number, shapes: boolean): boolean {
  const c = s.charCodeAt(i);
  const p = i - 1 >= start ? s.charCodeAt(i - 1) : -1;
  // Every rule needs a non-ASCII character here or just before: plain text costs two compares.
  if (c < 0x80 && p < 0x80) return false;
  const b = CLASS[c]!;
  const a = p >= 0 ? CLASS[p]! : 0;
  if ((a | b) === 0) return false;
  const aa = i - 2 >= start ? CLASS[s.charCodeAt(i - 2)]! : 0;
  const pp = i - 2 >= start ? s.charCodeAt(i - 2) : -1;

  if (b & C1) return true;
  if (b & BAD && a & (ACCENTED | BOX | SYMBOLS)) return true;
  if (a & BAD && b & (ACCENTED | BOX | PUNCT | CURRENCY | NUMERIC | LAW)) return true;
  if (b & BAD && a & GREEK_CYRILLIC && aa & ASCII_LETTER) return true;
  if (b & UPPER_ACC && a & (LOWER_ACC | LOWER_COMMON | BOX | END_PUNCT | CURRENCY | NUMERIC)) return true;
  if (b & LOWER_ACC && a & (BOX | END_PUNCT | CURRENCY | NUMERIC)) return true;
  if (b & CURRENCY && a & (LOWER_ACC | BOX | END_PUNCT)) return true;
  if (b & CURRENCY && a & UPPER_ACC && aa & SPACE) return true;
  if (b & NUMERIC && a & (ACCENTED | BOX)) return true;
  if (b & LAW && a & (UPPER_ACC | BOX)) return true;
  // MacRoman: a square root glued to the end of a word ("Stra√üe", "cos√¨").
  if (p === SQRT && c >= 0x80 && aa & ASCII_LETTER) return true;
  if (b & NUMERIC && a & START_PUNCT && aa & ODD) return true;
  if (b & START_PUNCT && a & END_PUNCT && aa & ODD) return true;
  if (b & START_PUNCT && a & (CURRENCY | NUMERIC | BOX)) return true;
  if (b & (START_PUNCT | CURRENCY) && a & UPPER_ACC && aa & ASCII_LOWER) return true;
  if (b & KAOMOJI && a & BOX) return true;
  if (b & BOX && a & (NON_ASCII_LETTERS | SYMBOLS)) return true;
  if (b & END_PUNCT && a & BOX) return true;
  // An accented letter, then punctuation, then a letter or digit: "cafÃ©s".
  if (a & PUNCT && aa & ACCENTED && (b & (ASCII_LETTER | NON_ASCII_LETTERS) || (c >= 0x30 && c <= 0x39))) return true;
  // windows-1251: a lone Cyrillic capital and a symbol inside a Latin word ("cafГ©s").
  if (b & ASCII_LOWER && a & PUNCT && aa & UPPER_COMMON && aa & GREEK_CYRILLIC && cls(s, i - 3) & ASCII_LOWER && i - 3 >= start) {
    return true;
  }
  if ((p === OE_UPPER || p === OE_LOWER) && !(b & ASCII_LETTER)) return true;
  if ((c === OE_UPPER || c === OE_LOWER) && i + 1 >= end) return true;
  if (c === DEGREE && a & UPPER_ACC) return true;
  if (p === TIMES && SUPERSCRIPT_23.has(c)) return true;
  if ((p === A_CIRC || p === A_TILDE || p === I_CIRC || p === ETH) && AFTER_LATIN_LEAD.has(c)) {
    // A capital Â between capitals before a no-break space is more likely part of an all-caps name.
    const allCapsName =
      p === A_CIRC && c === NBSP && aa & ASCII_UPPER && cls(s, i + 1) & ASCII_UPPER && i + 1 < end;
    if (!allCapsName) return true;
  }
  if (p === A_GRAVE && INDIC_AFTER_A_GRAVE.has(c)) return true;
  // Arabic read as windows-1252: Ø or Ù, then a symbol, twice.
  if (
    i - 3 >= start &&
    ARABIC_LEAD.has(s.charCodeAt(i - 3)) &&
    arabicFollower(pp) &&
    ARABIC_LEAD.has(p) &&
    arabicFollower(c)
  ) {
    return true;
  }
  // windows-1251 and -1253: a Cyrillic or Greek capital, an odd symbol, another such capital.
  if (CYRILLIC_LEAD.has(c) && CYRILLIC_LEAD.has(pp) && (a & (C1 | BAD | PUNCT | CURRENCY) || p === DEGREE || p === MICRO)) return true;
  if (GREEK_LEAD.has(c) && GREEK_LEAD.has(pp) && (a & (C1 | BAD | PUNCT | CURRENCY) || p === DEGREE)) return true;
  if (p === code('€') && pp === code('β') && GREEK_AFTER_BETA_EURO.has(c)) return true;
  if (LITERAL_FIRST.has(c) && startsLiteral(s, i, end)) return true;
  if (shapes && SHAPE[c]! && p >= 0 && SHAPE[p]! & AFTER_MASK && shapeAt(s, i, start)) return true;
  // A no-break space turned into a plain space after Ã or Â.
  if (p === A_TILDE && (c === NBSP || c === code('¡'))) return true;
  if ((c === A_TILDE || c === A_CIRC) && i + 1 < end && s.charCodeAt(i + 1) === SPACE_CHAR) {
    if (i === start) return true;
    if (a & ASCII_LOWER) return true;
    if (a & SPACE && aa & ASCII_LOWER) return true;
  }
  if (p === A_CIRC && (c === SPACE_CHAR || b & PUNCT)) {
    if (pp >= 0 && (aa & ASCII_LOWER || pp === 0x2e || pp === 0x2c || pp === 0x3f || pp === 0x21 || aa & END_PUNCT)) {
      return true;
    }
  }
  return false;
}

function arabicFollower(c: number): boolean {
  const k = CLASS[c]!;
  return !!(k & (COMMON | CURRENCY | BAD | NUMERIC | START_PUNCT)) || 'ŸŠ®°µ»'.includes(String.fromCharCode(c));
}

function startsLiteral(s: string, i: number, end: number): boolean {
  for (const lit of LITERALS) {
    if (i + lit.length <= end && s.startsWith(lit, i)) {
      if (lit === 'ГўВЂВ') {
        const after = s.charCodeAt(i + lit.length + 1);
        if (!(CLASS[after]! & (ASCII_LOWER | ASCII_UPPER)) && after !== SPACE_CHAR) continue;
      }
      return true;
    }
  }
  return false;
}
