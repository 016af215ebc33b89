/**
 * The encoding stage: find mojibake in the document's prose (text in paragraphs, headings, list
 * items, link text and image descriptions; never code, HTML or URLs), repair the tree's text in
 * place, and return each repair with its exact span in the source.
 *
 * The whole document is evidence: repairs that are certain on their own tell which code page the
 * document was mis-read as, and ambiguous fragments elsewhere are weighed against that.
 */
import type { Image, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { gatherEvidence, repairText, type Repair } from '../encoding/index.js';
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
  visit(tree, (node) => {
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

/** Repair the tree's prose in place; returns the repairs in source order. */
export function repairTree(tree: Root, source: string, index: SourceIndex): SourceRepair[] {
  const all = targets(tree, source);
  const evidence = gatherEvidence(all.map((t) => t.slice));
  const repairs: SourceRepair[] = [];
  for (const t of all) {
    const result = repairText(t.slice, { evidence });
    if (result.repairs.length === 0) continue;
    // Usually the tree holds the source text itself; only escapes or indentation need a second pass.
    t.apply(t.value === t.slice ? result.text : repairText(t.value, { evidence }).text);
    for (const r of result.repairs) {
      const start = t.offset + r.start;
      const end = t.offset + r.end;
      repairs.push({ ...r, start, end, startPoint: index.pointAt(start), endPoint: index.pointAt(end) });
    }
  }
  return repairs.sort((a, b) => a.start - b.start);
}
