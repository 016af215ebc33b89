/**
 * The encoding stage: find mojibake in the document's prose (text in paragraphs, headings, list
 * items, link text and image descriptions; never code, HTML or URLs), repair the tree's text in
 * place, and return each repair with its exact span in the source.
 *
 * The whole document is evidence: repairs that are certain on their own tell which code page the
 * document was mis-read as, and ambiguous fragments elsewhere are weighed against that.
 */
import type { Image, Root, Text } from 'mdast';
import { gatherEvidence, repairText, type Repair } from '../encoding/index.js';
import { walkTree } from '../model/walk.js';
import type { SourceIndex, Point } from '../util/source.js';

export interface SourceRepair extends Repair {
  /** Start of the repaired span in the source. */
  startPoint: Point;
  endPoint: Point;
}

interface Target {
  /** Offset in the source where `slice` starts. */
  offset: number;
  /** The source text of the node's prose. */
  slice: string;
  /** The text the tree holds (escapes and entities decoded, indentation dropped). */
  value: string;
  apply: (text: string) => void;
}

function targets(tree: Root, source: string): Target[] {
  const found: Target[] = [];
  walkTree(tree, (node) => {
    if (node.type === 'text') {
      const text = node as Text;
      const start = text.position?.start.offset;
      const end = text.position?.end.offset;
      if (start === undefined || end === undefined) return;
      found.push({
        offset: start,
        slice: source.slice(start, end),
        value: text.value,
        apply: (fixed) => {
          text.value = fixed;
        },
      });
    } else if (node.type === 'image') {
      const image = node as Image;
      const start = image.position?.start.offset;
      if (start === undefined || !image.alt) return;
      // The description sits right after "![" in the source.
      if (source.startsWith(image.alt, start + 2)) {
        found.push({
          offset: start + 2,
          slice: image.alt,
          value: image.alt,
          apply: (fixed) => {
            image.alt = fixed;
          },
        });
      }
    }
  });
  return found;
}

/** How many times `needle` occurs in `text` before `end` (non-overlapping, from the start). */
function occurrencesBefore(text: string, needle: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && i < end; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The `k`th (from 0) non-overlapping occurrence of `needle` in `text`, or -1. */
function nthOccurrence(text: string, needle: string, k: number): number {
  let i = text.indexOf(needle);
  for (let seen = 0; i >= 0 && seen < k; seen++) i = text.indexOf(needle, i + needle.length);
  return i;
}

/**
 * Apply to a node's value the repairs made to its source slice. Each repair is reduced to what it
 * changes (the text both sides share at its ends dropped: "Ã© " → "é " is "Ã©" → "é"), and found
 * in the value as the same occurrence it is in the slice. Null when one cannot be placed.
 */
export function carryOver(slice: string, value: string, repairs: readonly Repair[]): string | null {
  let out = '';
  let cursor = 0;
  for (const r of repairs) {
    let original = slice.slice(r.start, r.end);
    let replacement = r.replacement;
    let start = r.start;
    let prefix = 0;
    while (prefix < original.length && prefix < replacement.length && original[prefix] === replacement[prefix]) prefix++;
    original = original.slice(prefix);
    replacement = replacement.slice(prefix);
    start += prefix;
    let suffix = 0;
    while (suffix < original.length && suffix < replacement.length && original[original.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]) suffix++;
    original = original.slice(0, original.length - suffix);
    replacement = replacement.slice(0, replacement.length - suffix);
    if (original === '') continue;
    // The parser drops spaces and tabs at the ends of lines: "Â " (a no-break space whose second
    // byte became a space) may be "Â" at the end of a line in the value.
    let at = -1;
    let found = original;
    for (const needle of new Set([original, original.replace(/[ \t]+$/u, ''), original.replace(/^[ \t]+/u, '')])) {
      if (needle === '') continue;
      at = nthOccurrence(value, needle, occurrencesBefore(slice, needle, start + original.indexOf(needle)));
      if (at >= cursor) {
        found = needle;
        break;
      }
    }
    if (at < cursor) return null;
    out += value.slice(cursor, at) + replacement;
    cursor = at + found.length;
  }
  return out + value.slice(cursor);
}

/** Repair the tree's prose in place; returns the repairs in source order. */
export function repairTree(tree: Root, source: string, index: SourceIndex): SourceRepair[] {
  const all = targets(tree, source);
  const evidence = gatherEvidence(all.map((t) => t.slice));
  const repairs: SourceRepair[] = [];
  for (const t of all) {
    const result = repairText(t.slice, { evidence });
    if (result.repairs.length === 0) continue;
    // Usually the tree holds the source text itself. When it does not (escapes, entities,
    // indentation, trailing spaces dropped), the same repairs are carried over to it, so the model
    // says what the cleaned Markdown says; judging the value again could decide otherwise.
    t.apply(t.value === t.slice ? result.text : (carryOver(t.slice, t.value, result.repairs) ?? repairText(t.value, { evidence }).text));
    for (const r of result.repairs) {
      const start = t.offset + r.start;
      const end = t.offset + r.end;
      repairs.push({ ...r, start, end, startPoint: index.pointAt(start), endPoint: index.pointAt(end) });
    }
  }
  return repairs.sort((a, b) => a.start - b.start);
}
