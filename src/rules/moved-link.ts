import { defineRule } from '../lint/rule.js';
import { reportCheckedLinks } from './link-checks.js';

/** A permanent redirect within the same site: the link should say where the page is now. */
export default defineRule({
  meta: {
    id: 'moved-link',
    type: 'suggestion',
    docs: { description: 'A link that permanently redirects (301/308) within its registrable domain; the fix writes the new address (with --links)', tags: ['links'] },
    defaultSeverity: 'warn',
    fixable: true,
    schema: null,
    defaultOptions: {},
    messages: {
      moved: '{{url}} has moved permanently to {{finalUrl}}',
    },
  },
  create(context) {
    reportCheckedLinks(context, 'moved-link');
  },
});
