import type { ExtractIssue } from '../model/extract.js';
import type { Roadmap, Section } from '../model/types.js';
import { defineRule } from '../lint/rule.js';

type Issue = ExtractIssue & { ruleId: 'stray-link' };

/**
 * A resource list holds at least three of every four of its links to other sites in list items
 * (the shared lists: 98% and more; a roadmap.sh topic file: 75%; most READMEs and changelogs of
 * npm packages: far less).
 */
const LIST_SHARE = 3;

/** A link to another site: what a resource is, unlike a page of the repository, an address or an anchor. */
const OFF_SITE = /^https?:|^\/\//iu;

/** Links to other sites in list items: resources, and the links of items extraction could not read. */
function listedOffSite(roadmap: Roadmap, issues: readonly ExtractIssue[]): number {
  let n = 0;
  for (const section of roadmap.sections) for (const group of section.groups) for (const r of group.resources) if (OFF_SITE.test(r.url)) n++;
  for (const issue of issues) if ((issue.ruleId === 'unrecognized-item' || issue.messageId === 'beforeFirstSection') && OFF_SITE.test(issue.data.url)) n++;
  return n;
}

/**
 * The lines of the list itself: from the first section that lists resources (from its first list,
 * in a document with no section headings, where the section starts at the title) to the next
 * section heading after the last one. Before it stand the title, badges and introduction; after it,
 * contributing, licence and credits: matter about the list, not in it. Null when no section lists
 * resources.
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
  const start = sections[first]!;
  return { from: start.implicit ? start.groups[0]!.line : start.line, to: sections[last + 1]?.line ?? Infinity };
}

/**
 * For a line, the line where the lists of its section begin (Infinity in a section with none):
 * prose above it is the section's introduction.
 */
function firstListLines(sections: readonly Section[]): (line: number) => number {
  return (line) => {
    let section: Section | undefined;
    for (const s of sections) {
      if (s.line > line) break;
      section = s;
    }
    const first = section?.groups[0];
    return first ? first.line : Infinity;
  };
}

/**
 * A link outside every resource list, in a resource list. The rule judges a document whose
 * resources (list items and table rows) hold three times as many links to other sites as the rest
 * of it (a page of prose with a few lists is not a resource list), and there it reports:
 * - a list of links before the first section heading, which belongs to no section;
 * - a link to another site in a paragraph, quote or table that follows a list of its section, from
 *   the first section that lists resources to the end of the last. A section's introduction
 *   (before its first list: "see also", the topic's own site), headings (a linked heading names
 *   its section), relative links and anchors (the repository's own pages, which relative-link and
 *   anchor-target check), addresses, and the matter before and after the list are left alone.
 */
export default defineRule({
  meta: {
    id: 'stray-link',
    type: 'suggestion',
    docs: { description: 'A link among the resources of a resource list but outside its lists, which the data does not include', tags: ['structure'] },
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
    const strays = issues.filter((i): i is Issue => i.ruleId === 'stray-link');
    if (strays.length === 0) return;
    const span = listSpan(roadmap.sections);
    if (!span) return;
    const prose = strays.filter((i) => i.messageId === 'outsideList' && OFF_SITE.test(i.data.url));
    if (listedOffSite(roadmap, issues) < LIST_SHARE * prose.length) return;
    const listsFrom = firstListLines(roadmap.sections);
    const among = (issue: Issue): boolean => {
      const line = issue.node.position?.start.line ?? 0;
      // Not a heading, and in the span after its section's first list: a section's introduction,
      // before it, is context ("see also", the topic's own site).
      return issue.messageId === 'outsideList' && issue.place !== 'heading' && line >= span.from && line < span.to && line >= listsFrom(line);
    };
    for (const issue of [...strays.filter((i) => i.messageId === 'beforeFirstSection'), ...prose.filter(among)]) {
      report({ messageId: issue.messageId, data: issue.data, node: issue.node, key: issue.data.url || '(empty URL)' });
    }
  },
});
