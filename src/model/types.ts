/**
 * The roadmap model: what data consumers get in dist/<name>.json. Every field is described in
 * schema/roadmap.schema.json, which is the contract; these types mirror it, and every model is
 * validated against the schema before anything is written.
 */

export const SCHEMA_VERSION = '2.0.0';

/**
 * What a resource is. The first seven are what the classifier infers; the others come from
 * roadmap.sh's `@word@` markers, which authors may use for any of these.
 */
export type ResourceKind =
  | 'official'
  | 'course'
  | 'video'
  | 'book'
  | 'article'
  | 'opensource'
  | 'community'
  | 'feed'
  | 'roadmap'
  | 'podcast';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'official',
  'course',
  'video',
  'book',
  'article',
  'opensource',
  'community',
  'feed',
  'roadmap',
  'podcast',
];

/** A link inside an item's description ("… ([httpx](…) fork)"): kept, but not a resource. */
export interface DescriptionLink {
  text: string;
  url: string;
  /** Lower-case host name without a trailing dot, or null when the URL has none. */
  host: string | null;
  line: number;
  column: number;
}

export interface Resource {
  title: string;
  url: string;
  /** Lower-case host name without a trailing dot, or null when the URL has none. */
  host: string | null;
  description: string | null;
  /** Links that follow prose in the item (or sit in other cells of a table row), in document order. */
  descriptionLinks: DescriptionLink[];
  /** For a resource read from a table row: the other cells' text by column header; null otherwise. */
  columns: Record<string, string> | null;
  /** The label of the group the resource is listed under, or null. */
  group: string | null;
  /** The declared kind when the author gave a known marker, else the inferred kind. */
  kind: ResourceKind;
  /** What the registry and the known platforms make of the URL, whatever the author declared. */
  inferredKind: ResourceKind;
  /** True when the host is an official source for the technology. */
  official: boolean;
  /** The technology the official-source registry matched, or null. */
  technology: string | null;
  /** The marker word an author gave, such as "video" for `@video@` in the link text, or null. */
  declaredKind: string | null;
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
  /** Heading level, 1-6 (1 only for an implicit section). */
  depth: number;
  line: number;
  /** True for the one section of a document that has no section headings (a roadmap.sh topic file). */
  implicit: boolean;
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

export type TitleSource = 'front-matter' | 'h1' | 'html' | 'heading' | 'file';

export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** The parsed mapping as JSON, or null when it does not parse or is not a mapping. */
  data: Record<string, unknown> | null;
  line: number;
}

export interface Roadmap {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Document name: the file name without its .md extension. */
  document: string;
  /** Path of the source file, relative to where the build ran, with forward slashes. */
  source: string;
  title: string;
  /** Where the title came from: front matter, an H1, a leading HTML block, another heading, or the file name. */
  titleSource: TitleSource;
  frontMatter: FrontMatter | null;
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
    descriptionLinks: number;
    notes: number;
  };
}
