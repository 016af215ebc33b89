/**
 * dist/<name>.json: the validated model, pretty-printed with a fixed key order (the schema's) and a
 * trailing newline, so the same input always gives the same bytes.
 */
import type { DescriptionLink, FrontMatter, Group, InternalLink, Note, Resource, Roadmap, Section } from '../model/types.js';

const descriptionLink = (l: DescriptionLink): DescriptionLink => ({ text: l.text, url: l.url, host: l.host, line: l.line, column: l.column });

const resource = (r: Resource): Resource => ({
  title: r.title,
  url: r.url,
  host: r.host,
  description: r.description,
  descriptionLinks: r.descriptionLinks.map(descriptionLink),
  columns: r.columns === null ? null : { ...r.columns },
  group: r.group,
  kind: r.kind,
  inferredKind: r.inferredKind,
  official: r.official,
  technology: r.technology,
  declaredKind: r.declaredKind,
  line: r.line,
  column: r.column,
  ...(r.link ? { link: { status: r.link.status, finalUrl: r.link.finalUrl, checkedAt: r.link.checkedAt } } : {}),
});

const group = (g: Group): Group => ({ label: g.label, line: g.line, resources: g.resources.map(resource) });
const note = (n: Note): Note => ({ text: n.text, ordinal: n.ordinal, line: n.line });
const internalLink = (l: InternalLink): InternalLink => ({ text: l.text, target: l.target, line: l.line, column: l.column });

const section = (s: Section): Section => ({
  number: s.number,
  title: s.title,
  slug: s.slug,
  depth: s.depth,
  line: s.line,
  implicit: s.implicit,
  intro: s.intro,
  groups: s.groups.map(group),
  notes: s.notes.map(note),
});

const frontMatter = (f: FrontMatter): FrontMatter => ({ format: f.format, data: f.data, line: f.line });

/** A copy of the model with keys in schema order and nothing else. */
export function canonicalRoadmap(r: Roadmap): Roadmap {
  return {
    schemaVersion: r.schemaVersion,
    document: r.document,
    source: r.source,
    title: r.title,
    titleSource: r.titleSource,
    frontMatter: r.frontMatter === null ? null : frontMatter(r.frontMatter),
    description: r.description,
    officialOnly: r.officialOnly,
    sections: r.sections.map(section),
    internalLinks: r.internalLinks.map(internalLink),
    counts: {
      sections: r.counts.sections,
      numberedSections: r.counts.numberedSections,
      groups: r.counts.groups,
      resources: r.counts.resources,
      descriptionLinks: r.counts.descriptionLinks,
      notes: r.counts.notes,
    },
  };
}

export function emitJson(roadmap: Roadmap): string {
  return `${JSON.stringify(canonicalRoadmap(roadmap), null, 2)}\n`;
}
