import { defineRule } from '../lint/rule.js';
import { parseUrl } from '../util/url.js';
import { linkTargets, schemeOf } from '../pipeline/link-targets.js';

const shorten = (url: string): string => (url.length > 80 ? `${url.slice(0, 77)}…` : url);

/**
 * Links that can run code or reach where a reader did not mean to go: any scheme but http, https
 * and mailto (javascript:, data:, vbscript:, file:, ms-msdt:, …), anywhere in the document, and
 * URLs that hide their real host behind credentials. The outputs never carry what it reports as
 * unsafe, whatever its setting (the model and the cleaned Markdown neutralise such links to "#").
 */
export default defineRule({
  meta: {
    id: 'unsafe-url',
    type: 'problem',
    docs: {
      description: 'Links with a scheme other than http, https or mailto, or with credentials hiding the real host',
      tags: ['links', 'security'],
    },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      scheme: 'Unsafe {{scheme}}: {{kind}} "{{url}}": only http, https, mailto, relative and # links are safe for readers and for programs that use this data',
      credentials: 'URL "{{url}}" carries credentials before "@": the real host is {{host}}',
    },
  },
  create({ doc, report }) {
    // The safety stage already neutralised these in the tree; it kept what they were.
    for (const n of doc.neutralised) {
      const scheme = schemeOf(n.url) ?? '';
      report({ messageId: 'scheme', data: { scheme, kind: n.kind, url: shorten(n.url) }, start: n.start, end: n.end, key: n.url });
    }
    for (const t of linkTargets(doc)) {
      const scheme = schemeOf(t.url);
      if (scheme === 'http' || scheme === 'https') {
        const u = parseUrl(t.url);
        if (u && (u.username || u.password)) {
          report({ messageId: 'credentials', data: { url: shorten(t.url), host: u.hostname }, start: t.start, end: t.end, key: t.url });
        }
      }
    }
  },
});
