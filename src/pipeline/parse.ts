/**
 * Markdown to mdast with remark-parse, in linear time on long documents.
 *
 * micromark's time grows faster than its input on long documents (a 4 MB list takes ~22 s whole,
 * ~3 s in pieces). Top-level ATX headings that follow a blank line always start a new block, so a
 * document can be cut there, each piece parsed alone, and the trees joined with their positions
 * shifted: the result is the tree of the whole document. Cuts are never made inside fenced code or
 * an HTML block that can span blank lines, and a document with link reference definitions (which
 * apply across the whole document) is parsed in one go.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(remarkParse);

/** Pieces smaller than this are not worth cutting out. */
const MIN_PIECE = 16 * 1024;

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const HEADING = /^#{1,6}(?:[ \t\r]|$)/u;
const BLANK = /^[ \t\r]*$/u;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/u;
/** HTML blocks that may contain blank lines, and what ends each (CommonMark's kinds 1 to 5). */
const RAW_TAG = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/iu;
const HTML_BLOCKS: readonly [RegExp, string][] = [
  [/^ {0,3}<!--/u, '-->'],
  [/^ {0,3}<\?/u, '?>'],
  [/^ {0,3}<!\[CDATA\[/u, ']]>'],
  [/^ {0,3}<![A-Za-z]/u, '>'],
];

/** The text that ends an HTML block opened on this line, or null. */
function htmlBlockEnd(text: string): string | null {
  const raw = RAW_TAG.exec(text);
  if (raw) return `</${raw[1]!.toLowerCase()}>`;
  return HTML_BLOCKS.find(([open]) => open.test(text))?.[1] ?? null;
}

interface Piece {
  offset: number;
  line: number;
}

/** Where the document can be cut (pieces at least `minPiece` long), or null when it must be parsed whole. */
export function cutPoints(source: string, minPiece = MIN_PIECE): Piece[] | null {
  const cuts: Piece[] = [];
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: string | null = null;
  let previousBlank = true;
  let lastCut = 0;
  let line = 1;
  for (let start = 0; start < source.length; line++) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const text = source.slice(start, end);
    if (fence) {
      const m = FENCE.exec(text);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && BLANK.test(text.slice(m[0].length))) fence = null;
    } else if (htmlEnd) {
      if (text.toLowerCase().includes(htmlEnd)) htmlEnd = null;
    } else {
      const f = FENCE.exec(text);
      if (f) fence = { char: f[1]![0]!, length: f[1]!.length };
      else if (DEFINITION.test(text)) return null;
      else {
        const html = htmlBlockEnd(text);
        if (html && !text.toLowerCase().includes(html, text.indexOf('<') + 2)) htmlEnd = html;
        else if (previousBlank && HEADING.test(text) && start - lastCut >= minPiece) {
          cuts.push({ offset: start, line });
          lastCut = start;
        }
      }
    }
    previousBlank = BLANK.test(text);
    start = end + 1;
  }
  return cuts;
}

export function parseMarkdown(source: string, minPiece = MIN_PIECE): Root {
  const cuts = cutPoints(source, minPiece);
  if (!cuts || cuts.length === 0) return parser.parse(source);
  const starts: Piece[] = [{ offset: 0, line: 1 }, ...cuts];
  const root: Root = { type: 'root', children: [] };
  starts.forEach((piece, i) => {
    const end = starts[i + 1]?.offset ?? source.length;
    const tree = parser.parse(source.slice(piece.offset, end));
    visit(tree, (node) => {
      if (node === tree || !node.position) return;
      const { start: s, end: e } = node.position;
      s.line += piece.line - 1;
      e.line += piece.line - 1;
      if (s.offset !== undefined) s.offset += piece.offset;
      if (e.offset !== undefined) e.offset += piece.offset;
    });
    root.children.push(...tree.children);
  });
  const lines = source.split('\n');
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: source.length },
  };
  return root;
}
