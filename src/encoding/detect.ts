/**
 * What a file that is not UTF-8 most likely is, so the message can name it: UTF-16, with or
 * without a byte order mark, is what Windows tools (PowerShell's `>` and `Out-File`, Notepad's
 * "Unicode") write.
 */

export type Utf16 = 'UTF-16LE' | 'UTF-16BE';

export interface Utf16Guess {
  encoding: Utf16;
  bom: boolean;
}

/**
 * Is this UTF-16? A byte order mark says so (FF FE little-endian, FE FF big-endian; FF FE 00 00
 * is UTF-32 and is not claimed). Without one, text in UTF-16 shows its ASCII characters (line
 * ends, spaces, Markdown's punctuation) as a zero byte beside each: many zeros at one parity and
 * almost none at the other, which no UTF-8 text and hardly any binary format shows.
 */
export function detectUtf16(bytes: Uint8Array): Utf16Guess | null {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return { encoding: 'UTF-16LE', bom: true };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', bom: true };
  }
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // A zero high byte on at least a fifth of the characters, and (almost) never a zero low byte;
  // and what that reading gives must be text.
  let encoding: Utf16 | null = null;
  if (oddZeros >= pairs / 5 && evenZeros <= pairs / 100) encoding = 'UTF-16LE';
  else if (evenZeros >= pairs / 5 && oddZeros <= pairs / 100) encoding = 'UTF-16BE';
  if (encoding === null || pairs < 8 || !readsAsText(bytes, n, encoding === 'UTF-16LE')) return null;
  return { encoding, bom: false };
}

/** Code units from a UTF-16 sample: no control characters but tab and line ends, no lone surrogates. */
function readsAsText(bytes: Uint8Array, n: number, littleEndian: boolean): boolean {
  let pendingHigh = false;
  for (let i = 0; i < n; i += 2) {
    const unit = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (pendingHigh !== low) return false;
    pendingHigh = unit >= 0xd800 && unit <= 0xdbff;
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f || unit === 0xfffe) return false;
  }
  return true;
}
