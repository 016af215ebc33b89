import { defineRule } from '../lint/rule.js';
import { reportCheckedLinks } from './link-checks.js';

/** A link whose page is gone: 404, 410, or a host name that does not resolve. */
export default defineRule({
  meta: {
    id: 'dead-link',
    type: 'problem',
    docs: { description: 'A link whose page is gone: 404 or 410, or a host name that does not resolve (with --links)', tags: ['links'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      gone: '{{url}} answers {{status}}: the page is gone',
      goneAfterRedirect: '{{url}} redirects to {{finalUrl}}, which answers {{status}}: the page is gone',
      noSuchHost: '{{url}}: the host {{host}} does not resolve',
    },
  },
  create(context) {
    reportCheckedLinks(context, 'dead-link');
  },
});
