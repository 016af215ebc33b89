/**
 * Mojibake detection and repair: pure functions on strings, no Markdown inside.
 *
 *   repairText(text)                one text on its own evidence, line by line
 *   gatherEvidence(texts)           what the certain repairs across a whole document show
 *   repairText(text, { evidence })  ...and then also the fragments that only that evidence settles
 *
 * Each repair reports its exact span in the input, the original and the replacement, and the
 * encoding path ("utf-8 read as windows-1252").
 */
import { diffChars } from 'diff';
import { isBad, isClean } from './badness.js';
import { REPAIR_ORDER, type CodePageName } from './codecs.js';
import { fixC1, fixSegment, mojibakeRuns, undoOnce, type Layer } from './repair.js';
import { judge, Script, scriptOf, type Judgement } from './words.js';

export { isBad, isClean } from './badness.js';
export { REPAIR_ORDER, type CodePageName } from './codecs.js';
export type { Layer } from './repair.js';

export interface Repair {
  /** Offset of the first replaced UTF-16 unit in the input. */
  start: number;
  /** Offset just past the replaced text. */
  end: number;
  original: string;
  replacement: string;
  /** Mis-decodings undone, outermost first: ['windows-1252', 'windows-1252'] for two layers. */
  layers: Layer[];
  /** Human-readable path, e.g. "utf-8 read as windows-1252". */
  path: string;
  /** 'text': the text shows mojibake by itself. 'document': ambiguous alone, settled by the rest of the document. */
  basis: 'text' | 'document';
}

export interface RepairResult {
  text: string;
  repairs: Repair[];
}

/** What the certain repairs in a document show: how often each code page was the culprit. */
export interface Evidence {
  readonly layers: ReadonlyMap<CodePageName, number>;
  /** 128-code-point blocks of the characters those repairs produced. */
  readonly blocks: ReadonlySet<number>;
}

export const NO_EVIDENCE: Evidence = { layers: new Map(), blocks: new Set() };

export interface RepairOptions {
  /** Evidence gathered from the whole document with gatherEvidence(). */
  evidence?: Evidence;
}

/** Describe a path of layers, outermost first. */
export function describeLayers(layers: readonly Layer[]): string {
  if (layers.length === 0) return 'unknown';
  const words = layers.map((l) => (l === 'c1' ? 'windows-1252 read as latin-1 (C1 controls)' : `utf-8 read as ${l}`));
  const same = words.every((w) => w === words[0]);
  if (same) return words.length === 1 ? words[0]! : `${words[0]!}, ${words.length} times over`;
  return words.join(', then ');
}

/** Repair a text line by line. Clean text is returned as is, at the cost of one scan. */
export function repairText(text: string, options: RepairOptions = {}): RepairResult {
  const evidence = options.evidence ?? NO_EVIDENCE;
  if (isClean(text)) return { text, repairs: [] };
  const repairs: Repair[] = [];
  let out: string[] | null = null;
  let copied = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    // Most lines of most documents: nothing suspicious, or nothing bad and no evidence to weigh.
    const worthALook = evidence.layers.size > 0 ? !isClean(text, lineStart, lineEnd) : isBad(text, lineStart, lineEnd);
    if (worthALook) {
      const line = text.slice(lineStart, lineEnd);
      const fixed = repairToFixpoint(line, evidence);
      if (fixed.text !== line) {
        out ??= [];
        out.push(text.slice(copied, lineStart), fixed.text);
        copied = lineEnd;
        for (const r of fixed.repairs) repairs.push({ ...r, start: r.start + lineStart, end: r.end + lineStart });
      }
    }
    lineStart = lineEnd;
  }
  if (out === null) return { text, repairs };
  out.push(text.slice(copied));
  return { text: out.join(''), repairs };
}

/**
 * Repair a line until a second look finds nothing more. A repair can uncover another (double
 * mojibake beside single, "Ã¢â‚¬â€" beside "Ã‰"), and what is written out must be what a
 * second run would leave alone: `--fix` applies fixes until stable, and the cleaned Markdown
 * must process to the same model. The repairs are reported against the original line.
 */
function repairToFixpoint(line: string, evidence: Evidence): RepairResult {
  let fixed = repairLine(line, evidence);
  for (let pass = 0; pass < 3 && fixed.text !== line; pass++) {
    const again = repairLine(fixed.text, evidence);
    if (again.text === fixed.text) break;
    fixed = { text: again.text, repairs: compose(line, fixed.repairs, again.repairs, again.text) };
  }
  return fixed;
}

