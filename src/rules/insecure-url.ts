import { defineRule } from '../lint/rule.js';
import { parseUrl } from '../util/url.js';
import { isLoopbackHost, linkTargets, schemeOf } from '../pipeline/link-targets.js';

/** Plain http: links, which anyone on the way can read and rewrite. */
export default defineRule({
  meta: {
    id: 'insecure-url',
    type: 'suggestion',
    docs: { description: 'Plain http: links where https: would keep readers safe on the way', tags: ['links', 'security'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { http: 'Insecure http: link "{{url}}"; use https: where the site supports it' },
  },
  create({ doc, report }) {
    for (const t of linkTargets(doc)) {
      if (schemeOf(t.url) !== 'http') continue;
      const host = parseUrl(t.url)?.hostname;
      if (host === undefined || isLoopbackHost(host)) continue;
      report({ messageId: 'http', data: { url: t.url }, start: t.start, end: t.end, key: t.url });
    }
  },
});
