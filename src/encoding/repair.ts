/**
 * Repair of one segment (a line, or less): undo UTF-8 that was decoded with a single-byte code
 * page, layer by layer, while the text still looks like mojibake.
 *
 * One step, in order:
 *   1. the whole segment, if some code page can re-encode all of it and the bytes are UTF-8;
 *   2. otherwise each run that has the shape of a mis-decoded UTF-8 character and looks bad alone;
 *   3. otherwise C1 control characters, read as the windows-1252 characters they stood for.
 * Steps repeat until the text stops looking bad or stops changing.
 */
import { isBad } from './badness.js';
import { restoreA0, replaceLossy } from './bytes.js';
import { CLASS, CONT, LEAD2, LEAD3, LEAD4, STRICT_CONT, isLetter } from './classes.js';

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
import {
  REPAIR_ORDER,
  codec,
  decodeUtf8,
  encode,
  firstInvalidUtf8,
  macRomanFor,
  windows1252ForC1,
  type CodePageName,
} from './codecs.js';

/** A code page that UTF-8 was read as, or 'c1' for C1 controls read as windows-1252. */
export type Layer = CodePageName | 'c1';

const MAX_STEPS = 12;

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decode text that was UTF-8 read as `name`, or null when that reading does not hold. */
export function undoOnce(text: string, name: CodePageName): string | null {
  const c = codec(name);
  let bytes = encode(text, c);
  if (!bytes) return null;
  if (name !== 'macroman') bytes = restoreA0(bytes);
  if (c.sloppy) bytes = replaceLossy(bytes);
  if (bytes.includes(0xed) || bytes.includes(0xc0)) return decodeUtf8(bytes, true);
  // The common case: check with a plain loop, decode natively.
  return firstInvalidUtf8(bytes) < 0 ? utf8Decoder.decode(bytes) : null;
}

/** Repair a segment; `layers` receives the code page of each step taken, outermost first. */
export function fixSegment(text: string, layers: Layer[] = []): string {
  let cur = text;
  for (let k = 0; k < MAX_STEPS && isBad(cur); k++) {
    const next = step(cur, layers);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

/**
 * How implausible a decoding looks: a capital letter alone inside a lower-case word ("sublykĨiojusi")
 * and text that still looks like mojibake. Used only to choose between code pages that all decode.
 */
function implausibility(s: string): number {
  let n = isBad(s) ? 2 : 0;
  for (let i = 1; i + 1 < s.length; i++) {
    const c = s[i]!;
    if (c.charCodeAt(0) < 0x80 || c === c.toLowerCase()) continue;
    const before = s[i - 1]!;
    const after = s[i + 1]!;
    if (before !== before.toUpperCase() && after !== after.toUpperCase()) n++;
  }
  return n;
}

function step(s: string, layers: Layer[]): string {
  // Every code page that reads the whole segment as UTF-8; when several do, the most plausible
  // reading wins, the earlier code page on a tie.
  let best: { name: CodePageName; text: string; score: number } | null = null;
  for (const name of REPAIR_ORDER) {
    const decoded = undoOnce(s, name);
    if (decoded === null || decoded === s) continue;
    if (best && decoded === best.text) continue;
    const score = implausibility(decoded);
    if (!best || score < best.score) best = { name, text: decoded, score };
    if (score === 0) break;
  }
  if (best) {
    layers.push(best.name);
    return best.text;
  }
  const mixed = fixRuns(s, layers);
  if (mixed !== s) return mixed;
  const c1 = fixC1(s);
  if (c1 !== s) layers.push('c1');
  return c1;
}

/** Length of one mis-decoded UTF-8 character starting at s[i] (lead + continuations), or 0. */
function unitAt(s: string, i: number): number {
  const k = CLASS[s.charCodeAt(i)]!;
  const cont = (j: number): boolean => j < s.length && (CLASS[s.charCodeAt(j)]! & CONT) !== 0;
  if (k & LEAD2 && cont(i + 1)) return 2;
  if (k & LEAD3 && cont(i + 1) && cont(i + 2)) return 3;
  if (k & LEAD4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) return 4;
  return 0;
}

/**
 * Find runs shaped like mis-decoded UTF-8: one or more lead characters each followed by the
 * right number of continuation characters, not glued to the end of a longer garble.
 */
export function* mojibakeRuns(s: string): Generator<[number, number]> {
  let i = 0;
  while (i < s.length) {
    const k = CLASS[s.charCodeAt(i)]!;
    if (k & (LEAD2 | LEAD3 | LEAD4) && (i === 0 || !(CLASS[s.charCodeAt(i - 1)]! & STRICT_CONT))) {
      let j = i;
      for (let len = unitAt(s, j); len > 0; len = unitAt(s, j)) j += len;
      if (j > i) {
        yield [i, j];
        i = j;
        continue;
      }
    }
    i++;
  }
}

/** Mojibake mixed with correct text (or with another kind of mojibake): repair each run alone. */
function fixRuns(s: string, layers: Layer[]): string {
  let out = '';
  let last = 0;
  for (const [i, j] of mojibakeRuns(s)) {
    if (j - i >= s.length || !isBad(s, i, j)) continue;
    const run = s.slice(i, j);
    const fixed = fixRun(run, layers);
    if (fixed !== run) {
      out += s.slice(last, i) + fixed;
      last = j;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Repair a run; when it does not decode as a whole, its first unit may be correct text that only
 * looks like a lead ("Ø" before "Ã‰cole"): repair the rest of the run without it.
 */
function fixRun(run: string, layers: Layer[]): string {
  const fixed = fixSegment(run, layers);
  if (fixed !== run) return fixed;
  const first = unitAt(run, 0);
  if (first === 0 || first >= run.length) return run;
  const rest = run.slice(first);
  if (!isBad(rest)) return run;
  const restFixed = fixRun(rest, layers);
  return restFixed === rest ? run : run.slice(0, first) + restFixed;
}

/**
 * C1 controls almost never belong in text: they are windows-1252 bytes read as latin-1. Inside a
 * word, where windows-1252 would give punctuation but MacRoman a letter ("ma\x96ana"), the
 * bytes were MacRoman.
 */
/** windows-1252 characters too rare in prose to read a lone C1 control as them. */
const RARE_C1 = new Set(['ƒ', 'ˆ', '˜', '‰', '†', '‡']);

export function fixC1(s: string): string {
  let out = '';
  let changed = false;
  let c1Count = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80 && code <= 0x9f) c1Count++;
  }
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80 || code > 0x9f) {
      out += s[i];
      continue;
    }
    const mac = macRomanFor(code);
    const inWord = isAsciiLetter(s.charCodeAt(i - 1)) && isAsciiLetter(s.charCodeAt(i + 1));
    const win = windows1252ForC1(code);
    let pick = inWord && isLetter(mac) && !isLetter(win ?? undefined) ? mac : win;
    // A lone stray control that would become a rare symbol is more likely garbage than mojibake.
    if (pick !== null && c1Count === 1 && RARE_C1.has(pick)) pick = null;
    if (pick === null) out += s[i];
    else {
      out += pick;
      changed = true;
    }
  }
  return changed ? out : s;
}
