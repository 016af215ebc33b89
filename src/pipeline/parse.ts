/**
 * Markdown to mdast with remark-parse, in time and memory linear in the document's length.
 *
 * Three things keep a long document cheap:
 * - `micromark-fix.ts` replaces the one quadratic step micromark takes on every long document;
 * - `limits.ts` refuses, before parsing, the shapes on which micromark is still quadratic or the
 *   tree would nest too deep to walk;
 * - a document longer than `minPiece` is parsed in pieces, so the parser's working set (about a
 *   kilobyte of events per line) stays small, and the pieces' trees are joined.
 *
 * The joined tree is exactly the tree of the whole document:
 * - A piece ends only before a line that the parser itself shows starts a top-level ATX heading:
 *   each piece is parsed together with the line after it, and the cut is kept only when that
 *   line's tree is a heading at the top level starting at the line (nothing open around it, so
 *   every block before it ends before it). A heading is one line and closes every block, so the
 *   next piece starts in the same state as a fresh document. CommonMark decides a line's block
 *   structure from the lines before it only (setext underlines and table delimiter rows look one
 *   line back, never past a heading), so the piece's tree is the whole tree's for those lines.
 *   When the check fails (the line was inside fenced code, say), the piece grows to the next
 *   candidate, at least doubling, so a document with many false candidates still parses in
 *   linear time.
 * - A piece may also end before the next item of a top-level list (a list of 100,000 links has no
 *   heading to cut at): the parse of the piece with the line after it must show that line as the
 *   start of the last item of its last top-level list, whose earlier items it closes. The next
 *   piece then starts with a list of the items from there on; an item's blocks are decided inside
 *   it, so its items are the whole parse's. The two lists are joined, and the list is loose when
 *   either part is (a blank line between the parts made the first part loose, since it was parsed
 *   with the next part's first item).
 * - Link reference and footnote definitions apply to the whole document. After the first pass,
 *   a piece that still has bracket text and lacks definitions made elsewhere is parsed again with
 *   those definitions written before it (after it, for the first piece, whose start may be front
 *   matter), and the nodes they make are dropped again.
 * - Only `\n` and `\r\n` line ends are cut at; a document with a lone `\r` is parsed whole.
 *
 * `test/pipeline/parse.test.ts` and `npm run fuzz` compare the joined tree with the whole parse on
 * generated documents and on real ones.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import './micromark-fix.js';
import './table-fix.js';
import { skipIdleAutolinkTransform } from './autolink-transform.js';
import { checkLimits, DEFAULT_LIMITS, type Limits } from './limits.js';

/** CommonMark, GitHub's extensions (tables, autolink literals, strikethrough, footnotes…) and YAML or TOML front matter. */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Places where the literal-autolink transform was guarded (see autolink-transform.ts): 1. */
export const autolinkGuards = skipIdleAutolinkTransform(parser);

/** Pieces smaller than this are not worth cutting out. */
const MIN_PIECE = 16 * 1024;

/** The whole document in one go (what the pieces add up to). */
export function parseWhole(source: string): Root {
  return parser.parse(source);
}

export interface ParseOptions {
  /** Smallest piece to cut out (tests use 1 to cut at every candidate). */
  minPiece?: number;
  /** Limits checked before parsing; see limits.ts. */
  limits?: Readonly<Limits>;
}

interface Candidate {
  offset: number;
  line: number;
  /** Offset just past the candidate line and its line ending. */
  lineEnd: number;
  /** What the line may start: a top-level ATX heading, or the next item of a top-level list. */
  kind: 'heading' | 'item';
}

/**
 * Lines that may start a top-level ATX heading: a `#` in the first column followed by at most
 * five more, then a space, a tab or the line end. Only a guess; the parse checks each one. No
 * blank line is needed before it: a heading interrupts a paragraph (lists like public-apis put
 * each category's heading right under the "back to index" line of the one before).
 */
