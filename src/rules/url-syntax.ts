import { defineRule } from '../lint/rule.js';
import { parseUrl, schemeTypo } from '../util/url.js';
import { linkTargets, schemeOf } from '../pipeline/link-targets.js';

/**
 * A web link that no browser or program can open: it does not parse as a URL, or its scheme is
 * misspelt ("ttps://", "htps://", "http//"), which makes it a relative link to nowhere.
 */
export default defineRule({
  meta: {
    id: 'url-syntax',
    type: 'problem',
    docs: { description: 'Web links that do not parse as URLs, or whose scheme is misspelt', tags: ['links'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      invalid: '"{{url}}" is not a valid URL',
      schemeTypo: '"{{url}}" starts with a misspelt scheme: write {{meant}}',
    },
  },
  create({ doc, report }) {
    for (const t of linkTargets(doc)) {
      const meant = schemeTypo(t.url);
      if (meant !== null) {
        report({ messageId: 'schemeTypo', data: { url: t.url, meant }, start: t.start, end: t.end, key: t.url });
        continue;
      }
      const scheme = schemeOf(t.url);
      const web = scheme === 'http' || scheme === 'https' || (scheme === null && t.url.startsWith('//'));
      if (!web) continue;
      if (parseUrl(scheme === null ? `https:${t.url}` : t.url)) continue;
      report({ messageId: 'invalid', data: { url: t.url }, start: t.start, end: t.end, key: t.url });
    }
  },
});
