/**
 * Words are the unit of judgement. A candidate repair is kept only when it makes sense for the
 * whole word it falls in: the word must be mojibake through and through (every non-ASCII letter
 * of it is part of a decoded run), and the repaired word must read better than the word as it
 * stands.
 *
 * "Reads better" is measured by `oddity`: how many things in a word real writing rarely does.
 * Letters of two scripts side by side, a lower-case letter before a capital, a symbol wedged
 * between letters, a letter glued to a symbol only mojibake makes (¤ ¬ ‰ ˆ...), a rare letter
 * (IPA, modifier letters, historic Cyrillic), a control character, a lone letter of a script the
 * rest of the line does not use, and the pair rules of `isBad`. Correct text scores 0 or close to
 * it; mojibake scores high; a decoding that turns correct text into something else scores higher
 * than the text it would replace. Off the hot path: this runs only on lines that have a candidate.
 */
import { hasBadPair } from './badness.js';

export const enum Script {
  None = 0,
  Latin,
  Greek,
  Cyrillic,
  Armenian,
  Hebrew,
  Arabic,
  Indic,
  Thai,
  Georgian,
  CJK,
  Other,
}

const letterRe = /^\p{L}$/u;
const markRe = /^\p{M}$/u;
const upperRe = /^\p{Lu}$/u;
const lowerRe = /^\p{Ll}$/u;
const spaceRe = /^\s$/u;
const controlRe = /^[\p{Cc}\p{Cn}\p{Co}]$/u;

