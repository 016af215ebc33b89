import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { parseUrl } from '../policy/url.js';
import { defineRule } from './rule.js';

const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:']);

const bare = (url: string): string => url.replace(/^[a-z]+:\/\//iu, '').replace(/\/$/u, '').toLowerCase();

/**
 * Links every consumer can follow safely: a valid absolute URL, never a script or local-file scheme,
 * https rather than http, a real link text, and in-page anchors that exist.
 */
export default defineRule({
  meta: {
    id: 'link-url',
    description: 'Invalid, unsafe or insecure link URLs, empty link texts, and anchors with no heading',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['links'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    for (const [resource, node] of resourceNodes) {
      const url = resource.url;
      const u = parseUrl(url);
      const fp = (what: string): string => `${what}:${url}`;
      if (!u) {
        report({ message: `"${url}" is not a valid absolute URL`, node, fingerprint: fp('invalid') });
      } else if (UNSAFE_SCHEMES.has(u.protocol)) {
        report({
          message: `Unsafe ${u.protocol} link "${url.slice(0, 60)}": consumers render this data, so it can run code or expose files`,
          node,
          severity: 'error',
          fingerprint: fp('unsafe'),
        });
        continue;
      } else {
        if (u.protocol === 'http:') {
          report({ message: `Insecure http: link "${url}"; use https: where the site supports it`, node, severity: 'warn', fingerprint: fp('http') });
        }
        if (u.username || u.password) {
          report({ message: `URL "${url}" carries credentials before "@": the real host is ${u.hostname}`, node, fingerprint: fp('credentials') });
        }
        if (u.port) {
          report({ message: `URL "${url}" uses the non-default port ${u.port}`, node, severity: 'warn', fingerprint: fp('port') });
        }
      }
      const text = toString(node).trim();
      if (text === '') {
        report({ message: `Link to "${url}" has no text`, node, fingerprint: fp('empty-text') });
      } else if (bare(text) === bare(url)) {
        report({ message: `Link text is the bare URL "${text}"; name the resource instead`, node, severity: 'warn', fingerprint: fp('bare-text') });
      }
    }
    // In-page anchors must lead somewhere.
    const slugger = new GithubSlugger();
    const anchors = new Set<string>([slugger.slug(roadmap.title), ...roadmap.sections.map((s) => s.slug)]);
    for (const link of roadmap.internalLinks) {
      const target = decodeURIComponent(link.target.slice(1));
      if (target === '' || anchors.has(target) || anchors.has(target.toLowerCase())) continue;
      report({
        message: `Anchor "${link.target}" matches no heading of this document`,
        node: doc.extraction.internalLinkNodes.get(link)!,
        fingerprint: `anchor:${link.target}`,
      });
    }
  },
});
