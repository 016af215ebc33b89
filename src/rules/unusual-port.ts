import { defineRule } from '../lint/rule.js';
import { parseUrl } from '../util/url.js';
import { isLoopbackHost, linkTargets, schemeOf } from '../pipeline/link-targets.js';

/** A web link on a port other than the default: rarely a public resource's address. */
export default defineRule({
  meta: {
    id: 'unusual-port',
    type: 'suggestion',
    docs: { description: 'Web links on a non-default port, rarely a public resource\'s real address', tags: ['links'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { port: 'URL "{{url}}" uses the non-default port {{port}}' },
  },
  create({ doc, report }) {
    for (const t of linkTargets(doc)) {
      const scheme = schemeOf(t.url);
      if (scheme !== 'http' && scheme !== 'https') continue;
      const u = parseUrl(t.url);
      if (!u || !u.port || isLoopbackHost(u.hostname)) continue;
      report({ messageId: 'port', data: { url: t.url, port: u.port }, start: t.start, end: t.end, key: t.url });
    }
  },
});
