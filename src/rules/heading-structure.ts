import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { defineRule } from './rule.js';

/** Exactly one H1, and no heading more than one level below the one before it. */
export default defineRule({
  meta: {
    id: 'heading-structure',
    description: 'Exactly one H1 title, and no skipped heading levels',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['structure'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    const headings: Heading[] = [];
    visit(doc.tree, 'heading', (h: Heading) => {
      headings.push(h);
    });
    const title = doc.extraction.titleNode;
    if (headings[0] !== title) {
      report({
        message: `The H1 title should be the first heading; "${toString(headings[0]!)}" comes before it`,
        node: headings[0]!,
        fingerprint: `first:${toString(headings[0]!)}`,
      });
    }
    const firstLine = title.position?.start.line ?? 1;
    let previous = 1;
    for (const h of headings) {
      const text = toString(h);
      if (h.depth === 1 && h !== title) {
        report({
          message: `Second H1 "${text}": a document has one title (first H1 at line ${firstLine})`,
          node: h,
          related: { message: 'the title', line: firstLine, column: 1 },
          fingerprint: `h1:${text}`,
        });
      } else if (h.depth > previous + 1 && h !== title) {
        report({
          message: `Heading level ${h.depth} "${text}" skips level ${previous + 1} (after a level ${previous} heading)`,
          node: h,
          fingerprint: `skip:${text}`,
        });
      }
      previous = h.depth;
    }
  },
});
