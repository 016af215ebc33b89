/**
 * Character classes with an ASCII fast path. A Unicode property escape (`\p{L}`) costs its
 * regular expression a fraction of a millisecond to compile, paid by every start that meets one;
 * these tests answer ASCII from a table and compile the expression only for the first character
 * beyond it.
 */

const ASCII_LETTER_OR_DIGIT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) ASCII_LETTER_OR_DIGIT[c] = 1;
}

/**
 * Blocks with neither a letter nor a number, where lists put their typography and emoji: general
 * punctuation (dashes, quotes), arrows to miscellaneous technical, box drawing to the dingbats
 * before their circled digits, the dingbats after them, and the pictographs and emoji. A title
 * with "—" or "✅" is then answered without compiling the expression.
 */
const NEITHER: readonly (readonly [number, number])[] = [
  [0x2000, 0x206f],
  [0x2190, 0x23ff],
  [0x2500, 0x2775],
  [0x2794, 0x27bf],
  [0x1f300, 0x1faff],
];

let letterOrDigit: RegExp | undefined;

/** Whether `ch` (one code point, as a string) is a letter or a number: `/^[\p{L}\p{N}]$/u`. */
export function isLetterOrDigit(ch: string): boolean {
  const c = ch.codePointAt(0);
  if (c === undefined) return false;
  if (c < 128) return ch.length === 1 && ASCII_LETTER_OR_DIGIT[c] === 1;
  for (const [from, to] of NEITHER) if (c >= from && c <= to) return false;
  return (letterOrDigit ??= /^[\p{L}\p{N}]$/u).test(ch);
}

/** The code point that ends just before `i`, as a string ("" at the start). */
export function codePointBefore(text: string, i: number): string {
  if (i === 0) return '';
  const low = text.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? text.slice(i - 2, i) : text[i - 1]!;
}

/** The code point that starts at `i`, as a string ("" at the end). */
export const codePointAt = (text: string, i: number): string => (i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : '');

/** A letter, a digit or one of `signs`: a character that continues a word (`ch` is one code point, or ""). */
export const continuesWord = (ch: string, signs: string): boolean => ch !== '' && (isLetterOrDigit(ch) || (ch.length === 1 && signs.includes(ch)));
