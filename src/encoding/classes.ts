/**
 * Character classes for telling mojibake from real text, as one table lookup per UTF-16 unit.
 *
 * Mojibake is made of characters that code pages put at bytes 0x80-0xFF, in orders that real
 * writing almost never produces (an accented capital after a lower-case accented letter, a
 * currency sign after a box-drawing piece). The classes below name the groups; `isBad` in
 * badness.ts looks for the unlikely neighbours in a single linear pass.
 */
import { CODE_PAGES } from './code-pages.js';

export const C1 = 1 << 0;
export const LAW = 1 << 1;
export const BAD = 1 << 2;
export const CURRENCY = 1 << 3;
export const START_PUNCT = 1 << 4;
export const END_PUNCT = 1 << 5;
export const NUMERIC = 1 << 6;
export const KAOMOJI = 1 << 7;
export const UPPER_ACC = 1 << 8;
export const LOWER_ACC = 1 << 9;
export const UPPER_COMMON = 1 << 10;
export const LOWER_COMMON = 1 << 11;
export const BOX = 1 << 12;
export const COMMON = 1 << 13;
export const ASCII_UPPER = 1 << 14;
export const ASCII_LOWER = 1 << 15;
export const DIGIT = 1 << 16;
export const SPACE = 1 << 17;
/** Greek or Cyrillic letters (upper or lower). */
export const GREEK_CYRILLIC = 1 << 18;
/** Any character a code page puts at bytes 0x80-0xFF, C1 controls, or U+FFFD: where mojibake can start. */
export const SUSPECT = 1 << 19;
/** Characters that code pages put at bytes 0xC2-0xDF (the first byte of a 2-byte UTF-8 sequence). */
export const LEAD2 = 1 << 20;
/** ... at bytes 0xE0-0xEF (first of 3). */
export const LEAD3 = 1 << 21;
/** ... at bytes 0xF0-0xF4 (first of 4). */
export const LEAD4 = 1 << 22;
/** ... at bytes 0x80-0xBF (continuation), plus ASCII space, which can stand for a lost 0xA0. */
export const CONT = 1 << 23;
/** Continuation characters that rarely stand next to mojibake on their own: not space, dashes, quotes, bullets. */
export const STRICT_CONT = 1 << 24;

export const ACCENTED = UPPER_ACC | LOWER_ACC;
export const PUNCT = START_PUNCT | END_PUNCT;

export const CLASS = new Uint32Array(0x10000);

function mark(chars: string, bits: number): void {
  for (const ch of chars) {
    const code = ch.codePointAt(0)!;
    if (code < 0x10000) CLASS[code]! |= bits;
  }
}

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCharCode(c);
  return s;
}

mark(range(0x80, 0x9f), C1);
mark('¶§', LAW);
mark('¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊�ªº', BAD);
mark('¢£¥₧€', CURRENCY);
mark('¡«¿©΄΅‘‚“„•‹\uf8ff', START_PUNCT);
mark('®»˝”›™', END_PUNCT);
mark('²³¹±¼½¾×µ÷⁄∂∆∏∑√∞∩∫≈≠≡≤≥№', NUMERIC);
// Letters that faces are drawn with, kept out of the accented classes: "(ò_ó)" is not mojibake.
mark(range(0xd2, 0xd6) + range(0xd9, 0xdc) + range(0xf2, 0xf6) + range(0xf8, 0xfc) + 'ŐőŌōŪūŲų°', KAOMOJI);
mark(
  range(0xc0, 0xd1) + 'ØÜÝ' + 'ĂĄĆČĎĐĘĚĞİĹĽŁŃŇŔŘŚŞŠŢŤŮŰŹŻŽĀĒĖĢĪĮĶĻŅҐ',
  UPPER_ACC,
);
mark('ßÿ' + range(0xe0, 0xf1) + 'ăąćčďđęěğıĺľłńňŕřśşšţťůűźżžāēėģīįķļņґﬁﬂ', LOWER_ACC);
mark('Þ' + range(0x391, 0x3a9) + 'ΆΈΉΊΌΎΏ' + range(0x400, 0x42f), UPPER_COMMON);
mark(range(0x3ac, 0x3ce) + range(0x430, 0x45f), LOWER_COMMON);
mark(range(0x391, 0x3a9) + 'ΆΈΉΊΌΎΏ' + range(0x3ac, 0x3ce) + range(0x400, 0x45f), GREEK_CYRILLIC);
mark('│┌┐┘├┤┬┼' + range(0x2550, 0x256c) + '▀▄█▌▐░▒▓', BOX);
mark('\u00a0\u00ad·´–—―…’', COMMON);
mark(range(0x41, 0x5a), ASCII_UPPER);
mark(range(0x61, 0x7a), ASCII_LOWER);
mark(range(0x30, 0x39), DIGIT);
mark(' \t\n\r\f\v\u00a0', SPACE);

// Where mojibake can come from: everything the code pages decode high bytes to.
mark(range(0x80, 0x9f) + '\ufffd', SUSPECT);
for (const page of Object.values(CODE_PAGES)) {
  const high = page.high;
  mark(high, SUSPECT);
  mark(high.slice(0x00, 0x40), CONT);
  mark(high.slice(0x42, 0x60), LEAD2);
  mark(high.slice(0x60, 0x70), LEAD3);
  mark(high.slice(0x70, 0x75), LEAD4);
}
mark(' ', CONT);
for (let c = 0; c < 0x10000; c++) {
  if (CLASS[c]! & CONT) CLASS[c]! |= STRICT_CONT;
}
for (const ch of ' \u00a0–—―•‘’“”…') CLASS[ch.charCodeAt(0)]! &= ~STRICT_CONT;

const letterRe = /^\p{L}$/u;

/** A letter in any script. Used off the hot path only. */
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && letterRe.test(ch);
}
