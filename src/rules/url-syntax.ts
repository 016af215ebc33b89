import { defineRule } from '../lint/rule.js';
import { parseUrl } from '../util/url.js';
import { linkTargets, schemeOf } from './link-targets.js';

/** A web link that no browser or program can open: it does not parse as a URL. */
export default defineRule({
  meta: {
    id: 'url-syntax',
    type: 'problem',
    docs: { description: 'Web links that do not parse as URLs', tags: ['links'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { invalid: '"{{url}}" is not a valid URL' },
  },
  create({ doc, report }) {
    for (const t of linkTargets(doc)) {
      const scheme = schemeOf(t.url);
      const web = scheme === 'http' || scheme === 'https' || (scheme === null && t.url.startsWith('//'));
      if (!web) continue;
      if (parseUrl(scheme === null ? `https:${t.url}` : t.url)) continue;
      report({ messageId: 'invalid', data: { url: t.url }, start: t.start, end: t.end, key: t.url });
    }
  },
});
