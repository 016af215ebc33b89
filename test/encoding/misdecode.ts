import { CODE_PAGES, type CodePageName } from '../../src/encoding/code-pages.js';

/** What a program shows when it reads the UTF-8 of `text` as `page`: mojibake made on purpose. */
export function misdecode(text: string, page: CodePageName): string {
  const high = CODE_PAGES[page].high;
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) out += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80];
  return out;
}

/** CESU-8 (Java's modified UTF-8) read as latin-1: astral characters become two 3-byte surrogate sequences. */
export function cesuAsLatin1(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x10000) {
      out += misdecode(ch, 'latin-1');
      continue;
    }
    const v = cp - 0x10000;
    for (const unit of [0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)]) {
      out += String.fromCharCode(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    }
  }
  return out;
}