export function candidates(source: string): Candidate[] {
  const found: Candidate[] = [];
  if (/\r(?!\n)/u.test(source)) return found;
  let line = 1;
  let start = 0;
  // Front matter (--- or +++ on the first line) is never cut: a YAML comment looks like a heading.
  // When it does not close, no cut at all: the extension decides what the unclosed fence is.
  const opening = /^(---|\+\+\+)[ \t]*\r?(?:\n|$)/u.exec(source);
  if (opening) {
    const close = new RegExp(`\\n${opening[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*\\r?(?:\\n|$)`, 'u').exec(source.slice(opening[0].length - 1));
    if (!close) return found;
    const end = opening[0].length - 1 + close.index + close[0].length;
    line = source.slice(0, end).split('\n').length - (source[end - 1] === '\n' ? 0 : 1);
    start = end;
  }
  for (; start < source.length; line++) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    if (start > 0 && source.charCodeAt(start) === 0x23) {
      let k = start;
      while (k < end && source.charCodeAt(k) === 0x23) k++;
      const after = k < end ? source.charCodeAt(k) : -1;
      if (k - start <= 6 && (after === -1 || after === 0x20 || after === 0x09 || after === 0x0d)) {
        found.push({ offset: start, line, lineEnd: Math.min(end + 1, source.length), kind: 'heading' });
      }
    } else if (start > 0 && startsListItem(source, start, end)) {
      found.push({ offset: start, line, lineEnd: Math.min(end + 1, source.length), kind: 'item' });
    }
    start = end + 1;
  }
  return found;
}

/**
 * Whether the line [start, end) starts with a list item's marker in its first column (`-`, `*` or
 * `+`, or up to nine digits and `.` or `)`, then a space or a tab). Only a guess; the parse checks
 * each one.
 */
function startsListItem(source: string, start: number, end: number): boolean {
  let k = start;
  const c = source.charCodeAt(k);
  if (c === 0x2d || c === 0x2a || c === 0x2b) k++;
  else {
    while (k < end && k - start < 9 && source.charCodeAt(k) >= 0x30 && source.charCodeAt(k) <= 0x39) k++;
    if (k === start || (source.charCodeAt(k) !== 0x2e && source.charCodeAt(k) !== 0x29)) return false;
    k++;
  }
  const after = source.charCodeAt(k);
  return k < end && (after === 0x20 || after === 0x09);
}

interface Piece {
  offset: number;
  line: number;
  /** Where the piece ends: the start of the next piece's heading or list item, or the document's end. */
  end: number;
  /** Where its parse ends: past the next piece's first line, which closes every open block but the list it continues. */
  parseEnd: number;
  /** How the piece ends: before a heading, before the next item of its last list, or at the document's end. */
  cut: 'heading' | 'item' | null;
  tree: Root;
}

/**
 * Take off a parsed piece the first line of the next piece, when the parse shows it is what the
 * candidate guessed: a heading at the top level starting at that line, or the next item of the
 * piece's last top-level list (which the next piece then continues). False when it is not.
 */
function dropCutLine(tree: Root, at: number, kind: 'heading' | 'item'): boolean {
  const last = tree.children[tree.children.length - 1];
  if (kind === 'heading') {
    if (last?.type !== 'heading' || last.position?.start.offset !== at) return false;
    tree.children.pop();
    return true;
  }
  if (last?.type !== 'list' || last.children.length < 2 || last.children[last.children.length - 1]!.position?.start.offset !== at) return false;
  last.children.pop();
  const end = last.children[last.children.length - 1]!.position?.end;
  if (last.position && end) last.position.end = { ...end };
  return true;
}