/** The script of a letter (by code point ranges; None for anything else). */
export function scriptOf(cp: number): Script {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? Script.Latin : Script.None;
  if (cp < 0x2b0) return cp === 0xd7 || cp === 0xf7 || cp < 0xc0 ? (cp === 0xaa || cp === 0xba || cp === 0xb5 ? Script.Latin : Script.None) : Script.Latin;
  if (cp >= 0x1e00 && cp <= 0x1eff) return Script.Latin;
  if (cp >= 0xfb00 && cp <= 0xfb06) return Script.Latin;
  if ((cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff)) return Script.Greek;
  if (cp >= 0x400 && cp <= 0x52f) return Script.Cyrillic;
  if (cp >= 0x530 && cp <= 0x58f) return Script.Armenian;
  if ((cp >= 0x590 && cp <= 0x5ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return Script.Hebrew;
  if ((cp >= 0x600 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return Script.Arabic;
  if (cp >= 0x900 && cp <= 0xdff) return Script.Indic;
  if (cp >= 0xe00 && cp <= 0xe7f) return Script.Thai;
  if (cp >= 0x10a0 && cp <= 0x10ff) return Script.Georgian;
  if (
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x3130 && cp <= 0x318f) ||
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff66 && cp <= 0xffdc) ||
    cp >= 0x20000
  ) {
    return Script.CJK;
  }
  return Script.Other;
}

/** Letters seldom seen in running text, but common in what a wrong decoding produces. */
function rareLetter(cp: number): boolean {
  return (
    cp === 0x178 ||
    (cp >= 0x180 && cp <= 0x24f && !(cp >= 0x1cd && cp <= 0x1dc) && !(cp >= 0x218 && cp <= 0x21b) && cp !== 0x192) ||
    (cp >= 0x250 && cp <= 0x2ff) ||
    (cp >= 0x3d0 && cp <= 0x3ff) ||
    (cp >= 0x460 && cp <= 0x48f) ||
    (cp >= 0x500 && cp <= 0x52f)
  );
}

/** Symbols that writing glues to letters only by accident of a code page (ftfy's "bad" class, mostly). */
const GARBLE = new Set([...'¤¦¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊§¶\u00ad']);
/** Non-letters that sit inside or at the edge of ordinary words. */
const SOFT = new Set([...'’‘ʼ´·‐‑\u00a0\u05f3\u05f4']);
/** Latin letters that are words on their own (French à, Portuguese é, Scandinavian å, ø, ö...). */
const WORD_LETTERS = new Set([...'ÀÅÉØÖÄÜÓÁÍÚÈÊÔàåéøöäüóáíúèêôyµ']);

const UNCASED = new Set([Script.CJK, Script.Arabic, Script.Hebrew, Script.Thai, Script.Indic]);

interface Info {
  cp: number;
  letter: boolean;
  mark: boolean;
  script: Script;
  upper: boolean;
  lower: boolean;
}

function info(ch: string): Info {
  const cp = ch.codePointAt(0)!;
  const letter = cp < 0x80 ? scriptOf(cp) === Script.Latin : letterRe.test(ch);
  return {
    cp,
    letter,
    mark: cp >= 0x300 && markRe.test(ch),
    script: letter ? scriptOf(cp) : Script.None,
    upper: letter && (cp < 0x80 ? cp <= 0x5a : upperRe.test(ch)),
    lower: letter && (cp < 0x80 ? cp >= 0x61 : lowerRe.test(ch)),
  };
}

/** A control character, unassigned or private-use code point: never a repair's product. */
export function isControl(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return false;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return true;
  return cp >= 0x370 && controlRe.test(ch);
}

/** Scripts of the letters in `text`, counted. */
export function scriptCounts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      if (scriptOf(cp) === Script.Latin) counts.set(Script.Latin, (counts.get(Script.Latin) ?? 0) + 1);
      continue;
    }
    if (!letterRe.test(ch)) continue;
    const s = scriptOf(cp);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

/**
 * How odd a word (or a few words joined by a repair) looks as text. `context` holds the scripts
 * the rest of the line (and the document's evidence, for a repaired word) uses.
 */
export function oddity(word: string, context: ReadonlySet<Script>): number {
  const chars = [...word].map(info);
  let n = hasBadPair(word) ? 2 : 0;
  const own = new Map<Script, number>();
  for (const c of chars) if (c.letter) own.set(c.script, (own.get(c.script) ?? 0) + 1);
  let prevLetter: Info | null = null;
  let sinceLetter = 0;
  let wedged = false;
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    const ch = String.fromCodePoint(c.cp);
    if (isControl(ch)) n += 2;
    if (c.mark) continue;
    if (c.letter) {
      if (rareLetter(c.cp)) n++;
      if (prevLetter) {
        if (sinceLetter === 0) {
          // ASCII words glued to a script without case are ordinary ("GECOS는", "لـWin"); other mixes are not.
          if (prevLetter.script !== c.script && !(prevLetter.cp < 0x80 && UNCASED.has(c.script)) && !(c.cp < 0x80 && UNCASED.has(prevLetter.script))) n++;
          if (prevLetter.lower && c.upper && (prevLetter.cp >= 0x80 || c.cp >= 0x80)) n++;
        } else if (wedged) n++;
      }
      prevLetter = c;
      sinceLetter = 0;
      wedged = false;
      continue;
    }
    if (c.cp >= 0x80 && !SOFT.has(ch) && !spaceRe.test(ch)) {
      if (sinceLetter < 2) wedged = true;
      if (GARBLE.has(ch)) {
        if (prevLetter && sinceLetter === 0) n++;
        else if (k + 1 < chars.length && chars[k + 1]!.letter) n++;
      }
    } else if (spaceRe.test(ch)) {
      prevLetter = null;
    }
    sinceLetter++;
  }
  // One or two letters of a script the rest of the line does not use, when it uses another
  // ("В©", "ГЁ" in an Italian line; a line that is only "Оё" is a Tajik word, not Greek).
  let letters = 0;
  for (const [, count] of own) letters += count;
  for (const [script, count] of own) {
    if (script === Script.Latin || script === Script.CJK || context.has(script)) continue;
    if (count <= 2 && context.size > 0) n++;
    // A single such letter glued to a sign ("Вµ", even alone on its line).
    else if (letters === 1 && chars.some((c) => c.cp >= 0xa1 && !c.letter && !c.mark && !SOFT.has(String.fromCodePoint(c.cp)))) n++;
  }
  return n + wordShapes(word);
}

