/**
 * Limits that keep one document's cost bounded, and the cheap scan that applies them before the
 * parser runs.
 *
 * micromark is quadratic on a few shapes (thousands of emphasis delimiters in one paragraph,
 * thousands of lazy continuation lines in one paragraph), and a tree nested thousands of levels deep
 * is more than a recursive walk can take. The scan below reads each line once, estimates the nesting
 * the parser would build and counts those shapes, and refuses a document that goes past a limit with
 * a one-line message naming the line, before any of that work starts.
 */
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';

export interface Limits {
  /**
   * The deepest nesting accepted: block quotes and list items open on one line, and emphasis that
   * one paragraph's delimiters can open (a paragraph may hold at most twice this many runs of `*`,
   * `_` or `~`, and twice this many lazy continuation lines).
   */
  maxNesting: number;
  /** The largest document accepted, in bytes of UTF-8. */
  maxFileSize: number;
  /** The most findings reported for one document; past it the rest are summed up in one finding. */
  maxFindings: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxNesting: 1000,
  maxFileSize: 32 * 1024 * 1024,
  maxFindings: 10_000,
});

/** The limits that apply: the defaults, then each layer's values in order (a configuration, then flags). */
export function resolveLimits(...layers: (Partial<Limits> | undefined)[]): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.maxNesting !== undefined) limits.maxNesting = layer.maxNesting;
    if (layer.maxFileSize !== undefined) limits.maxFileSize = layer.maxFileSize;
    if (layer.maxFindings !== undefined) limits.maxFindings = layer.maxFindings;
  }
  return limits;
}

/** A document past one of the limits; `message` is worded for the user. */
export class LimitError extends Error {
  constructor(
    readonly limit: keyof Limits,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && !(c >= 0xd800 && c <= 0xdfff) ? 2 : 1;
  }
  return n;
}

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const CR = 0x0d;
const LF = 0x0a;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isBlankOrEnd = (c: number): boolean => c === SPACE || c === TAB || c === CR || c === LF || Number.isNaN(c);

/**
 * Check a document against the limits. Throws a LimitError naming the first line past a limit.
 * Linear in the document's length; estimates err on the high side only for shapes no real document
 * has at this scale.
 */