/** Net change in length of the repairs that end at or before `offset` (in the coordinates they were found in). */
function shiftBefore(repairs: readonly Repair[], offset: number): number {
  let shift = 0;
  for (const r of repairs) if (r.end <= offset) shift += r.replacement.length - (r.end - r.start);
  return shift;
}

/**
 * Repairs `first`, found in `line`, followed by repairs `second`, found in the text the first made,
 * as repairs of `line` that give `final`. A second repair that touches a first one's replacement
 * takes in the whole of it, and overlapping ones become one; text between them is never taken in.
 */
function compose(line: string, first: readonly Repair[], second: readonly Repair[], final: string): Repair[] {
  /** A position in the first pass's output, as a position in the line. */
  const toLine = (o: number, side: 'start' | 'end'): number => {
    let shift = 0;
    for (const r of first) {
      const os = r.start + shift;
      const oe = os + r.replacement.length;
      if (side === 'start' ? o < os : o <= os) return o - shift;
      if (side === 'start' ? o < oe : o <= oe) return side === 'start' ? r.start : r.end;
      shift += r.replacement.length - (r.end - r.start);
    }
    return o - shift;
  };
  const spansOf = [
    ...first.map((r) => ({ start: r.start, end: r.end, parts: [r] })),
    ...second.map((r) => ({ start: toLine(r.start, 'start'), end: toLine(r.end, 'end'), parts: [r] })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: typeof spansOf = [];
  for (const span of spansOf) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.parts.push(...span.parts);
    } else merged.push({ ...span, parts: [...span.parts] });
  }
  // Span ends lie outside every repair of both passes, so they map to the final text exactly.
  const toFinal = (x: number): number => {
    const o = x + shiftBefore(first, x);
    return o + shiftBefore(second, o);
  };
  return merged.map(({ start, end, parts }) => {
    const layers = parts.flatMap((r) => r.layers);
    const basis = parts.every((r) => r.basis === 'document') ? 'document' : 'text';
    return finish(start, line.slice(start, end), final.slice(toFinal(start), toFinal(end)), layers, basis);
  });
}

function repairLine(line: string, evidence: Evidence): RepairResult {
  if (isClean(line)) return { text: line, repairs: [] };
  let text = line;
  let own: Repair[] = [];
  if (isBad(line)) {
    const layers: Layer[] = [];
    const fixed = fixSegment(line, layers);
    if (fixed !== line) {
      const found = spans(line, fixed, layers, 'text');
      own = keep(line, found, { basis: 'text', wholeLine: coversNonAscii(line, found), evidenceScripts: scriptsOfBlocks(evidence.blocks) });
      text = apply(line, own);
    }
  }
  // Second look at what is left, with the document's evidence and what this line's own repairs show.
  const weighed = own.length > 0 ? withRepairs(evidence, own) : evidence;
  if (weighed.layers.size === 0) return { text, repairs: own };
  const more = repairWithEvidence(text, weighed);
  if (more.repairs.length === 0) return { text, repairs: own };
  if (own.length === 0) return more;
  // Both kinds in one line: report against the original line.
  const all = spans(line, more.text, own.flatMap((r) => r.layers), 'text');
  const documentSpans = new Set(more.repairs.map((r) => r.original + '\u0000' + r.replacement));
  for (const r of all) {
    if (documentSpans.has(r.original + '\u0000' + r.replacement)) r.basis = 'document';
  }
  return { text: more.text, repairs: all };
}

/** The repairs that make sense for their whole words (see words.ts). */
function keep(line: string, found: Repair[], how: Judgement): Repair[] {
  const kept = new Set(judge(line, found, how));
  return found.filter((r) => kept.has(r));
}

/** Apply non-overlapping repairs, sorted by position, to the text they were found in. */
function apply(text: string, repairs: readonly Repair[]): string {
  let out = '';
  let pos = 0;
  for (const r of repairs) {
    out += text.slice(pos, r.start) + r.replacement;
    pos = r.end;
  }
  return out + text.slice(pos);
}

