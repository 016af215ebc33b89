import type { Link, LinkReference } from 'mdast';
import { defineRule } from '../lint/rule.js';
import type { Resource } from '../model/types.js';
import { resourcesOf } from '../model/walk.js';
import { normalizeUrl, parseUrl } from '../util/url.js';

/**
 * Titles compare equal regardless of case, punctuation and spacing; "#", "+" and a "." inside a
 * name stay, so "C", "C#", "C++" and ".NET" remain four titles.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\.(?![\p{L}\p{N}])/gu, ' ')
    .replace(/[^\p{L}\p{N}#+.]+/gu, ' ')
    .trim();
}

/** A path segment that names a version: 3, 1.5.x, v2, py3, latest, stable. */
const VERSION = /^(?:v?\d+(?:[._]\d+)*(?:[._]x)?|py\d+|latest|stable|dev|current)$/iu;

/** Two URLs of one document in two versions (pymotw.com/2/ and pymotw.com/3/): listed apart on purpose. */
export function differOnlyInVersion(a: string, b: string): boolean {
  const ua = parseUrl(a);
  const ub = parseUrl(b);
  if (!ua || !ub) return false;
  const sa = ua.pathname.split('/');
  const sb = ub.pathname.split('/');
  if (sa.length !== sb.length) return false;
  let versions = 0;
  for (let i = 0; i < sa.length; i++) {
    if (sa[i] === sb[i]) continue;
    if (!VERSION.test(sa[i]!) || !VERSION.test(sb[i]!)) return false;
    versions++;
  }
  return versions > 0;
}

/**
 * Two links with the same title on the same host but different URLs: probably one resource twice.
 * Not on code and package hosts, where different paths are different projects, nor between
 * versions of one document.
 */
export default defineRule({
  meta: {
    id: 'similar-link',
    type: 'suggestion',
    docs: { description: 'Two links with the same title on the same host but different URLs, outside code and package hosts', tags: ['links', 'policy'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      similar: '"{{title}}" links to {{url}}, but the same title links to {{firstUrl}} at line {{firstLine}}: one resource, two URLs?',
      sameTitle: 'same title here',
    },
  },
  create({ doc, report }) {
    const seen = new Map<string, { resource: Resource; node: Link | LinkReference }>();
    for (const { resource } of resourcesOf(doc.roadmap)) {
      if (!resource.host) continue;
      const path = parseUrl(resource.url)?.pathname ?? '/';
      if (doc.registry.openAreaOf(resource.host, path) !== null) continue;
      const key = `${resource.host.replace(/^www\./u, '')}:${normalizeTitle(resource.title)}`;
      const node = doc.extraction.resourceNodes.get(resource)!;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { resource, node });
        continue;
      }
      if (normalizeUrl(earlier.resource.url) === normalizeUrl(resource.url)) continue; // duplicate-link's case
      if (differOnlyInVersion(earlier.resource.url, resource.url)) continue;
      report({
        messageId: 'similar',
        data: { title: resource.title, url: resource.url, firstUrl: earlier.resource.url, firstLine: earlier.resource.line },
        node,
        related: { messageId: 'sameTitle', node: earlier.node },
        key,
      });
    }
  },
});