export function checkLimits(source: string, limits: Readonly<Limits> = DEFAULT_LIMITS): void {
  const size = utf8Length(source);
  if (size > limits.maxFileSize) {
    throw new LimitError('maxFileSize', `${fmt(size)} bytes is larger than maxFileSize (${fmt(limits.maxFileSize)} bytes)`);
  }
  const maxRuns = 2 * limits.maxNesting;
  const maxLazy = 2 * limits.maxNesting;
  /** Content columns of the list items open (an estimate: laziness and quotes are ignored). */
  const items: number[] = [];
  let runs = 0;
  let lazy = 0;
  let paragraphQuotes = -1;
  let table = false;
  /** The fence a fenced code block was opened with, while inside one. */
  let fence: { char: number; length: number } | null = null;
  let indentedCode = false;
  /** Inside an HTML block: no inline content until a blank line. */
  let htmlBlock = false;
  let previousBlank = true;
  let line = 1;
  const gt = new NextChar(source, '>');
  const paren = new NextChar(source, ')');
  const n = source.length;
  let i = 0;
  while (i < n) {
    // One line: [i, end).
    let end = i;
    while (end < n) {
      const c = source.charCodeAt(end);
      if (c === LF || c === CR) break;
      end++;
    }
    // Container prefix: quotes and list markers, with columns counted as CommonMark does (tabs to 4).
    let p = i;
    let col = 0;
    let quotes = 0;
    let markers = 0;
    let firstCol = -1;
    for (;;) {
      while (p < end) {
        const c = source.charCodeAt(p);
        if (c === SPACE) col++;
        else if (c === TAB) col += 4 - (col % 4);
        else break;
        p++;
      }
      if (p >= end) break;
      if (firstCol < 0) {
        firstCol = col;
        while (items.length > 0 && items[items.length - 1]! > col) items.pop();
      }
      const c = source.charCodeAt(p);
      if (c === GT) {
        quotes++;
        p++;
        col++;
        continue;
      }
      const base = items.length > 0 ? items[items.length - 1]! : 0;
      if (col - base >= 4) break; // indented code, not a marker
      let q = p;
      if (c === 0x2d || c === 0x2b || c === 0x2a) q = p + 1;
      else {
        while (q < end && q - p < 9 && isDigit(source.charCodeAt(q))) q++;
        const d = source.charCodeAt(q);
        q = q > p && (d === 0x2e || d === 0x29) ? q + 1 : p;
      }
      if (q === p || !isBlankOrEnd(source.charCodeAt(q))) break;
      const width = q - p;
      col += width;
      p = q;
      let spaces = 0;
      while (p < end && source.charCodeAt(p) === SPACE && spaces < 5) (p++, spaces++);
      const content = col + (spaces === 0 || spaces > 4 ? 1 : spaces);
      col += spaces;
      items.push(content);
      markers++;
    }
    const blank = p >= end;
    const depth = items.length + quotes;
    if (depth > limits.maxNesting) {
      throw new LimitError(
        'maxNesting',
        `nested ${fmt(depth)} levels deep (block quotes and lists), more than maxNesting (${fmt(limits.maxNesting)})`,
        line,
      );
    }
    const first = source.charCodeAt(p);
    if (!blank && (first === 0x60 || first === 0x7e)) {
      let m = p;
      while (m < end && source.charCodeAt(m) === first) m++;
      if (m - p >= 3) {
        if (fence === null) fence = { char: first, length: m - p };
        else if (fence.char === first && m - p >= fence.length) fence = null;
        previousBlank = false;
        i = nextLine(source, end);
        line++;
        continue;
      }
    }
    const base = items.length > 0 ? items[items.length - 1]! : 0;
    indentedCode = !blank && col - base >= 4 && (previousBlank || indentedCode);
    if (blank) htmlBlock = false;
    else if (!indentedCode && fence === null && first === 0x3c && startsHtmlBlock(source, p, end, previousBlank || markers > 0)) htmlBlock = true;
    previousBlank = blank;
    if (fence !== null || indentedCode || htmlBlock) {
      // Code: no inline content.
    } else if (blank) {
      runs = 0;
      lazy = 0;
      paragraphQuotes = -1;
      table = false;
    } else {
      // A new list item, a heading or a table row starts new inline content.
      if (markers > 0 || first === 0x23 || table) {
        runs = 0;
        lazy = 0;
        paragraphQuotes = quotes;
      } else if (paragraphQuotes >= 0 && quotes < paragraphQuotes) {
        lazy++;
        if (lazy > maxLazy) {
          throw new LimitError(
            'maxNesting',
            `a paragraph with more than ${fmt(maxLazy)} lazy continuation lines (lines without the ">" of the quote they continue), twice maxNesting (${fmt(limits.maxNesting)})`,
            line,
          );
        }
      }
      paragraphQuotes = Math.max(paragraphQuotes, quotes);
      if (!table && isTableDelimiterRow(source, p, end)) table = true;
      // Delimiter runs: maximal runs of one of * _ ~, each of which may open a level of emphasis.
      // An underscore inside a tag, an autolink, a link destination or a bare URL is not one
      // (`utm_source`, `for_the_badge`); asterisks and tildes count everywhere, so that no
      // malformed "tag" can hide the shapes the parser is slow on.
      let longest = 0;
      let plainFrom = p;
      for (let k = p; k < end; ) {
        const c = source.charCodeAt(k);
        if (k >= plainFrom) {
          const skipTo = urlOrTagEnd(source, k, end, gt, paren);
          if (skipTo > k) plainFrom = skipTo;
        }
        if (c === 0x5f && k < plainFrom) {
          k++;
          continue;
        }
        if (c === 0x2a || c === 0x5f || c === 0x7e) {
          let m = k + 1;
          while (m < end && source.charCodeAt(m) === c) m++;
          if (source.charCodeAt(k - 1) !== 0x5c) runs++;
          longest = Math.max(longest, m - k);
          k = m;
        } else k++;
      }
      if (runs > maxRuns || longest > maxRuns) {
        throw new LimitError(
          'maxNesting',
          `a paragraph with more than ${fmt(maxRuns)} emphasis delimiters (*, _ or ~), twice maxNesting (${fmt(limits.maxNesting)})`,
          line,
        );
      }
    }
    i = nextLine(source, end);
    line++;
  }
}

/** Tag names that start an HTML block even in the middle of a paragraph (CommonMark's sixth kind), as micromark has them. */
const BLOCK_TAGS = new Set(htmlBlockNames);
/** Tag names whose block runs to their closing tag (the first kind). */
const RAW_TAGS = new Set(htmlRawNames);

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Does the line at `p` (a `<`) start an HTML block, whose lines up to the next blank line are not
 * inline content? Comments, processing instructions, declarations and `script`, `pre`, `style`,
 * `textarea` always do, and so does a block-level tag; any other complete tag alone on its line
 * does only after a blank line or a list marker (`afterBreak`). A guess that errs towards "no":
 * then the delimiters are counted, and the limit is only stricter.
 */
