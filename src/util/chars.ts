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

let letterOrDigit: RegExp | undefined;

/** Whether `ch` (one code point, as a string) is a letter or a number: `/^[\p{L}\p{N}]$/u`. */
export function isLetterOrDigit(ch: string): boolean {
  if (ch.length === 1) {
    const c = ch.charCodeAt(0);
    if (c < 128) return ASCII_LETTER_OR_DIGIT[c] === 1;
  }
  return (letterOrDigit ??= /^[\p{L}\p{N}]$/u).test(ch);
}
