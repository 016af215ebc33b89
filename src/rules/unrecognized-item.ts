import { reportExtractionIssues } from './extraction-issues.js';
import { defineRule } from './rule.js';

/** A link in a list item whose shape the extractor cannot read as a resource: it would be lost from the data. */
export default defineRule({
  meta: {
    id: 'unrecognized-item',
    description: 'A list item with a link that is not read as a resource, so the data would lose it',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['structure'],
    defaultOptions: {},
  },
  check: reportExtractionIssues('unrecognized-item'),
});
