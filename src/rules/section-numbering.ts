import type { Heading } from 'mdast';
import type { Fix } from '../lint/finding.js';
import type { ProcessedDocument } from '../pipeline/process.js';
import { defineRule } from './rule.js';

const ATX_NUMBER = /^(#{1,6}[ \t]+(?:[*_]{1,3})?)(\d{1,4})(\.|\)|[ \t]*[-–—:])/u;

/** Rewrite the separator after a heading's number to the document's first format ("2)" -> "2."). */
function formatFix(doc: ProcessedDocument, heading: Heading, format: string): Fix | undefined {
  const start = heading.position?.start.offset;
  if (start === undefined) return undefined;
  const m = ATX_NUMBER.exec(doc.source.slice(start, heading.position!.end.offset));
  if (!m) return undefined;
  const offset = start + m[1]!.length + m[2]!.length;
  const insert = format === '.' || format === ')' ? format : ` ${format}`;
  return {
    description: `Write the number as "${m[2]}${insert}"`,
    edits: [{ offset, deleteCount: m[3]!.length, insert }],
  };
}

/** Numbered sections start at 1, run without gaps, are unique, and share one format ("1." or "1)"). */
export default defineRule({
  meta: {
    id: 'section-numbering',
    description: 'Numbered sections start at 1, run without gaps or repeats, and use one number format',
    defaultSeverity: 'error',
    fixable: true,
    tags: ['structure'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    // Only the number format is fixed: renumbering would break links to the sections' anchors.
    const { roadmap, sectionSources } = doc.extraction;
    // Numbering is judged among sections of the same heading level.
    const byDepth = new Map<number, number[]>();
    roadmap.sections.forEach((s, i) => {
      if (s.number === null) return;
      const list = byDepth.get(s.depth) ?? [];
      list.push(i);
      byDepth.set(s.depth, list);
    });
    for (const indexes of byDepth.values()) {
      const seen = new Map<number, number>();
      let expected = 1;
      const firstFormat = sectionSources[indexes[0]!]!.numberFormat;
      for (const i of indexes) {
        const s = roadmap.sections[i]!;
        const node = sectionSources[i]!.heading;
        const n = s.number!;
        const earlier = seen.get(n);
        if (earlier !== undefined) {
          report({
            message: `Section number ${n} is used twice ("${s.title}"; first at line ${earlier})`,
            node,
            related: { message: `section ${n} first used here`, line: earlier, column: 1 },
            fingerprint: `repeat:${n}:${s.title}`,
          });
        } else if (n !== expected) {
          report({
            message:
              expected === 1
                ? `Numbered sections should start at 1, not ${n} ("${s.title}")`
                : `Section ${n} ("${s.title}") follows section ${expected - 1}: expected ${expected}`,
            node,
            fingerprint: `order:${n}:${s.title}`,
          });
        }
        if (earlier === undefined) seen.set(n, s.line);
        expected = Math.max(expected, n + 1);
        const format = sectionSources[i]!.numberFormat;
        if (format !== firstFormat) {
          const fix = formatFix(doc, node, firstFormat!);
          report({
            message: `Section ${n} is numbered "${n}${format}" but the first numbered section uses "1${firstFormat}"`,
            node,
            fingerprint: `format:${n}:${s.title}`,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
});
