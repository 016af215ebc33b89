import { defineRule } from '../lint/rule.js';
import { reportExtractionIssues } from './extraction-issues.js';

/** A link in a list item whose shape the extractor cannot read as a resource: it would be lost from the data. */
export default defineRule({
  meta: {
    id: 'unrecognized-item',
    type: 'problem',
    docs: { description: 'A list item with a link that is not read as a resource, so the data would lose it', tags: ['structure'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      unrecognizedItem: 'Link "{{text}}" ({{url}}) is in a list item whose shape is not read as a resource: {{where}}',
    },
  },
  create: reportExtractionIssues('unrecognized-item'),
});
