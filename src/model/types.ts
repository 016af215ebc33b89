/**
 * The roadmap model: what data consumers get in dist/<name>.json. Every field is described in
 * schema/roadmap.schema.json, which is the contract; these types mirror it, and every model is
 * validated against the schema before anything is written.
 */

export const SCHEMA_VERSION = '1.0.0';

export type ResourceKind = 'official' | 'course' | 'video' | 'book' | 'article' | 'opensource' | 'community';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'official',
  'course',
  'video',
  'book',
  'article',
  'opensource',
  'community',
];

export interface Resource {
  title: string;
  url: string;
  /** Lower-case host name without a trailing dot, or null when the URL has none. */
  host: string | null;
  description: string | null;
  /** The label of the group the resource is listed under, or null. */
  group: string | null;
  /** How the resource was classified: by the official-source registry, a known platform, or an author's marker. */
  kind: ResourceKind;
  /** True when the host is an official source for the technology. */
  official: boolean;
  /** The technology the official-source registry matched, or null. */
  technology: string | null;
  /** The kind an author declared with a marker such as `@video@` in the link text, or null. */
  declaredKind: ResourceKind | null;
  line: number;
  column: number;
  /** The link check's result (`roadmap build --links`); absent otherwise. */
  link?: ResourceLink;
}

/** What a link check found for a resource. */
export interface ResourceLink {
  /** The HTTP status of the last response, or null when there was none (a name that does not resolve, a timeout…). */
  status: number | null;
  /** Where the redirects ended (the URL itself when there were none). */
  finalUrl: string;
  /** When the check was made, ISO 8601 (perhaps by an earlier run whose cached result was reused). */
  checkedAt: string;
}

export interface Group {
  label: string | null;
  line: number;
  resources: Resource[];
}

export interface Note {
  text: string;
  /** The number an ordered list gives the item, or null in a bullet list. */
  ordinal: number | null;
  line: number;
}

export interface Section {
  /** The number in a numbered heading ("## 3. Databases" -> 3), or null. */
  number: number | null;
  title: string;
  /** GitHub-compatible anchor slug of the heading. */
  slug: string;
  /** Heading level, 2-6. */
  depth: number;
  line: number;
  /** Paragraphs between the heading and the first list, or null. */
  intro: string | null;
  groups: Group[];
  notes: Note[];
}

/** A link to a heading of the same document ("#databases"): navigation, not a resource. */
export interface InternalLink {
  text: string;
  target: string;
  line: number;
  column: number;
}

export interface Roadmap {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Document name: the file name without its .md extension. */
  document: string;
  /** Path of the source file, relative to where the build ran, with forward slashes. */
  source: string;
  title: string;
  /** Paragraphs between the title and the first section, or null. */
  description: string | null;
  /** True when the document promises official resources only (its title says so, or its configuration). */
  officialOnly: boolean;
  sections: Section[];
  internalLinks: InternalLink[];
  counts: {
    sections: number;
    numberedSections: number;
    groups: number;
    resources: number;
    notes: number;
  };
}
