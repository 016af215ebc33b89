import { defineRule } from '../lint/rule.js';
import { parseUrl, schemeTypo } from '../util/url.js';
import { linkTargets, schemeOf } from './link-targets.js';

export interface UnsafeUrlOptions {
  /** Further schemes to accept (such as "ftp" or "irc"); the script and local-file schemes never are. */
  allowSchemes: readonly string[];
}

const SAFE = new Set(['http', 'https', 'mailto']);

const shorten = (url: string): string => (url.length > 80 ? `${url.slice(0, 77)}…` : url);

/**
 * Links that can run code or reach where a reader did not mean to go: any scheme but http, https
 * and mailto (javascript:, data:, vbscript:, file:, ms-msdt:, …), anywhere in the document, and
 * URLs that hide their real host behind credentials.
 */
export default defineRule<UnsafeUrlOptions>({
  meta: {
    id: 'unsafe-url',
    type: 'problem',
    docs: {
      description: 'Links with a scheme other than http, https or mailto, or with credentials hiding the real host',
      tags: ['links', 'security'],
    },
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowSchemes: {
          description: 'Further schemes to accept, lower-case without the colon (e.g. "ftp"). Script and local-file schemes are never accepted.',
          type: 'array',
          items: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*$', not: { enum: ['javascript', 'vbscript', 'data', 'file', 'blob'] } },
        },
      },
    },
    defaultOptions: { allowSchemes: [] },
    messages: {
      scheme: 'Unsafe {{scheme}}: {{kind}} "{{url}}": only http, https, mailto, relative and # links are safe for readers and for programs that use this data',
      credentials: 'URL "{{url}}" carries credentials before "@": the real host is {{host}}',
    },
  },
  create({ doc, options, report }) {
    for (const t of linkTargets(doc)) {
      const scheme = schemeOf(t.url);
      // A misspelt web scheme ("ttps:") is url-syntax's finding, not a dangerous one.
      if (scheme === null || schemeTypo(t.url) !== null) continue;
      if (!SAFE.has(scheme) && !options.allowSchemes.includes(scheme)) {
        report({ messageId: 'scheme', data: { scheme, kind: t.kind, url: shorten(t.url) }, start: t.start, end: t.end, key: t.url });
        continue;
      }
      if (scheme === 'http' || scheme === 'https') {
        const u = parseUrl(t.url);
        if (u && (u.username || u.password)) {
          report({ messageId: 'credentials', data: { url: shorten(t.url), host: u.hostname }, start: t.start, end: t.end, key: t.url });
        }
      }
    }
  },
});