/**
 * Per space-separated word: a word of one non-ASCII Latin letter and symbols ("Ù’", "Õ¤", "Ù"),
 * unless the letter is a word by itself; a word of symbols only, with some that only code pages
 * produce ("’§") or four and more signs glued together ("×¢×´×™").
 */
function wordShapes(text: string): number {
  let n = 0;
  for (const word of text.split(/\s+/u)) {
    if (word === '') continue;
    let letters = 0;
    let lone = '';
    let garble = false;
    let symbols = 0;
    for (const ch of word) {
      if (ch.charCodeAt(0) < 0x80 ? scriptOf(ch.charCodeAt(0)) === Script.Latin : letterRe.test(ch)) {
        letters++;
        lone = ch;
      } else if (ch.charCodeAt(0) >= 0x80 && !markRe.test(ch)) {
        symbols++;
        if (GARBLE.has(ch)) garble = true;
      }
    }
    const cp = lone.codePointAt(0) ?? 0;
    if (letters === 1 && cp >= 0x80 && scriptOf(cp) === Script.Latin && !WORD_LETTERS.has(lone)) n++;
    else if (letters === 0 && ((garble && symbols > 1) || symbols >= 4)) n++;
  }
  return n;
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';

/** A candidate repair of line[start, end). */
export interface Candidate {
  start: number;
  end: number;
  replacement: string;
}

export interface Judgement {
  /** 'text': the line's own reading. 'document': a fragment weighed with the document's evidence. */
  basis: 'text' | 'document';
  /** Every non-ASCII character of the line is inside a candidate: one reading explains the whole line. */
  wholeLine: boolean;
  /** Scripts the document's certain repairs produced. */
  evidenceScripts?: ReadonlySet<Script>;
}

/**
 * Keep the candidates that make sense for their whole words. Candidates in one word (or in words
 * a candidate joins across a space) are judged together and kept or dropped together.
 */
export function judge(line: string, candidates: readonly Candidate[], how: Judgement): Candidate[] {
  if (candidates.length === 0) return [];
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  // Group candidates by the words they touch.
  const groups: { start: number; end: number; members: Candidate[] }[] = [];
  for (const c of sorted) {
    let s = c.start;
    while (s > 0 && !isSpace(line[s - 1])) s--;
    let e = c.end;
    while (e < line.length && !isSpace(line[e])) e++;
    const last = groups[groups.length - 1];
    if (last && s < last.end) {
      last.end = Math.max(last.end, e);
      last.members.push(c);
    } else groups.push({ start: s, end: e, members: [c] });
  }
  // The line outside every candidate: the context a word is read in as it stands. And the line
  // as every candidate would have it: the context a repaired word is read in.
  let rest = '';
  let all = '';
  let pos = 0;
  for (const c of sorted) {
    if (c.start < pos) return [];
    rest += line.slice(pos, c.start) + ' ';
    all += line.slice(pos, c.start) + c.replacement;
    pos = c.end;
  }
  const lineScripts = scriptCounts(rest + line.slice(pos));
  const repairedScripts = scriptCounts(all + line.slice(pos));
  const kept: Candidate[] = [];
  const ties: { members: Candidate[]; scripts: Set<Script> }[] = [];
  const keptScripts = new Set<Script>();
  for (const g of groups) {
    const verdict = acceptGroup(line, g, how, lineScripts, repairedScripts);
    if (verdict === 'better') {
      kept.push(...g.members);
      for (const c of g.members) for (const [s] of scriptCounts(c.replacement)) keptScripts.add(s);
    } else if (verdict === 'tie') {
      ties.push({ members: g.members, scripts: scriptsOf(g.members.map((c) => c.replacement)) });
    }
  }
  // A word that reads as well either way ("Ñž" for ў, "EÄŸer" for Eğer) is repaired along with
  // the better repairs of its own line when it gives letters of the same script, or when one
  // reading explains the whole line. Never on document evidence alone.
  for (const t of ties) {
    const wholeLine = how.basis === 'text' && how.wholeLine;
    if (wholeLine || (t.scripts.size > 0 && [...t.scripts].every((s) => keptScripts.has(s)))) kept.push(...t.members);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function without(total: Map<Script, number>, part: Map<Script, number>): Set<Script> {
  const out = new Set<Script>();
  for (const [s, n] of total) if (n > (part.get(s) ?? 0)) out.add(s);
  return out;
}

function acceptGroup(
  line: string,
  g: { start: number; end: number; members: Candidate[] },
  how: Judgement,
  lineScripts: Map<Script, number>,
  repairedScripts: Map<Script, number>,
): 'better' | 'tie' | 'worse' {
  const before = line.slice(g.start, g.end);
  let after = '';
  let pos = g.start;
  const covered: [number, number][] = [];
  for (const c of g.members) {
    if (c.start < pos) return 'worse';
    after += line.slice(pos, c.start) + c.replacement;
    pos = c.end;
    covered.push([c.start, c.end]);
  }
  after += line.slice(pos, g.end);
  // Never produce a control character.
  for (const c of g.members) for (const ch of c.replacement) if (isControl(ch) && !line.slice(c.start, c.end).includes(ch)) return 'worse';
  // The word must be mojibake through and through: no non-ASCII letter outside the decoded runs.
  // (A C1 control read as its windows-1252 character is one byte: it needs no partner.)
  const c1Only = g.members.every((c) => /^[\u0080-\u009f]+$/u.test(line.slice(c.start, c.end)));
  let k = 0;
  for (let i = c1Only ? g.end : g.start; i < g.end; i++) {
    while (k < covered.length && covered[k]![1] <= i) k++;
    if (k < covered.length && covered[k]![0] <= i) continue;
    const code = line.charCodeAt(i);
    if (code >= 0x80 && letterRe.test(line[i]!)) {
      return 'worse';
    }
    // Surrogate pairs: test the whole code point.
    if (code >= 0xd800 && code <= 0xdbff && letterRe.test(String.fromCodePoint(line.codePointAt(i)!))) return 'worse';
  }
  // A space between two words of the same script is a word break, not a lost no-break space,
  // unless the line's own reading explains every character of it.
  for (const c of how.basis === 'text' && how.wholeLine ? [] : g.members) {
    for (let i = c.start + 1; i < c.end; i++) {
      if (line[i] !== ' ') continue;
      const left = line[i - 1]!;
      const right = line[i + 1];
      if (right === undefined || !letterRe.test(left) || !letterRe.test(right)) continue;
      const ls = scriptOf(left.codePointAt(0)!);
      if (ls !== scriptOf(right.codePointAt(0)!)) continue;
      if (ls === Script.Latin && !WORD_LETTERS.has(left)) continue;
      const leftWord = wordAround(line, i - 1);
      const rightWord = wordAround(line, i + 1);
      if (oddity(leftWord, new Set()) === 0 && oddity(rightWord, new Set()) === 0) return 'worse';
    }
  }
  const contextBefore = new Set(lineScripts.keys());
  const contextAfter = without(repairedScripts, scriptCounts(after));
  for (const s of how.evidenceScripts ?? []) contextAfter.add(s);
  const was = oddity(before, contextBefore);
  const now = oddity(after, contextAfter);
  return now < was ? 'better' : now === was ? 'tie' : 'worse';
}

function wordAround(line: string, i: number): string {
  let s = i;
  while (s > 0 && !isSpace(line[s - 1])) s--;
  let e = i + 1;
  while (e < line.length && !isSpace(line[e])) e++;
  return line.slice(s, e);
}

/** Scripts of the characters a set of replacements produced. */
export function scriptsOf(texts: Iterable<string>): Set<Script> {
  const out = new Set<Script>();
  for (const t of texts) for (const [s] of scriptCounts(t)) out.add(s);
  return out;
}
