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
      if (plainText(link, { imageAlt: true }).trim() !== '' || link.children.some((c) => c.type === 'image' || c.type === 'imageReference')) return false;
      const url = link.type === 'link' ? link.url : `[${link.label ?? link.identifier}]`;
      report({ messageId: 'empty', data: { url }, node: link, key: url || '(empty URL)' });
      return false;
    });
  },
});
