import { defineRule } from '../lint/rule.js';
import { reportCheckedLinks } from './link-checks.js';

/** Redirects that end on another site: an error for an official resource, a warning otherwise. */
export default defineRule({
  meta: {
    id: 'redirected-away',
    type: 'problem',
    docs: { description: 'A link whose redirects end on another registrable domain: an error for an official resource, a warning otherwise (with --links)', tags: ['links', 'security'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    warningMessages: ['away'],
    messages: {
      officialAway: 'The official resource {{url}} now redirects to another site: {{finalUrl}} ({{from}} → {{to}})',
      away: '{{url}} redirects to another site: {{finalUrl}} ({{from}} → {{to}})',
    },
  },
  create(context) {
    reportCheckedLinks(context, 'redirected-away');
  },
});
