import { reportExtractionIssues } from './extraction-issues.js';
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
  check: reportExtractionIssues('stray-link'),
});
