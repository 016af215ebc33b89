import type { Heading, RootContent } from 'mdast';
import { defineRule } from '../lint/rule.js';

/** A comment, a rule line or a definition shows readers nothing. */
function showsNothing(node: RootContent): boolean {
  if (node.type === 'thematicBreak' || node.type === 'definition') return true;
  if (node.type === 'html') return /^(?:\s*<!--[\s\S]*?-->)*\s*$/u.test(node.value);
  return false;
}

/**
 * A section with nothing in it: no resources, notes, text, table of contents, table or quote, and
 * no deeper section under it.
 */
export default defineRule({
  meta: {
    id: 'empty-section',
    type: 'suggestion',
    docs: { description: 'A section with no content at all: no links, text, table or quote, and no subsections', tags: ['structure'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { empty: 'Section "{{title}}" is empty: no resources, text, table or quote' },
  },
  create({ doc, report }) {
    const { roadmap, sectionSources } = doc.extraction;
    // Where each top-level heading stands, to read what follows it up to the next heading.
    const top = doc.tree.children;
    const indexOf = new Map<Heading, number>();
    top.forEach((node, i) => {
      if (node.type === 'heading') indexOf.set(node, i);
    });
    roadmap.sections.forEach((s, i) => {
      if (s.groups.some((g) => g.resources.length > 0) || s.notes.length > 0) return;
      const next = roadmap.sections[i + 1];
      if (next !== undefined && next.depth > s.depth) return;
      const heading = sectionSources[i]!.heading;
      const at = indexOf.get(heading);
      if (at === undefined) return;
      for (let k = at + 1; k < top.length && top[k]!.type !== 'heading'; k++) {
        if (!showsNothing(top[k]!)) return;
      }
      // A heading of punctuation only has an empty slug; the key still has to name the section.
      report({ messageId: 'empty', data: { title: s.title }, node: heading, key: s.slug || s.title || 'untitled section' });
    });
  },
});
