import type { Link, LinkReference } from 'mdast';
import { defineRule } from '../lint/rule.js';
import { plainText, walkTree } from '../model/walk.js';

/** A link with nothing to click or read: no text and no image. */
export default defineRule({
  meta: {
    id: 'empty-link-text',
    type: 'problem',
    docs: { description: 'Links with no text to read or click', tags: ['links'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { empty: 'Link to "{{url}}" has no text' },
  },
  create({ doc, report }) {
    walkTree(doc.tree, (node) => {
      if (node.type !== 'link' && node.type !== 'linkReference') return;
      const link = node as Link | LinkReference;
      // An image, in Markdown or raw HTML (a badge, a sponsor's logo), is the link's content.
      const hasImage = link.children.some((c) => c.type === 'image' || c.type === 'imageReference' || (c.type === 'html' && /<(?:img|picture|svg)\b/iu.test(c.value)));
      if (hasImage || plainText(link, { imageAlt: true }).trim() !== '') return false;
      const url = link.type === 'link' ? link.url : `[${link.label ?? link.identifier}]`;
      report({ messageId: 'empty', data: { url }, node: link, key: url || '(empty URL)' });
      return false;
    });
  },
});
