/**
 * dist/<name>.md: the cleaned document. It differs from the source only where cleaning changed
 * something: everything else is kept as the source's own bytes (its emphasis markers, escapes, line
 * ends and spacing), and only the changed pieces are serialised by remark-stringify and spliced in
 * at their exact source spans. Parsing the result again gives the same model.
 *
 * Changed pieces are the mojibake repairs (the text a repair puts in, escaped for Markdown by
 * remark-stringify), and any further edits the caller gives (unsafe links turned into text).
 */
import type { PhrasingContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ProcessedDocument } from '../pipeline/process.js';

/** A replacement of the source span [start, end) with Markdown text. */
export interface MarkdownEdit {
  start: number;
  end: number;
  text: string;
}

let processor: ReturnType<typeof createProcessor> | null = null;
const createProcessor = () => unified().use(remarkStringify);

/**
 * Phrasing content as Markdown, for a place inside a line of a paragraph: remark-stringify writes
 * it, with whatever escapes its text needs there, between two letters so nothing at the edges is
 * mistaken for the start or end of a line.
 */
export function serializeInline(nodes: PhrasingContent[]): string {
  processor ??= createProcessor();
  const out = processor.stringify({
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }, ...nodes, { type: 'text', value: 'a' }] }],
  });
  let end = out.length;
  while (end > 0 && out[end - 1] === '\n') end--;
  return out.slice(1, end - 1);
}

/** Plain text as Markdown for a place inside a line. */
export function serializeText(value: string): string {
  return serializeInline([{ type: 'text', value }]);
}

/** The source with the edits applied; edits that overlap an earlier one are left out. */
export function applyMarkdownEdits(source: string, edits: readonly MarkdownEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

export interface RepairSpan {
  start: number;
  end: number;
  replacement: string;
}

/** The cleaned document: the source with its repairs (and the given edits) applied. */
export function emitMarkdown(source: string, repairs: readonly RepairSpan[], edits: readonly MarkdownEdit[] = []): string {
  const all: MarkdownEdit[] = [...edits];
  for (const r of repairs) {
    if (edits.some((e) => e.start <= r.start && r.end <= e.end)) continue;
    all.push({ start: r.start, end: r.end, text: serializeText(r.replacement) });
  }
  return applyMarkdownEdits(source, all);
}

/** The cleaned Markdown of a processed document: repairs applied, unsafe link targets neutralised. */
export function cleanedMarkdown(doc: ProcessedDocument): string {
  return emitMarkdown(doc.source, doc.repairs, doc.safetyEdits);
}