function startsHtmlBlock(source: string, p: number, end: number, afterBreak: boolean): boolean {
  const next = source.charCodeAt(p + 1);
  if (next === 0x21 || next === 0x3f) return true; // <!-- …, <!DOCTYPE, <![CDATA[, <?
  let q = p + 1;
  if (next === 0x2f) q++;
  const nameStart = q;
  if (!isAsciiLetter(source.charCodeAt(q))) return false;
  while (q < end && (isAsciiLetter(source.charCodeAt(q)) || isDigit(source.charCodeAt(q)) || source.charCodeAt(q) === 0x2d)) q++;
  const name = source.slice(nameStart, q).toLowerCase();
  const after = source.charCodeAt(q);
  const edge = q >= end || after === SPACE || after === TAB || after === 0x3e || (after === 0x2f && source.charCodeAt(q + 1) === 0x3e);
  if (edge && (BLOCK_TAGS.has(name) || (nameStart === p + 1 && RAW_TAGS.has(name)))) return true;
  if (!afterBreak) return false;
  // A complete tag with nothing after it on the line.
  const close = source.indexOf('>', q);
  if (close < 0 || close >= end) return false;
  for (let k = close + 1; k < end; k++) {
    const c = source.charCodeAt(k);
    if (c !== SPACE && c !== TAB) return false;
  }
  // No "<" inside, and no "*" or "~": "<a *_*_…>" is no tag (its attributes are not attributes)
  // but a paragraph, whose delimiters must be counted.
  for (let k = q; k < close; k++) {
    const c = source.charCodeAt(k);
    if (c === 0x3c || c === 0x2a || c === 0x7e) return false;
  }
  return true;
}

/**
 * The next place of one character at or after a position, remembered. The positions asked for
 * never decrease (the scan goes forward), so a document with many `<` and no `>` is still read
 * once, not once per `<` (or per line).
 */
class NextChar {
  /** Where the last search found it: -2 before the first search, -1 when none is left. */
  private at = -2;

  constructor(
    private readonly source: string,
    private readonly ch: string,
  ) {}

  /** Just after the next occurrence at or after `from` and before `end`; `fallback` when there is none. */
  after(from: number, end: number, fallback: number): number {
    if (this.at === -2 || (this.at >= 0 && this.at < from)) this.at = this.source.indexOf(this.ch, from);
    return this.at >= 0 && this.at < end ? this.at + 1 : fallback;
  }
}

/**
 * Where a tag or autolink (`<a href=…>`, `<https://…>`), a link destination (`](…)`) or a bare URL
 * (`https://…`, `www.…` at a word start) that starts at `k` ends on its line; `k` when none does.
 */
function urlOrTagEnd(source: string, k: number, end: number, gt: NextChar, paren: NextChar): number {
  const c = source.charCodeAt(k);
  if (c === 0x3c) {
    const n = source.charCodeAt(k + 1);
    return isAsciiLetter(n) || n === 0x2f || n === 0x21 || n === 0x3f ? gt.after(k + 1, end, k) : k;
  }
  if (c === 0x5d) return source.charCodeAt(k + 1) === 0x28 ? paren.after(k + 2, end, k) : k;
  const before = k === 0 ? SPACE : source.charCodeAt(k - 1);
  const wordStart = before === SPACE || before === TAB || before === 0x28 || before === 0x3c || before === LF || before === CR;
  if (wordStart && (source.startsWith('http://', k) || source.startsWith('https://', k) || source.startsWith('www.', k))) {
    let e = k;
    while (e < end && source.charCodeAt(e) !== SPACE && source.charCodeAt(e) !== TAB && source.charCodeAt(e) !== 0x3c) e++;
    return e;
  }
  return k;
}

/** The start of the line after the line ending at `end` (CR, LF or CR LF). */
function nextLine(source: string, end: number): number {
  return source.charCodeAt(end) === CR && source.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
}

/** A GFM table delimiter row: `| --- | :-: |` (pipes, dashes, colons and spaces, with a dash and a pipe). */
function isTableDelimiterRow(source: string, start: number, end: number): boolean {
  let dash = false;
  let pipe = false;
  for (let k = start; k < end; k++) {
    const c = source.charCodeAt(k);
    if (c === 0x2d) dash = true;
    else if (c === 0x7c) pipe = true;
    else if (c !== 0x3a && c !== SPACE && c !== TAB) return false;
  }
  return dash && pipe;
}
