import { defineRule } from './rule.js';

/** A section with neither resources nor notes, and no deeper section under it. */
export default defineRule({
  meta: {
    id: 'empty-section',
    description: 'A section with no resources and no notes',
    defaultSeverity: 'warn',
    fixable: false,
    tags: ['structure'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    const { roadmap, sectionSources } = doc.extraction;
    roadmap.sections.forEach((s, i) => {
      const hasContent = s.groups.some((g) => g.resources.length > 0) || s.notes.length > 0;
      const next = roadmap.sections[i + 1];
      const hasSubsections = next !== undefined && next.depth > s.depth;
      if (hasContent || hasSubsections) return;
      report({
        message: `Section "${s.title}" has no resources and no notes`,
        node: sectionSources[i]!.heading,
        fingerprint: `empty:${s.slug}`,
      });
    });
  },
});
