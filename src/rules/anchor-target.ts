import GithubSlugger from 'github-slugger';
import { defineRule } from '../lint/rule.js';
import { plainText, walkTree } from '../model/walk.js';
import type { ProcessedDocument } from '../pipeline/process.js';

const ID_ATTRIBUTE = /\b(?:id|name)[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/giu;

/** Every in-page target: GitHub's slug of each heading (duplicates numbered), and HTML id and name attributes. */
export function anchorsOf(doc: ProcessedDocument): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  walkTree(doc.tree, (node) => {
    if (node.type === 'heading') {
      anchors.add(slugger.slug(plainText(node).trim()));
    } else if (node.type === 'html') {
      for (const m of node.value.matchAll(ID_ATTRIBUTE)) anchors.add(m[1] ?? m[2] ?? m[3] ?? '');
    }
  });
  return anchors;
}

function decodeFragment(fragment: string): string | null {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return null;
  }
}

/** In-page links (#anchor) must lead to a heading or an HTML anchor of the document. */
export default defineRule({
  meta: {
    id: 'anchor-target',
    type: 'problem',
    docs: { description: 'In-page links (#anchor) that match no heading or HTML anchor of the document', tags: ['links'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      missing: 'Anchor "{{target}}" matches no heading of this document',
      malformed: 'Anchor "{{target}}" has a malformed percent-escape, so it matches nothing',
    },
  },
  create({ doc, report }) {
    const links = doc.roadmap.internalLinks;
    if (links.length === 0) return;
    const anchors = anchorsOf(doc);
    for (const link of links) {
      const node = doc.extraction.internalLinkNodes.get(link)!;
      const target = decodeFragment(link.target.slice(1));
      if (target === null) {
        report({ messageId: 'malformed', data: { target: link.target }, node, key: link.target || '#' });
        continue;
      }
      if (target === '' || anchors.has(target) || anchors.has(target.toLowerCase())) continue;
      report({ messageId: 'missing', data: { target: link.target }, node, key: link.target || '#' });
    }
  },
});
