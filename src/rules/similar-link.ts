import type { Link, LinkReference } from 'mdast';
import { defineRule } from '../lint/rule.js';
import type { Resource } from '../model/types.js';
import { resourcesOf } from '../model/walk.js';
import { normalizeUrl } from '../util/url.js';

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
    type: 'suggestion',
    docs: { description: 'Two links with the same title on the same host but different URLs', tags: ['links', 'policy'] },
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
      const key = `${resource.host.replace(/^www\./u, '')}:${normalizeTitle(resource.title)}`;
      const node = doc.extraction.resourceNodes.get(resource)!;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { resource, node });
        continue;
      }
      if (normalizeUrl(earlier.resource.url) === normalizeUrl(resource.url)) continue; // duplicate-link's case
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