/** Visit every node below `root` without recursion, in document order. */
function eachNode(root: Root, fn: (node: Nodes) => void): void {
  const stack: Nodes[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    fn(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

function shift(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  eachNode(tree, (node) => {
    const position = node.position;
    if (!position) return;
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  });
}

/** Cut at verified headings and parse each piece with the line after it. */
function firstPass(source: string, minPiece: number): Piece[] {
  const found = candidates(source);
  const pieces: Piece[] = [];
  let start = 0;
  let startLine = 1;
  let k = 0;
  for (;;) {
    let need = minPiece;
    let cut: Candidate | undefined;
    let tree: Root | undefined;
    for (;;) {
      while (k < found.length && found[k]!.offset - start < need) k++;
      cut = found[k];
      if (!cut) break;
      tree = parser.parse(source.slice(start, cut.lineEnd));
      if (dropCutLine(tree, cut.offset - start, cut.kind)) break;
      need = Math.max(2 * need, cut.offset - start + 1);
    }
    if (!cut) {
      const tree = parser.parse(source.slice(start));
      pieces.push({ offset: start, line: startLine, end: source.length, parseEnd: source.length, cut: null, tree });
      return pieces;
    }
    pieces.push({ offset: start, line: startLine, end: cut.offset, parseEnd: cut.lineEnd, cut: cut.kind, tree: tree! });
    start = cut.offset;
    startLine = cut.line;
    k++;
  }
}

/** Where the pieces of a document start (tests use it to see that cuts were made). */
export function pieceStarts(source: string, minPiece = MIN_PIECE): number[] {
  return firstPass(source, minPiece).map((p) => p.offset);
}

interface Definitions {
  /** Identifiers of link reference definitions, and their labels as written. */
  links: Map<string, string>;
  footnotes: Map<string, string>;
}

function definitionsOf(tree: Root): Definitions & { brackets: boolean } {
  const links = new Map<string, string>();
  const footnotes = new Map<string, string>();
  let brackets = false;
  eachNode(tree, (node) => {
    if (node.type === 'definition') {
      // What a later piece is given to define is the identifier itself, the label as the source
      // spells it, normalized: the tree's `label` has its character references decoded
      // ("RFC&nbsp;9111" reads "RFC 9111"), and written back it would name another label.
      if (!links.has(node.identifier)) links.set(node.identifier, node.identifier);
    } else if (node.type === 'footnoteDefinition') {
      if (!footnotes.has(node.identifier)) footnotes.set(node.identifier, node.identifier);
    } else if (node.type === 'text' && !brackets) {
      brackets = node.value.includes('[') || node.value.includes(']');
    }
  });
  return { links, footnotes, brackets };
}

/** Markdown that defines the given labels, one block, ending with a blank line. */
function definitionText(links: string[], footnotes: string[]): string {
  let text = '';
  for (const label of links) text += `[${label.replace(/[\r\n]+/gu, ' ')}]: #\n`;
  if (links.length > 0) text += '\n';
  for (const label of footnotes) text += `[^${label.replace(/[\r\n]+/gu, ' ')}]: x\n\n`;
  return text;
}

const lineCount = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Parse a piece again with the definitions made in other pieces: before it, or, for the first
 * piece (whose start may be front matter), after the heading that follows it. Returns null when the
 * added definitions did not come back as exactly the nodes expected (the caller then parses whole).
 */
function withDefinitions(source: string, piece: Piece, previous: Piece | undefined, links: string[], footnotes: string[]): Root | null {
  const first = previous === undefined;
  const text = source.slice(piece.offset, piece.parseEnd);
  // The last piece ends the document; any other was parsed with the heading after it (which may
  // itself end the document), to be dropped again.
  const last = piece.end === source.length;
  const added = definitionText(links, footnotes);
  const expected = links.length + footnotes.length;
  let tree: Root;
  if (first) {
    tree = parser.parse(`${text}${text.endsWith('\n') ? '' : '\n'}\n${added}`);
    const extra = tree.children.filter((c) => (c.position?.start.offset ?? 0) >= text.length);
    if (extra.length !== expected || !extra.every(isDefinition)) return null;
    tree.children.length -= extra.length;
  } else {
    const prefix = `${added}\n`;
    tree = parser.parse(prefix + text);
    const extra = tree.children.filter((c) => (c.position?.end.offset ?? 0) <= prefix.length);
    if (extra.length !== expected || !extra.every(isDefinition) || tree.children[expected]?.type !== (previous.cut === 'item' ? 'list' : 'heading')) return null;
    tree.children.splice(0, expected);
    shift(tree, -lineCount(prefix), -prefix.length);
  }
  if (!last && !dropCutLine(tree, piece.end - piece.offset, piece.cut!)) return null;
  return tree;
}

/** micromark's identifier for a label: white space collapsed, trimmed, case folded, lower case. */
export function identifierOf(label: string): string {
  return label
    .replace(/[\t\n\r ]+/gu, ' ')
    .replace(/^ | $/gu, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

/**
 * Identifiers of every innermost `[…]` in a text (footnote labels with their `^`): a superset of
 * the labels its references can use. A label that goes over lines is also read without the quote
 * markers and indentation that start its later lines, as the parser reads it inside containers.
 */
export function bracketed(text: string): Set<string> {
  const found = new Set<string>();
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) open = i;
    else if (c === 0x5d && open >= 0) {
      if (i - open <= 1000) {
        const inner = text.slice(open + 1, i);
        found.add(identifierOf(inner));
        if (inner.includes('\n')) found.add(identifierOf(inner.replace(/\n[ \t>]*/gu, '\n')));
      }
      open = -1;
    }
  }
  return found;
}

const isDefinition = (node: RootContent): boolean => node.type === 'definition' || node.type === 'footnoteDefinition';

/** Parse a document; long ones in pieces, with the same result as parsing it whole. */
export function parseMarkdown(source: string, options: ParseOptions | number = {}): Root {
  const { minPiece = MIN_PIECE, limits = DEFAULT_LIMITS } = typeof options === 'number' ? { minPiece: options } : options;
  checkLimits(source, limits);
  if (source.length < 2 * minPiece) return parser.parse(source);
  const pieces = firstPass(source, minPiece);
  if (pieces.length === 1) return pieces[0]!.tree;

  const defs = pieces.map((p) => definitionsOf(p.tree));
  const allLinks = new Map<string, string>();
  const allFootnotes = new Map<string, string>();
  for (const d of defs) {
    for (const [id, label] of d.links) if (!allLinks.has(id)) allLinks.set(id, label);
    for (const [id, label] of d.footnotes) if (!allFootnotes.has(id)) allFootnotes.set(id, label);
  }
  if (allLinks.size > 0 || allFootnotes.size > 0) {
    for (const [i, piece] of pieces.entries()) {
      const own = defs[i]!;
      if (!own.brackets) continue;
      const wanted = bracketed(source.slice(piece.offset, piece.end));
      const links: string[] = [];
      const footnotes: string[] = [];
      for (const id of wanted) {
        if (id.startsWith('^')) {
          const label = allFootnotes.get(id.slice(1));
          if (label !== undefined && !own.footnotes.has(id.slice(1))) footnotes.push(label);
        } else {
          const label = allLinks.get(id);
          if (label !== undefined && !own.links.has(id)) links.push(label);
        }
      }
      if (links.length === 0 && footnotes.length === 0) continue;
      const tree = withDefinitions(source, piece, pieces[i - 1], links, footnotes);
      if (!tree) return parser.parse(source);
      piece.tree = tree;
    }
  }

  const root: Root = { type: 'root', children: [] };
  for (const [i, piece] of pieces.entries()) {
    shift(piece.tree, piece.line - 1, piece.offset);
    let from = 0;
    if (pieces[i - 1]?.cut === 'item') {
      // The piece continues the list the piece before ended with: its items join that list, which
      // is loose if either part is. A blank line between the two parts made the first part loose:
      // it was parsed with the next part's first item, and only that item was taken off again.
      const list = root.children[root.children.length - 1];
      const rest = piece.tree.children[0];
      if (list?.type !== 'list' || rest?.type !== 'list' || rest.ordered !== list.ordered || rest.position?.start.offset !== piece.offset) return parser.parse(source);
      for (const item of rest.children) list.children.push(item);
      list.spread = Boolean(list.spread || rest.spread);
      if (list.position && rest.position) list.position.end = rest.position.end;
      from = 1;
    }
    for (let k = from; k < piece.tree.children.length; k++) root.children.push(piece.tree.children[k]!);
  }
  const lastLineStart = source.lastIndexOf('\n') + 1;
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: { line: lineCount(source) + 1, column: source.length - lastLineStart + 1, offset: source.length },
  };
  return root;
}
