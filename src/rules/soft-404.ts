import { defineRule } from '../lint/rule.js';
import { reportCheckedLinks } from './link-checks.js';

/** A deep page redirected to the home page or to a "not found" address. */
export default defineRule({
  meta: {
    id: 'soft-404',
    type: 'problem',
    docs: { description: 'A deep link redirected to its site\'s home page or to a "not found" address (with --links)', tags: ['links'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      home: "{{url}} redirects to the site's home page ({{finalUrl}}): the page is probably gone",
      notFound: '{{url}} redirects to {{finalUrl}}, which reads as a "not found" page',
    },
  },
  create(context) {
    reportCheckedLinks(context, 'soft-404');
  },
});
