import { defineRule } from '../lint/rule.js';

/** A section with neither resources nor notes, and no deeper section under it. */
export default defineRule({
  meta: {
    id: 'empty-section',
    type: 'suggestion',
    docs: { description: 'A section with no resources and no notes', tags: ['structure'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { empty: 'Section "{{title}}" has no resources and no notes' },
  },
  create({ doc, report }) {
    const { roadmap, sectionSources } = doc.extraction;
    roadmap.sections.forEach((s, i) => {
      const hasContent = s.groups.some((g) => g.resources.length > 0) || s.notes.length > 0;
      const next = roadmap.sections[i + 1];
      const hasSubsections = next !== undefined && next.depth > s.depth;
      if (hasContent || hasSubsections) return;
      report({ messageId: 'empty', data: { title: s.title }, node: sectionSources[i]!.heading, key: s.slug || '(empty heading)' });
    });
  },
});
