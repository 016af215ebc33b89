import { defineRule } from './rule.js';

/** A link outside every resource list (in a paragraph, heading, table or quote): not part of the data. */
export default defineRule({
  meta: {
    id: 'stray-link',
    description: 'A link outside the resource lists, which the data does not include',
    defaultSeverity: 'warn',
    fixable: false,
    tags: ['structure'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    for (const issue of doc.extraction.issues) {
      if (issue.ruleId !== 'stray-link') continue;
      report({ message: issue.message, node: issue.node, fingerprint: issue.message });
    }
  },
});
