import type { Heading } from 'mdast';
import type { Fix } from '../lint/finding.js';
import { defineRule } from '../lint/rule.js';
import type { ProcessedDocument } from '../pipeline/process.js';

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
    type: 'suggestion',
    docs: { description: 'Numbered sections start at 1, run without gaps or repeats, and use one number format', tags: ['structure'] },
    defaultSeverity: 'error',
    fixable: true,
    schema: null,
    defaultOptions: {},
    messages: {
      repeated: 'Section number {{number}} is used twice ("{{title}}"; first at line {{firstLine}})',
      firstUse: 'section {{number}} first used here',
      badStart: 'Numbered sections should start at 1, not {{number}} ("{{title}}")',
      gap: 'Section {{number}} ("{{title}}") follows section {{previous}}: expected {{expected}}',
      format: 'Section {{number}} is numbered "{{number}}{{format}}" but the first numbered section uses "1{{firstFormat}}"',
    },
  },
  create({ doc, report }) {
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
      const seen = new Map<number, { line: number; heading: Heading }>();
      let expected = 1;
      const firstFormat = sectionSources[indexes[0]!]!.numberFormat;
      for (const i of indexes) {
        const s = roadmap.sections[i]!;
        const node = sectionSources[i]!.heading;
        const n = s.number!;
        const earlier = seen.get(n);
        if (earlier !== undefined) {
          report({
            messageId: 'repeated',
            data: { number: n, title: s.title, firstLine: earlier.line },
            node,
            related: { messageId: 'firstUse', data: { number: n }, node: earlier.heading },
            key: `${n}:${s.title}`,
          });
        } else if (n !== expected) {
          report({
            messageId: expected === 1 ? 'badStart' : 'gap',
            data: { number: n, title: s.title, previous: expected - 1, expected },
            node,
            key: `${n}:${s.title}`,
          });
        }
        if (earlier === undefined) seen.set(n, { line: s.line, heading: node });
        expected = Math.max(expected, n + 1);
        const format = sectionSources[i]!.numberFormat;
        if (format !== firstFormat) {
          const fix = formatFix(doc, node, firstFormat!);
          report({
            messageId: 'format',
            data: { number: n, format: format ?? '', firstFormat: firstFormat ?? '' },
            node,
            key: `${n}:${s.title}`,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
});
