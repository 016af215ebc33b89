import type { ExtractIssue } from '../model/extract.js';
import type { Section } from '../model/types.js';
import { defineRule } from '../lint/rule.js';

type Issue = ExtractIssue & { ruleId: 'stray-link' };

/**
 * A resource list holds at least three of every four of its links to other sites in list items
 * (the shared lists: 98% and more; a roadmap.sh topic file: 75%; most READMEs and changelogs of
 * npm packages: far less).
 */
const LIST_SHARE = 3;

/** A link to another site (or a file server): what a resource is, unlike a page of the repository, an address or an anchor. */
const OFF_SITE = /^(?:https?|ftps?):|^\/\//iu;

/**
 * The lines of the list itself: from the first section that lists resources to the end of the
 * last one. Before it stand the title, badges, sponsors and introduction; after it, contributing,
 * licence and credits: matter about the list, not in it. Null when no section lists resources.
 */
function listSpan(sections: readonly Section[]): { from: number; to: number } | null {
  let first = -1;
  let last = -1;
  sections.forEach((s, i) => {
    if (s.groups.length === 0) return;
    if (first < 0) first = i;
    last = i;
  });
  if (first < 0) return null;
  return { from: sections[first]!.line, to: sections[last + 1]?.line ?? Infinity };
}

/**
 * A link outside every resource list, in a resource list. The rule judges a document whose list
 * items hold three times as many links as its prose holds links to other sites (a page of prose
 * with a few lists is not a resource list), and there it reports:
 * - a list of links before the first section heading, which belongs to no section;
 * - a link to another site in a paragraph, quote or table between the first and the last section
 *   that list resources. Headings (a linked heading names its section), relative links and anchors
 *   (the repository's own pages, which relative-link and anchor-target check), and the matter
 *   before and after the list are left alone.
 */
export default defineRule({
  meta: {
    id: 'stray-link',
    type: 'suggestion',
    docs: { description: 'A link outside the resource lists, which the data does not include', tags: ['structure'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      beforeFirstSection: 'Link "{{text}}" ({{url}}) is in a list before the first section heading, so it belongs to no section',
      outsideList: 'Link "{{text}}" ({{url}}) is outside any resource list: {{where}}',
    },
  },
  create({ doc, report }) {
    const { roadmap, issues } = doc.extraction;
    let listed = roadmap.counts.resources;
    const before: Issue[] = [];
    const prose: (Issue & { messageId: 'outsideList' })[] = [];
    for (const issue of issues) {
      if (issue.ruleId === 'unrecognized-item') listed++;
      else if (issue.messageId === 'beforeFirstSection') {
        listed++;
        before.push(issue);
      } else if (OFF_SITE.test(issue.data.url)) prose.push(issue);
    }
    if (listed === 0 || listed < LIST_SHARE * prose.length) return;
    const span = listSpan(roadmap.sections);
    const reported: Issue[] = [...before];
    if (span) {
      for (const issue of prose) {
        const line = issue.node.position?.start.line ?? 0;
        if (issue.place !== 'heading' && line >= span.from && line < span.to) reported.push(issue);
      }
    }
    for (const issue of reported) report({ messageId: issue.messageId, data: issue.data, node: issue.node, key: issue.data.url || '(empty URL)' });
  },
});
