import { defineRule } from '../lint/rule.js';
import { reportExtractionIssues } from './extraction-issues.js';

/** A link outside every resource list (in a paragraph, heading, table or quote): not part of the data. */
export default defineRule({
  meta: {
    id: 'stray-link',
    type: 'suggestion',
    docs: { description: 'A link outside the resource lists, which the data does not include', tags: ['structure'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      beforeFirstSection: 'Link "{{text}}" ({{url}}) is in a list before the first section heading, so it belongs to no section',
      outsideList: 'Link "{{text}}" ({{url}}) is outside any resource list: {{where}}',
    },
  },
  create: reportExtractionIssues('stray-link'),
});
