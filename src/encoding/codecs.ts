/**
 * Single-byte codecs built from the code page tables, plus a strict UTF-8 decoder that also
 * accepts CESU-8 and Java's modified UTF-8 when asked to.
 */
import { CODE_PAGES, type CodePageName } from './code-pages.js';

export type { CodePageName } from './code-pages.js';

/** The order in which a mis-decoding is tried: the commonest first, latin-1 before windows-1252. */
export const REPAIR_ORDER: readonly CodePageName[] = [
  'latin-1',
  'windows-1252',
  'windows-1251',
  'windows-1250',
  'windows-1253',
  'windows-1254',
  'windows-1257',
  'iso-8859-2',
  'macroman',
  'cp437',
];

const REPLACEMENT = 0xfffd;
const SUB = 0x1a;

export interface Codec {
  readonly name: CodePageName;
  /** Windows code pages: undefined bytes decode to C1 code points, and U+FFFD travels as byte 0x1A. */
  readonly sloppy: boolean;
  /** Character for each byte 0x00-0xFF. */
  readonly decodeTable: readonly string[];
  /** Byte for each UTF-16 code unit, or -1 where the code page cannot represent it. */
  readonly encodeTable: Int16Array;
}

const cache = new Map<CodePageName, Codec>();

export function codec(name: CodePageName): Codec {
  let c = cache.get(name);
  if (!c) {
    c = buildCodec(name);
    cache.set(name, c);
  }
  return c;
}

function buildCodec(name: CodePageName): Codec {
  const sloppy = name.startsWith('windows-');
  const decodeTable: string[] = [];
  const encodeTable = new Int16Array(0x10000).fill(-1);
  for (let b = 0; b < 0x80; b++) {
    decodeTable.push(String.fromCharCode(b));
    encodeTable[b] = b;
  }
  const high = CODE_PAGES[name].high;
  for (let i = 0; i < 128; i++) {
    const ch = high[i]!;
    decodeTable.push(ch);
    encodeTable[ch.charCodeAt(0)] = 0x80 + i;
  }
  if (sloppy) {
    // A literal SUB control rules these code pages out; U+FFFD stands for a byte lost on the way.
    encodeTable[SUB] = -1;
    encodeTable[REPLACEMENT] = SUB;
    decodeTable[SUB] = '\ufffd';
  }
  return { name, sloppy, decodeTable, encodeTable };
}

/** Encode `text` with a code page; null when some character has no byte there. */
export function encode(text: string, c: Codec): Uint8Array | null {
  const out = new Uint8Array(text.length);
  const table = c.encodeTable;
  for (let i = 0; i < text.length; i++) {
    const b = table[text.charCodeAt(i)]!;
    if (b < 0) return null;
    out[i] = b;
  }
  return out;
}

const isCont = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/**
 * Decode UTF-8 strictly: no overlong forms, no surrogates, nothing above U+10FFFF.
 * With `variants`, also accept CESU-8 surrogate pairs (ED A0-AF .. ED B0-BF ..) and C0 80 for U+0000,
 * the forms Java's modified UTF-8 writes. Returns null on the first invalid sequence.
 */
export function decodeUtf8(bytes: Uint8Array, variants = false): string | null {
  const points: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      points.push(b0);
      i += 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      const b1 = bytes[i + 1];
      if (!isCont(b1)) return null;
      points.push(((b0 & 0x1f) << 6) | (b1! & 0x3f));
      i += 2;
    } else if (b0 === 0xc0 && variants && bytes[i + 1] === 0x80) {
      points.push(0);
      i += 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (!isCont(b1) || !isCont(b2)) return null;
      if (b0 === 0xe0 && b1! < 0xa0) return null;
      if (b0 === 0xed && b1! >= 0xa0) {
        // A surrogate: only a high + low pair in the CESU-8 form is acceptable, and only as a variant.
        if (!variants || b1! > 0xaf) return null;
        const b3 = bytes[i + 3];
        const b4 = bytes[i + 4];
        const b5 = bytes[i + 5];
        if (b3 !== 0xed || b4 === undefined || b4 < 0xb0 || b4 > 0xbf || !isCont(b5)) return null;
        const hi = ((b1! & 0x0f) << 6) | (b2! & 0x3f);
        const lo = ((b4 & 0x0f) << 6) | (b5! & 0x3f);
        points.push(0x10000 + (hi << 10) + lo);
        i += 6;
        continue;
      }
      points.push(((b0 & 0x0f) << 12) | ((b1! & 0x3f) << 6) | (b2! & 0x3f));
      i += 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if (!isCont(b1) || !isCont(b2) || !isCont(b3)) return null;
      if (b0 === 0xf0 && b1! < 0x90) return null;
      if (b0 === 0xf4 && b1! > 0x8f) return null;
      points.push(((b0 & 0x07) << 18) | ((b1! & 0x3f) << 12) | ((b2! & 0x3f) << 6) | (b3! & 0x3f));
      i += 4;
    } else {
      return null;
    }
  }
  let s = '';
  for (let k = 0; k < points.length; k += 4096) s += String.fromCodePoint(...points.slice(k, k + 4096));
  return s;
}

/** The windows-1252 character for a C1 control, or null for its five undefined bytes. */
export function windows1252ForC1(code: number): string | null {
  if (code < 0x80 || code > 0x9f) return null;
  const undef = CODE_PAGES['windows-1252'].undefinedBytes as readonly number[];
  if (undef.includes(code)) return null;
  return CODE_PAGES['windows-1252'].high[code - 0x80]!;
}

/** The MacRoman character for a byte. */
export function macRomanFor(byte: number): string {
  return CODE_PAGES.macroman.high[byte - 0x80]!;
}

/** Offset of the first byte that breaks UTF-8 (as a strict decoder sees it), or -1 when all is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min2 = 0x80;
    let max2 = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) len = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      len = 3;
      if (b0 === 0xe0) min2 = 0xa0;
      if (b0 === 0xed) max2 = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      len = 4;
      if (b0 === 0xf0) min2 = 0x90;
      if (b0 === 0xf4) max2 = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const b = bytes[i + k];
      if (b === undefined) return i;
      if (k === 1 ? b < min2 || b > max2 : !isCont(b)) return i;
    }
    i += len;
  }
  return -1;
}
