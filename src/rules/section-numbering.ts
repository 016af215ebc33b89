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

export interface SectionNumberingOptions {
  /** The numbers a sequence may start at. */
  start: number | readonly number[];
}

/**
 * Numbered sections start at 0 or 1 (the `start` option), run without gaps, are unique, and share
 * one format ("1." or "1)").
 */
export default defineRule<SectionNumberingOptions>({
  meta: {
    id: 'section-numbering',
    type: 'suggestion',
    docs: { description: 'Numbered sections start at 0 or 1, run without gaps or repeats, and use one number format', tags: ['structure'] },
    defaultSeverity: 'error',
    fixable: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        start: {
          description: 'The number a sequence must start at, or a list of the numbers it may start at.',
          oneOf: [
            { type: 'integer', minimum: 0 },
            { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1, uniqueItems: true },
          ],
        },
      },
    },
    defaultOptions: { start: [0, 1] },
    messages: {
      repeated: 'Section number {{number}} is used twice ("{{title}}"; first at line {{firstLine}})',
      firstUse: 'section {{number}} first used here',
      badStart: 'Numbered sections should start at {{start}}, not {{number}} ("{{title}}")',
      gap: 'Section {{number}} ("{{title}}") follows section {{previous}}: expected {{expected}}',
      format: 'Section {{number}} is numbered "{{number}}{{format}}" but the first numbered section uses "{{firstNumber}}{{firstFormat}}"',
    },
  },
  create({ doc, options, report }) {
    const starts = typeof options.start === 'number' ? [options.start] : [...options.start].sort((a, b) => a - b);
    const startWords = starts.length === 1 ? String(starts[0]) : `${starts.slice(0, -1).join(', ')} or ${starts[starts.length - 1]}`;
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
      let expected: number | null = null;
      const firstFormat = sectionSources[indexes[0]!]!.numberFormat;
      const firstNumber = roadmap.sections[indexes[0]!]!.number!;
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
        } else if (expected === null ? !starts.includes(n) : n !== expected) {
          report({
            messageId: expected === null ? 'badStart' : 'gap',
            data: { number: n, title: s.title, start: startWords, previous: (expected ?? 1) - 1, expected: expected ?? startWords },
            node,
            key: `${n}:${s.title}`,
          });
        }
        if (earlier === undefined) seen.set(n, { line: s.line, heading: node });
        expected = Math.max(expected ?? 0, n + 1);
        const format = sectionSources[i]!.numberFormat;
        if (format !== firstFormat) {
          const fix = formatFix(doc, node, firstFormat!);
          report({
            messageId: 'format',
            data: { number: n, format: format ?? '', firstNumber, firstFormat: firstFormat ?? '' },
            node,
            key: `${n}:${s.title}`,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
});
