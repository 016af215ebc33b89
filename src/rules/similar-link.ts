import type { Resource } from '../model/types.js';
import { resourcesOf } from '../model/walk.js';
import { normalizeUrl } from '../policy/url.js';
import { defineRule } from './rule.js';

/** Titles compare equal regardless of case, punctuation and spacing. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Two links with the same title on the same host but different URLs: probably one resource twice. */
export default defineRule({
  meta: {
    id: 'similar-link',
    description: 'Two links with the same title on the same host but different URLs',
    defaultSeverity: 'warn',
    fixable: false,
    tags: ['links', 'policy'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    const seen = new Map<string, Resource>();
    for (const { resource } of resourcesOf(doc.roadmap)) {
      if (!resource.host) continue;
      const key = `${resource.host.replace(/^www\./u, '')}\u0000${normalizeTitle(resource.title)}`;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, resource);
        continue;
      }
      if (normalizeUrl(earlier.url) === normalizeUrl(resource.url)) continue; // duplicate-link's case
      report({
        message: `"${resource.title}" links to ${resource.url}, but the same title links to ${earlier.url} at line ${earlier.line}: one resource, two URLs?`,
        node: doc.extraction.resourceNodes.get(resource)!,
        related: { message: 'same title here', line: earlier.line, column: earlier.column },
        fingerprint: key.replace('\u0000', ':'),
      });
    }
  },
});
