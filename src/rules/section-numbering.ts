import { defineRule } from './rule.js';

/** Numbered sections start at 1, run without gaps, are unique, and share one format ("1." or "1)"). */
export default defineRule({
  meta: {
    id: 'section-numbering',
    description: 'Numbered sections start at 1, run without gaps or repeats, and use one number format',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['structure'],
    defaultOptions: {},
  },
  check({ doc, report }) {
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
          report({
            message: `Section ${n} is numbered "${n}${format}" but the first numbered section uses "1${firstFormat}"`,
            node,
            fingerprint: `format:${n}:${s.title}`,
          });
        }
      }
    }
  },
});
