import { defineRule } from '../lint/rule.js';
import { hostnameOf, parseUrl } from '../util/url.js';
import { isLoopbackHost, linkTargets, schemeOf, type LinkTarget } from '../pipeline/link-targets.js';

interface Options {
  /** Report every http: link, also where nothing in the document shows the site serves https:. */
  all: boolean;
}

/** A host as the evidence compares it: "www." and the bare name are one site. */
const siteOf = (host: string): string => (host.startsWith('www.') ? host.slice(4) : host);

/**
 * Plain http: links, which anyone on the way can read and rewrite, to a site the document itself
 * links with https: elsewhere (so the site serves it, and the link can change). With `all`, every
 * http: link, for an audit.
 */
export default defineRule<Options>({
  meta: {
    id: 'insecure-url',
    type: 'suggestion',
    docs: { description: 'Plain http: links to sites the document links with https: elsewhere', tags: ['links', 'security'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        all: { type: 'boolean', description: 'Report every http: link, also to sites the document never links with https:.' },
      },
    },
    defaultOptions: { all: false },
    messages: {
      http: 'Insecure http: link "{{url}}"; the document links {{host}} with https: at line {{line}}',
      httpUnproven: 'Insecure http: link "{{url}}"; use https: where the site supports it',
      linkedWithHttps: 'linked with https: here',
    },
  },
  create({ doc, options, report }) {
    const insecure: { target: LinkTarget; host: string; movable: boolean }[] = [];
    /** The first https: link on the default port to each site, and the host it names. */
    const secure = new Map<string, { target: LinkTarget; host: string }>();
    for (const t of linkTargets(doc)) {
      const scheme = schemeOf(t.url);
      if (scheme !== 'http' && scheme !== 'https') continue;
      const url = parseUrl(t.url);
      if (!url?.hostname) continue;
      const host = hostnameOf(url);
      if (scheme === 'https') {
        // Another port is another server: no evidence for the default one.
        if (url.port === '' && !secure.has(siteOf(host))) secure.set(siteOf(host), { target: t, host });
      } else if (!isLoopbackHost(host)) {
        // An http: link on a port of its own cannot simply move to https:.
        insecure.push({ target: t, host, movable: url.port === '' });
      }
    }
    for (const { target: t, host, movable } of insecure) {
      const evidence = movable ? secure.get(siteOf(host)) : undefined;
      if (evidence) {
        report({
          messageId: 'http',
          data: { url: t.url, host: evidence.host, line: doc.index.pointAt(evidence.target.start).line },
          start: t.start,
          end: t.end,
          related: { messageId: 'linkedWithHttps', offset: evidence.target.start },
          key: t.url,
        });
      } else if (options.all) {
        report({ messageId: 'httpUnproven', data: { url: t.url }, start: t.start, end: t.end, key: t.url });
      }
    }
  },
});
