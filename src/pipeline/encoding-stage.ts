/**
 * The encoding stage: find mojibake in the document's prose (text in paragraphs, headings, list
 * items, link text and image descriptions) and in the targets of its links, images and definitions
 * that hold characters beyond ASCII (a document mis-read as a whole mis-reads "#архитектура" and
 * "/wiki/Си" too); never in code or HTML. It repairs the tree in place, and returns each repair
 * with its exact span in the source.
 *
 * The whole document is evidence: repairs that are certain on their own tell which code page the
 * document was mis-read as, and ambiguous fragments elsewhere are weighed against that.
 */
import type { Definition, Image, Link, Root, Text } from 'mdast';
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

/** Characters beyond ASCII: only such a link target can hold mojibake. */
const BEYOND_ASCII = /[^\x00-\x7f]/u;

/**
 * A link's, image's or definition's target as a target for repair, when it holds characters
 * beyond ASCII and stands in the source as the tree holds it (no escapes or entities in it). It
 * is looked for after the link text (the image description, the definition's label), so that a
 * text that repeats it is not taken for it; an autolink, whose target is its text, is left to its
 * text node and follows it (see repairTree).
 */
function targetOf(node: Link | Image | Definition, source: string): Target | null {
  if (!BEYOND_ASCII.test(node.url)) return null;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  let from: number;
  if (node.type === 'definition') from = source.indexOf(']:', start);
  else if (node.type === 'image') from = source.indexOf('](', start + 2 + node.alt!.length);
  else {
    const last = node.children.at(-1)?.position?.end.offset;
    from = source.indexOf('](', last ?? start + 1);
  }
  if (from < 0 || from >= end) return null;
  const at = source.indexOf(node.url, from);
  if (at < 0 || at + node.url.length > end) return null;
  return {
    offset: at,
    slice: node.url,
    value: node.url,
    apply: (fixed) => {
      node.url = fixed;
    },
  };
}

function targets(tree: Root, source: string): Target[] {
  const found: Target[] = [];
  walkTree(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const target = targetOf(node, source);
      if (target) found.push(target);
    }
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

/** `text` without the spaces and tabs at one end (a loop: /[ \t]+$/ backtracks quadratically on long runs). */
function trimSpaces(text: string, side: 'start' | 'end'): string {
  const blank = (i: number) => text[i] === ' ' || text[i] === '\t';
  if (side === 'start') {
    let i = 0;
    while (i < text.length && blank(i)) i++;
    return text.slice(i);
  }
  let j = text.length;
  while (j > 0 && blank(j - 1)) j--;
  return text.slice(0, j);
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
 * Apply to a node's value the repairs made to its source slice. Each repair is looked for in the
 * value as the same occurrence it is in the slice: whole first (its context makes it unique), then
 * reduced to what it changes (the text both sides share at its ends dropped: "Ã© " → "é " is
 * "Ã©" → "é"), then without the spaces the parser drops at the ends of lines ("Â " may be "Â" at
 * a line end in the value). Null when one cannot be placed.
 */
export function carryOver(slice: string, value: string, repairs: readonly Repair[]): string | null {
  let out = '';
  let cursor = 0;
  for (const r of repairs) {
    const whole = slice.slice(r.start, r.end);
    let prefix = 0;
    while (prefix < whole.length && prefix < r.replacement.length && whole[prefix] === r.replacement[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < whole.length - prefix &&
      suffix < r.replacement.length - prefix &&
      whole[whole.length - 1 - suffix] === r.replacement[r.replacement.length - 1 - suffix]
    ) {
      suffix++;
    }
    const reduced = whole.slice(prefix, whole.length - suffix);
    const reducedReplacement = r.replacement.slice(prefix, r.replacement.length - suffix);
    if (reduced === '') continue;
    const candidates: { needle: string; replacement: string; start: number }[] = [
      { needle: whole, replacement: r.replacement, start: r.start },
      { needle: reduced, replacement: reducedReplacement, start: r.start + prefix },
    ];
    for (const trimmed of [trimSpaces(reduced, 'end'), trimSpaces(reduced, 'start')]) {
      if (trimmed !== '' && trimmed !== reduced) candidates.push({ needle: trimmed, replacement: reducedReplacement, start: r.start + prefix + reduced.indexOf(trimmed) });
    }
    let placed = false;
    for (const c of candidates) {
      const at = nthOccurrence(value, c.needle, occurrencesBefore(slice, c.needle, c.start));
      if (at < cursor) continue;
      out += value.slice(cursor, at) + c.replacement;
      cursor = at + c.needle.length;
      placed = true;
      break;
    }
    if (!placed) return null;
  }
  return out + value.slice(cursor);
}

/** Repair the tree's prose in place; returns the repairs in source order. */
export function repairTree(tree: Root, source: string, index: SourceIndex): SourceRepair[] {
  // Autolinks (<https://…>, www.…, addresses) show their target as their text: the target
  // follows the text's repair.
  const autolinks: { link: Link; text: Text; before: string }[] = [];
  walkTree(tree, (node) => {
    if (node.type !== 'link' || node.children.length !== 1 || node.children[0]!.type !== 'text') return;
    const text = node.children[0] as Text;
    if (BEYOND_ASCII.test(text.value) && node.url.endsWith(text.value)) autolinks.push({ link: node, text, before: text.value });
  });
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
  for (const { link, text, before } of autolinks) {
    if (text.value !== before && link.url.endsWith(before)) link.url = link.url.slice(0, link.url.length - before.length) + text.value;
  }
  return repairs.sort((a, b) => a.start - b.start);
}
