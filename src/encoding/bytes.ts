/**
 * Byte-level touch-ups applied after re-encoding a suspected mojibake string and before decoding
 * it as UTF-8: putting back 0xA0 bytes that became spaces, and marking sequences that lost bytes.
 */

const SPACE = 0x20;
const SUB = 0x1a;
const QUESTION = 0x3f;

/** Continuation bytes that may sit next to a restored 0xA0 (0x85 and 0xA0 themselves excluded). */
const isPatternCont = (b: number | undefined): boolean =>
  b !== undefined && b >= 0x80 && b <= 0xbf && b !== 0x85 && b !== 0xa0;

const TWO_BYTE_LEADS_WITH_A0 = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9]);

/** After "à" (C3 A0) a lost no-break space leaves "C3 20"; these words show the 20 is really the A0. */
const PORTUGUESE_AFTER_A = ['quele', 'quela', 'quilo', 's '].map((w) => [...w].map((ch) => ch.charCodeAt(0)));

function followedBy(bytes: Uint8Array, at: number, word: number[]): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

/**
 * Editors and HTML often turn U+00A0 into a plain space. Many UTF-8 sequences contain byte A0
 * (à = C3 A0, NBSP = C2 A0, † = E2 80 A0), so re-encoded mojibake can show a space where A0 was.
 * Put A0 back where the surrounding bytes leave no other reading.
 */
export function restoreA0(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(SPACE)) return bytes;
  const out: number[] = [];
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    const next = bytes[i + 1];
    if (next === SPACE && TWO_BYTE_LEADS_WITH_A0.has(b)) {
      if (b === 0xc3) {
        const after = i + 2;
        const portuguese = PORTUGUESE_AFTER_A.some((w) => followedBy(bytes, after, w));
        if (bytes[after] !== SPACE && !portuguese) {
          // "lÃ maintenant": the no-break space vanished, the space is the word break.
          out.push(b, 0xa0, SPACE);
          i += 1;
          continue;
        }
      }
      out.push(b, 0xa0);
      i += 1;
      continue;
    }
    if ((b === 0xe2 || b === 0xe3) && next === SPACE && isPatternCont(bytes[i + 2])) {
      out.push(b, 0xa0, bytes[i + 2]!);
      i += 2;
      continue;
    }
    if (b >= 0xe0 && b <= 0xe3 && isPatternCont(next) && bytes[i + 2] === SPACE) {
      out.push(b, next!, 0xa0);
      i += 2;
      continue;
    }
    if (b === 0xf0) {
      const c = [bytes[i + 1], bytes[i + 2], bytes[i + 3]];
      const spaces = c.filter((x) => x === SPACE).length;
      if (spaces === 1 && c.every((x) => x === SPACE || isPatternCont(x))) {
        out.push(b, ...c.map((x) => (x === SPACE ? 0xa0 : x!)));
        i += 3;
        continue;
      }
    }
    out.push(b);
  }
  return Uint8Array.from(out);
}

const isLostOrCont = (b: number | undefined): boolean => b === SUB || (b !== undefined && b >= 0x80 && b <= 0xbf);

/**
 * A sequence that lost some bytes on the way (to U+FFFD, carried as 0x1A, or to '?') cannot be
 * decoded; replace each such sequence by the UTF-8 for U+FFFD so the rest of the text can be.
 * Only Windows code pages carry U+FFFD as 0x1A, so this runs for them alone.
 */
export function replaceLossy(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(SUB) && !bytes.includes(QUESTION)) return bytes;
  const out: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= n) {
      let lost = 0;
      let questions = 0;
      let ok = true;
      for (let k = 1; k < len; k++) {
        const x = bytes[i + k]!;
        if (x === SUB) lost++;
        else if (x === QUESTION) {
          questions++;
          lost++;
        } else if (!isLostOrCont(x)) ok = false;
      }
      // '?' only stands in for a lost byte right after the first byte of a 2-byte Latin letter.
      if (len === 2 && questions === 1 && b !== 0xc2 && b !== 0xc3) ok = false;
      if (ok && lost > 0 && questions <= 1) {
        out.push(0xef, 0xbf, 0xbd);
        i += len;
        continue;
      }
    }
    if (b === SUB) {
      out.push(0xef, 0xbf, 0xbd);
      i += 1;
      continue;
    }
    out.push(b);
    i += 1;
  }
  return Uint8Array.from(out);
}