/** Does every non-ASCII character of the line lie inside one of the repairs? */
function coversNonAscii(line: string, repairs: readonly Repair[]): boolean {
  let pos = 0;
  for (const r of repairs) {
    for (let i = pos; i < r.start; i++) if (line.charCodeAt(i) >= 0x80) return false;
    pos = r.end;
  }
  for (let i = pos; i < line.length; i++) if (line.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Evidence plus what some repairs show. */
function withRepairs(evidence: Evidence, repairs: readonly Repair[]): Evidence {
  const layers = new Map(evidence.layers);
  const blocks = new Set(evidence.blocks);
  for (const r of repairs) {
    const innermost = r.layers[r.layers.length - 1];
    if (innermost && innermost !== 'c1') layers.set(innermost, (layers.get(innermost) ?? 0) + 1);
    for (const ch of r.replacement) blocks.add(ch.codePointAt(0)! >> 7);
  }
  return { layers, blocks };
}

/**
 * Split the change from `from` to `to` into spans and name each span's path. Repairs replace runs
 * of non-ASCII characters and leave the text between them as it was, so a linear walk that re-syncs
 * on the next piece of unchanged text finds the spans; a general diff is the fallback for the rare
 * line where that walk does not rebuild the repaired text exactly.
 */
/** ASCII other than white space: never part of a mojibake repair. */
const PRINTABLE_ASCII = /[!-~]/u;

function spans(from: string, to: string, fallback: Layer[], basis: Repair['basis']): Repair[] {
  // Anchoring on ASCII is fast and right when the text around the mojibake is ASCII; when it is not
  // (emoji, other scripts beside the repair), a piece can take in Markdown syntax the repair never
  // changed, and a character diff places it exactly.
  const anchored = alignByAnchors(from, to);
  const found = anchored && !anchored.some((p) => PRINTABLE_ASCII.test(p.original) || PRINTABLE_ASCII.test(p.replacement)) ? anchored : alignByDiff(from, to);
  const result = found.map((p) => finish(p.start, p.original, p.replacement, fallback, basis));
  return mergeSurrogateSplits(result, from, to, fallback, basis);
}

interface Piece {
  start: number;
  original: string;
  replacement: string;
}

const ANCHOR = 6;

function alignByAnchors(from: string, to: string): Piece[] | null {
  const pieces: Piece[] = [];
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    if (i < from.length && j < to.length && from[i] === to[j]) {
      i++;
      j++;
      continue;
    }
    // The replacement runs to the next ASCII character of the repaired text.
    let k = j;
    while (k < to.length && to.charCodeAt(k) >= 0x80) k++;
    let next: number;
    if (k >= to.length) next = from.length;
    else {
      let e = k;
      while (e < to.length && e - k < ANCHOR && to.charCodeAt(e) < 0x80) e++;
      next = from.indexOf(to.slice(k, e), i + 1);
      if (next < 0) return null;
    }
    if (next <= i && k === j) return null;
    pieces.push({ start: i, original: from.slice(i, next), replacement: to.slice(j, k) });
    i = next;
    j = k;
  }
  // Check: the pieces must rebuild the repaired text.
  let rebuilt = '';
  let pos = 0;
  for (const p of pieces) {
    rebuilt += from.slice(pos, p.start) + p.replacement;
    pos = p.start + p.original.length;
  }
  return rebuilt + from.slice(pos) === to ? pieces : null;
}

function alignByDiff(from: string, to: string): Piece[] {
  const pieces: Piece[] = [];
  let pos = 0;
  let pending: Piece | null = null;
  for (const part of diffChars(from, to)) {
    if (part.added) {
      pending ??= { start: pos, original: '', replacement: '' };
      pending.replacement += part.value;
    } else if (part.removed) {
      pending ??= { start: pos, original: '', replacement: '' };
      pending.original += part.value;
      pos += part.value.length;
    } else {
      if (pending) pieces.push(pending);
      pending = null;
      pos += part.value.length;
    }
  }
  if (pending) pieces.push(pending);
  return pieces;
}

function finish(start: number, original: string, replacement: string, fallback: Layer[], basis: Repair['basis']): Repair {
  const layers = explain(original, replacement, 3, fallback) ?? [...new Set(fallback)];
  return { start, end: start + original.length, original, replacement, layers, path: describeLayers(layers), basis };
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
/** A span that starts or ends before a low surrogate cuts an astral character in two. */
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

const splitsSurrogates = (rs: readonly Repair[], from: string): boolean =>
  rs.some(
    (r) =>
      [...r.original, ...r.replacement].some((ch) => ch.length === 1 && isSurrogate(ch.charCodeAt(0))) ||
      isLowSurrogate(from.charCodeAt(r.start)) ||
      isLowSurrogate(from.charCodeAt(r.end)),
  );

function mergeSurrogateSplits(rs: Repair[], from: string, to: string, fallback: Layer[], basis: Repair['basis']): Repair[] {
  if (!splitsSurrogates(rs, from)) return rs;
  // A character diff keeps astral characters whole, and keeps unchanged text between repairs out of them.
  const byDiff = alignByDiff(from, to).map((p) => finish(p.start, p.original, p.replacement, fallback, basis));
  if (!splitsSurrogates(byDiff, from)) return byDiff;
  // Rare: fall back to one span from the first change to the last.
  let a = 0;
  while (a < from.length && a < to.length && from[a] === to[a]) a++;
  let b = 0;
  while (b < from.length - a && b < to.length - a && from[from.length - 1 - b] === to[to.length - 1 - b]) b++;
  while (a > 0 && isSurrogate(from.charCodeAt(a))) a--;
  while (b > 0 && isSurrogate(from.charCodeAt(from.length - b))) b--;
  return [finish(a, from.slice(a, from.length - b), to.slice(a, to.length - b), fallback, basis)];
}

/**
 * Find the layers that turn `original` into `replacement`, up to three deep. Code pages in
 * `preferred` (those the whole line was repaired with) are tried first: "Ã©" reads the same as
 * latin-1 and as windows-1252, and the line says which it was.
 */
export function explain(original: string, replacement: string, depth = 3, preferred: readonly Layer[] = []): Layer[] | null {
  if (depth === 0) return null;
  const order = [...new Set([...preferred.filter((l): l is CodePageName => l !== 'c1'), ...REPAIR_ORDER])];
  for (const name of order) {
    const once = undoOnce(original, name);
    if (once === null || once === original) continue;
    if (once === replacement) return [name];
    const deeper = explain(once, replacement, depth - 1, preferred);
    if (deeper) return [name, ...deeper];
  }
  if (fixC1(original) === replacement) return ['c1'];
  return null;
}

/** Gather what the certain repairs across many texts (a document's lines or nodes) show. */
export function gatherEvidence(texts: Iterable<string>): Evidence {
  let evidence: Evidence = NO_EVIDENCE;
  for (const text of texts) {
    const { repairs } = repairText(text);
    if (repairs.length > 0) evidence = withRepairs(evidence, repairs);
  }
  return evidence;
}

/** Blocks where characters that mojibake hides are common in documents. */
const COMMON_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00a1, 0x00bf], // Latin-1 signs and punctuation (© · » µ)
  [0x00c0, 0x024f], // Latin-1 letters, Latin Extended-A and -B
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2010, 0x205e], // General Punctuation
  [0x20a0, 0x20c0], // currency signs
  [0x2100, 0x23ff], // letterlike, number forms, arrows, mathematical operators, technical
  [0x2460, 0x27bf], // enclosed numbers, box drawing, blocks, shapes, symbols, dingbats
  [0x2b00, 0x2bff], // miscellaneous symbols and arrows
  [0x3000, 0x303f], // CJK punctuation
  [0xff00, 0xffef], // full-width forms
  [0x1f000, 0x1faff], // emoji and pictographs
];

const plausibleCharRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;

function plausible(ch: string, evidence: Evidence, scripts: ReadonlySet<Script>): boolean {
  if (!plausibleCharRe.test(ch)) return false;
  const cp = ch.codePointAt(0)!;
  if (COMMON_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi)) return true;
  if (evidence.blocks.has(cp >> 7)) return true;
  // Scripts too large for blocks to show (CJK): the script itself is the evidence.
  const script = scriptOf(cp);
  return script === Script.CJK && scripts.has(script);
}

/**
 * Repair runs that do not look bad on their own ("Ä…" for ą, "â–¼" for ▼) when the document has
 * certain mojibake from the same code page. The result must be plausible (assigned, printable
 * characters of common blocks or blocks the evidence shows), and, word by word, read better than
 * the text as it stands: evidence never repairs inside a word that is plausible as it is.
 */
function repairWithEvidence(line: string, evidence: Evidence): RepairResult {
  const candidates = [...evidence.layers.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const scripts = scriptsOfBlocks(evidence.blocks);
  const found: Repair[] = [];
  for (const [i, j] of mojibakeRuns(line)) {
    const run = line.slice(i, j);
    for (const name of candidates) {
      const decoded = undoOnce(run, name);
      if (decoded === null || decoded === run) continue;
      if (![...decoded].every((ch) => plausible(ch, evidence, scripts))) continue;
      found.push({ start: i, end: j, original: run, replacement: decoded, layers: [name], path: describeLayers([name]), basis: 'document' });
      break;
    }
  }
  const repairs = keep(line, found, { basis: 'document', wholeLine: false, evidenceScripts: scripts });
  if (repairs.length === 0) return { text: line, repairs };
  // Positions in `repairs` are relative to `line`, and replacements do not overlap.
  return { text: apply(line, repairs), repairs };
}

function scriptsOfBlocks(blocks: ReadonlySet<number>): Set<Script> {
  const out = new Set<Script>();
  for (const b of blocks) {
    const s = scriptOf(b << 7);
    if (s !== Script.None) out.add(s);
    const t = scriptOf((b << 7) + 0x7f);
    if (t !== Script.None) out.add(t);
  }
  return out;
}
