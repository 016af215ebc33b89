import { defineRule } from '../lint/rule.js';
import { reportCheckedLinks } from './link-checks.js';

/** Network trouble, never a dead link: reported as a warning whatever the configured severity. */
export default defineRule({
  meta: {
    id: 'link-unreachable',
    type: 'problem',
    docs: { description: 'A link that could not be checked (timeout, refused or reset connection, TLS, 5xx after retries, 429 past its budget, a refused private address); never an error (with --links)', tags: ['links'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    warningMessages: ['network', 'status', 'refused'],
    messages: {
      network: '{{url}} could not be checked: {{detail}}',
      status: '{{url}} could not be checked: {{detail}}',
      refused: '{{url}} was not checked: {{detail}}',
    },
  },
  create(context) {
    reportCheckedLinks(context, 'link-unreachable');
  },
});
