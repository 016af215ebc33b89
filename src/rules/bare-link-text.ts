import { defineRule } from '../lint/rule.js';
import { plainText, resourcesOf } from '../model/walk.js';

const bare = (url: string): string => url.replace(/^[a-z]+:\/\//iu, '').replace(/\/$/u, '').toLowerCase();

/** A resource whose link text is its own URL: readers and the data get no name for it. */
export default defineRule({
  meta: {
    id: 'bare-link-text',
    type: 'suggestion',
    docs: { description: 'Resources whose link text is the bare URL instead of a name', tags: ['links'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { bare: 'Link text is the bare URL "{{text}}"; name the resource instead' },
  },
  create({ doc, report }) {
    for (const { resource } of resourcesOf(doc.roadmap)) {
      const node = doc.extraction.resourceNodes.get(resource)!;
      const text = plainText(node).trim();
      // A name that is also a domain ("JSONbin.io") or a file ("LICENSE") is a name: only text
      // written as an address (a scheme, "www." or a path) is the bare URL.
      const addressLike = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|\//iu.test(text);
      if (addressLike && bare(text) === bare(resource.url)) report({ messageId: 'bare', data: { text }, node, key: resource.url });
    }
  },
});
