/**
 * mdast -> Roadmap. Reads the shapes curated link documents use:
 *
 *   ---\ntitle: …\n---                       -> front matter (YAML, or TOML between +++)
 *   # Title                                  -> title (else a leading HTML block, a heading, the file name)
 *   ## 3. **Databases**                      -> section 3, "Databases"
 *   Intro paragraph                          -> section intro
 *   * [Title](url)                           -> resource
 *   * [Title](url) — Description.            -> resource with description
 *   * [A](u) - fork of [B](v).               -> resource A; B is a link of its description
 *   * **Python** — [Python Docs](url)        -> resource in group "Python"
 *   * **Node.js**: [A](u) | [B](v)           -> two resources in group "Node.js"
 *   * **Udemy**:  + nested list of links     -> group "Udemy"
 *   * [@video@Title](url)                    -> resource of declared kind "video"
 *   | [API](url) | Description | Auth |      -> resource per table row, the other cells as columns
 *   1. Step without a link                   -> note
 *   * [Contents](#databases)                 -> internal link
 *
 * A document with no section heading (a roadmap.sh topic file: an H1, a paragraph, a list) has one
 * implicit section. Nothing is dropped silently: every link node ends up as a resource, a
 * description link or an internal link, or is filed as an issue naming its line (a link in a
 * paragraph, a heading or a quote, or in a list item shape that is not understood), for the rule
 * that judges it.
 *
 * Every walk is iterative: the input decides how deep the tree is.
 */
import GithubSlugger, { slug as githubSlug } from 'github-slugger';
import type { Definition, Heading, Link, LinkReference, List, ListItem, Nodes, Paragraph, Root, Table } from 'mdast';
import { hostOf } from '../util/url.js';
import { plainText, SKIP, some, walk, type TreeNode } from '../util/tree.js';
import { parseFrontMatter } from './front-matter.js';
import {
  SCHEMA_VERSION,
  type DescriptionLink,
  type FrontMatter,
  type Group,
  type InternalLink,
  type Resource,
  type ResourceKind,
  RESOURCE_KINDS,
  type Roadmap,
  type Section,
  type TitleSource,
} from './types.js';

export interface Classification {
  kind: ResourceKind;
  official: boolean;
  technology: string | null;
}

export interface ClassifierInput {
  url: string;
  host: string | null;
  title: string;
  group: string | null;
  /** The marker word the author gave ("video"), or null. */
  declaredKind: string | null;
}

export type Classifier = (input: ClassifierInput) => Classification;

export interface ExtractOptions {
  /** Document name (file name without .md). */
  document: string;
  /** Source path for the model. */
  source: string;
  /** Assigns kind, official and technology; without one every resource is an unclassified article. */
  classify?: Classifier;
  /** The configuration's word on the official-only promise; undefined leaves it to the title. */
  officialOnly?: boolean;
  /**
   * Maps a column of the parsed source to the column in the repaired text (mojibake repairs change
   * column widths, never lines), so positions in the model match the cleaned Markdown.
   */
  repairedColumn?: (line: number, column: number) => number;
}

/** The block a link outside the lists stands in. */
export type Place = 'heading' | 'paragraph' | 'quote' | 'table' | 'item' | 'other';

/** A link extraction could not file as a resource: the rule that reports it, its message id and data. */
export type ExtractIssue =
  | { ruleId: 'stray-link'; messageId: 'beforeFirstSection'; data: { text: string; url: string }; node: Nodes }
  | { ruleId: 'stray-link'; messageId: 'outsideList'; data: { text: string; url: string; where: string }; node: Nodes; place: Place }
  | { ruleId: 'unrecognized-item'; messageId: 'unrecognizedItem'; data: { text: string; url: string; where: string }; node: Nodes };

export interface SectionSource {
  /**
   * The section's heading. An implicit section has none: it gets a heading node that is not in the
   * tree, placed at the H1 (or its first list), so reports about it have a place.
   */
  heading: Heading;
  /** What follows the number: ".", ")", "-", "—" or ":"; null when unnumbered. */
  numberFormat: string | null;
}

export interface Extraction {
  roadmap: Roadmap;
  issues: ExtractIssue[];
  /** The first H1, even an empty one; null when the document has none. */
  titleNode: Heading | null;
  /** Why the front matter could not be kept, when it is there but does not parse. */
  frontMatterError: string | null;
  /** Parallel to roadmap.sections. */
  sectionSources: SectionSource[];
  /** The link node each resource came from. */
  resourceNodes: Map<Resource, Link | LinkReference>;
  /** The link node each description link came from. */
  descriptionLinkNodes: Map<DescriptionLink, Link | LinkReference>;
  /** The link node each internal link came from. */
  internalLinkNodes: Map<InternalLink, Link | LinkReference>;
  /** Every `#anchor` target the document defines: heading slugs, and HTML `id` and `name` attributes. */
  anchors: Set<string>;
}

const OFFICIAL_PROMISE = /\bofficial\b[\s\w-]{0,20}\bonly\b|\bonly\b[\s\w-]{0,12}\bofficial\b/i;

/** Does a title promise official resources only? ("Official Resources Only", "official only", "Only official links") */
export function titlePromisesOfficialOnly(title: string): boolean {
  return OFFICIAL_PROMISE.test(title);
}

const NUMBERED = /^(\d{1,4})(\.|\)|\s*[-–—:])\s+(.*)$/su;
/** What may stand between two links that are both resources of one item: `|`, `,`, `/` or "and". */
const SEPARATOR_ONLY = /^[\s|,/]*(?:and[\s|,/]*)?$/iu;
const LEADING_SEPARATORS = /^[\s:–—|,;-]+/u;
/** Separators at the end; the lookbehind starts a match only where a run starts, so it is linear. */
const TRAILING_SEPARATORS = /(?<![\s:–—-])[\s:–—-]+$/u;
const MARKER = /^\s*@([a-z][a-z0-9-]*)@\s*/iu;
// HTML is scanned in linear time: no part of a match crosses a `<`, and attribute values are
// bounded, so a match attempt from one `<` never runs past the next.
const HTML_ANCHOR = /<[a-z][^<>]*?\s(?:id|name)\s*=\s*(?:"([^"<>]{0,256})"|'([^'<>]{0,256})'|([^\s"'=<>`]{1,256}))/giu;
const HTML_IMG_ALT = /<img\b[^<>]*?\salt\s*=\s*(?:"([^"<>]{0,512})"|'([^'<>]{0,512})')/iu;
const HTML_TAG = /<[^<>]*>/gu;

const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();
const lineOf = (node: Nodes | TreeNode): number => (node as Nodes).position?.start.line ?? 1;
const textOf = (node: Nodes | TreeNode): string => collapse(plainText(node as TreeNode));

type LinkNode = Link | LinkReference;
const isLink = (node: TreeNode): node is LinkNode => node.type === 'link' || node.type === 'linkReference';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of an HTML fragment: tags dropped, common entities decoded, white space collapsed. */
function htmlText(html: string): string {
  return collapse(
    html.replace(HTML_TAG, ' ').replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/giu, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    }),
  );
}

/** The title a leading HTML block gives: its <h1> text, else its first image's alt text. */
function htmlTitle(html: string): string | null {
  const lower = html.toLowerCase();
  let open = lower.indexOf('<h1');
  while (open >= 0 && /[^\s>/]/u.test(lower[open + 3] ?? '')) open = lower.indexOf('<h1', open + 3);
  const start = open >= 0 ? lower.indexOf('>', open) : -1;
  const close = start >= 0 ? lower.indexOf('</h1', start) : -1;
  const fromH1 = close >= 0 ? htmlText(html.slice(start + 1, close)) : '';
  if (fromH1) return fromH1;
  const img = HTML_IMG_ALT.exec(html);
  const alt = img ? htmlText(img[1] ?? img[2] ?? '') : '';
  return alt || null;
}

interface TitleChoice {
  title: string;
  source: TitleSource;
  /** The heading that is the title and not a section: the first H1. */
  h1: Heading | null;
}

function chooseTitle(tree: Root, frontMatterTitle: string | null, document: string): TitleChoice {
  const top = tree.children.filter((n) => n.type !== 'yaml' && (n.type as string) !== 'toml');
  const h1 = top.find((n): n is Heading => n.type === 'heading' && n.depth === 1) ?? null;
  if (frontMatterTitle) return { title: frontMatterTitle, source: 'front-matter', h1 };
  const h1Text = h1 ? textOf(h1) : '';
  if (h1Text) return { title: h1Text, source: 'h1', h1 };
  const lead = top[0];
  if (lead?.type === 'html') {
    const fromHtml = htmlTitle(lead.value);
    if (fromHtml) return { title: fromHtml, source: 'html', h1 };
  }
  for (const node of top) {
    if (node.type !== 'heading') continue;
    const text = textOf(node);
    if (text) return { title: text, source: 'heading', h1 };
  }
  return { title: document, source: 'file', h1 };
}

export function extractRoadmap(tree: Root, options: ExtractOptions): Extraction {
  // One pass for what applies to the whole document: definitions and HTML anchors.
  const definitions = new Map<string, Definition>();
  const htmlAnchors: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'definition') {
      const d = node as Definition;
      const id = d.identifier.toLowerCase();
      if (!definitions.has(id)) definitions.set(id, d);
    } else if (node.type === 'html' && typeof node.value === 'string' && node.value.includes('=')) {
      for (const m of node.value.matchAll(HTML_ANCHOR)) {
        const anchor = m[1] ?? m[2] ?? m[3] ?? '';
        if (anchor) htmlAnchors.push(anchor);
      }
    }
  });
  const urlOf = (node: LinkNode): string | null =>
    node.type === 'link' ? node.url : (definitions.get(node.identifier.toLowerCase())?.url ?? null);

  let frontMatter: FrontMatter | null = null;
  let frontMatterError: string | null = null;
  const first = tree.children[0] as TreeNode | undefined;
  if (first && (first.type === 'yaml' || first.type === 'toml') && typeof first.value === 'string') {
    const parsed = parseFrontMatter(first.type, first.value);
    frontMatter = { format: first.type, data: parsed.data, line: lineOf(first) };
    frontMatterError = parsed.error;
  }
  const fmTitle = frontMatter?.data?.['title'];
  const choice = chooseTitle(tree, typeof fmTitle === 'string' && collapse(fmTitle) ? collapse(fmTitle) : null, options.document);
  const titleNode = choice.h1;

  const classify = options.classify ?? (() => ({ kind: 'article' as const, official: false, technology: null }));
  const columnOf = (node: Nodes): number => {
    const column = node.position?.start.column ?? 1;
    return options.repairedColumn ? options.repairedColumn(lineOf(node), column) : column;
  };
  const consumed = new Set<LinkNode>();
  const issues: ExtractIssue[] = [];
  const sections: Section[] = [];
  const sectionSources: SectionSource[] = [];
  const resourceNodes = new Map<Resource, LinkNode>();
  const descriptionLinkNodes = new Map<DescriptionLink, LinkNode>();
  const internalLinks: InternalLink[] = [];
  const internalLinkNodes = new Map<InternalLink, LinkNode>();
  const anchors = new Set<string>();
  const addInternal = (link: LinkNode, url: string): void => {
    consumed.add(link);
    const internal = { text: textOf(link), target: url, line: lineOf(link), column: columnOf(link) };
    internalLinks.push(internal);
    internalLinkNodes.set(internal, link);
  };
  const slugger = new GithubSlugger();

  const description: string[] = [];
  let section: Section | null = null;
  /** Identity of the label the last resource was filed under, to keep neighbours in one group. */
  let groupKey: object | null = null;
  const hasSectionHeading = tree.children.some((n) => n.type === 'heading' && n !== titleNode);
  let titleSlug: string | null = null;

  /** In a document with no section heading, lists and tables go into one implicit section. */
  const ensureImplicitSection = (at: Nodes): void => {
    if (section || hasSectionHeading) return;
    section = {
      number: null,
      title: choice.title,
      slug: titleSlug ?? githubSlug(choice.title),
      depth: titleNode?.depth ?? 1,
      line: titleNode ? lineOf(titleNode) : lineOf(at),
      implicit: true,
      intro: null,
      groups: [],
      notes: [],
    };
    sections.push(section);
    const place = titleNode ?? at;
    sectionSources.push({
      heading: { type: 'heading', depth: 1, children: [], ...(place.position ? { position: place.position } : {}) },
      numberFormat: null,
    });
  };

  const descriptionLinkOf = (link: LinkNode): DescriptionLink | null => {
    const url = urlOf(link)!;
    if (url.startsWith('#')) {
      addInternal(link, url);
      return null;
    }
    consumed.add(link);
    const d: DescriptionLink = { text: textOf(link), url, host: hostOf(url), line: lineOf(link), column: columnOf(link) };
    descriptionLinkNodes.set(d, link);
    return d;
  };

  const fileResource = (
    link: LinkNode,
    label: string | null,
    key: object,
    itemDescription: string | null,
    descriptionLinks: readonly LinkNode[],
    columns: Record<string, string> | null,
  ): void => {
    const url = urlOf(link)!;
    if (url.startsWith('#')) {
      addInternal(link, url);
      return;
    }
    if (!section) {
      consumed.add(link);
      issues.push({ ruleId: 'stray-link', messageId: 'beforeFirstSection', data: { text: textOf(link), url }, node: link });
      return;
    }
    consumed.add(link);
    let title = textOf(link);
    let declaredKind: string | null = null;
    for (let marker = MARKER.exec(title); marker; marker = MARKER.exec(title)) {
      declaredKind ??= marker[1]!.toLowerCase();
      title = title.slice(marker[0].length);
    }
    const host = hostOf(url);
    const c = classify({ url, host, title, group: label, declaredKind });
    const known = declaredKind !== null && (RESOURCE_KINDS as readonly string[]).includes(declaredKind);
    const resource: Resource = {
      title,
      url,
      host,
      description: itemDescription,
      descriptionLinks: descriptionLinks.map(descriptionLinkOf).filter((d): d is DescriptionLink => d !== null),
      columns,
      group: label,
      kind: known ? (declaredKind as ResourceKind) : c.kind,
      inferredKind: c.kind,
      official: c.official,
      technology: c.technology,
      declaredKind,
      line: lineOf(link),
      column: columnOf(link),
    };
    const current: Section = section;
    let group: Group | undefined = current.groups[current.groups.length - 1];
    if (!group || groupKey !== key) {
      group = { label, line: resource.line, resources: [] };
      current.groups.push(group);
      groupKey = key;
    }
    group.resources.push(resource);
    resourceNodes.set(resource, link);
  };

  interface Context {
    label: string | null;
    key: object;
  }

  /** Read an item's first paragraph; returns the context its nested lists inherit. */
  const readItem = (item: ListItem, ordinal: number | null, inherited: Context): Context => {
    const [head, ...rest] = item.children;
    if (head?.type !== 'paragraph') return inherited;
    const parsed = readParagraph(head, definitions);
    if (parsed.resources.length > 0) {
      const label = parsed.label ?? inherited.label;
      const key = parsed.label !== null ? item : inherited.key;
      parsed.resources.forEach((link, i) => {
        const last = i === parsed.resources.length - 1;
        const d = i === 0 && parsed.prefix ? joinDescription(parsed.prefix, last ? parsed.description : null) : last ? parsed.description : null;
        fileResource(link, label, key, d, last ? parsed.descriptionLinks : [], null);
      });
      return { label, key };
    }
    if (rest.some((c) => c.type === 'list')) {
      // "**Udemy**:" over a nested list: the paragraph is the label of what follows.
      const label = parsed.label ?? (textOf(head).replace(TRAILING_SEPARATORS, '') || null);
      groupKey = null;
      if (label !== null && section) {
        const current: Section = section;
        current.groups.push({ label, line: lineOf(head), resources: [] });
        groupKey = item;
      }
      return { label: label ?? inherited.label, key: label !== null ? item : inherited.key };
    }
    if (section) {
      const text = textOf(item);
      if (text) (section as Section).notes.push({ text, ordinal, line: lineOf(item) });
    }
    return inherited;
  };

  const readList = (root: List, inherited: Context): void => {
    const stack: { item: ListItem; ordinal: number | null; context: Context }[] = [];
    const push = (list: List, context: Context): void => {
      for (let i = list.children.length - 1; i >= 0; i--) {
        stack.push({ item: list.children[i]!, ordinal: list.ordered ? (list.start ?? 1) + i : null, context });
      }
    };
    push(root, inherited);
    while (stack.length > 0) {
      const { item, ordinal, context } = stack.pop()!;
      const inner = readItem(item, ordinal, context);
      const children = item.children[0]?.type === 'paragraph' ? item.children.slice(1) : item.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]!;
        if (child.type === 'list') push(child, inner);
      }
    }
  };

  const readTable = (table: Table): void => {
    const [header, ...rows] = table.children;
    if (!header) return;
    const names: string[] = [];
    header.children.forEach((cell, i) => {
      const name = textOf(cell);
      names.push(name && !names.includes(name) ? name : `column ${i + 1}`);
    });
    const descriptionColumn = names.findIndex((n) => /^descriptions?$/iu.test(n));
    groupKey = null;
    for (const row of rows) {
      const links: { link: LinkNode; cell: number }[] = [];
      row.children.forEach((cell, i) => {
        walk(cell as TreeNode, (node) => {
          if (!isLink(node)) return undefined;
          if (urlOf(node) !== null) links.push({ link: node, cell: i });
          return SKIP;
        });
      });
      const lead = links.find(({ link }) => !urlOf(link)!.startsWith('#'));
      for (const { link } of links) if (link !== lead?.link && urlOf(link)!.startsWith('#')) addInternal(link, urlOf(link)!);
      if (!lead) continue;
      const columns: Record<string, string> = {};
      const others: string[] = [];
      row.children.forEach((cell, i) => {
        if (i === lead.cell) return;
        const text = textOf(cell);
        columns[names[i] ?? `column ${i + 1}`] = text;
        if (text) others.push(text);
      });
      const d =
        descriptionColumn >= 0 && descriptionColumn !== lead.cell
          ? textOf(row.children[descriptionColumn] ?? { type: 'text', value: '' }) || null
          : others.join(' | ') || null;
      const rest = links.filter(({ link }) => link !== lead.link && !urlOf(link)!.startsWith('#')).map(({ link }) => link);
      fileResource(lead.link, null, table, d, rest, columns);
    }
    groupKey = null;
  };

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = textOf(node);
      if (node === titleNode) {
        titleSlug = slugger.slug(text);
        anchors.add(titleSlug);
        continue;
      }
      const numbered = NUMBERED.exec(text);
      const title = numbered ? collapse(numbered[3]!) : text;
      section = {
        number: numbered ? Number(numbered[1]) : null,
        title,
        slug: slugger.slug(text),
        depth: node.depth,
        line: lineOf(node),
        implicit: false,
        intro: null,
        groups: [],
        notes: [],
      };
      anchors.add(section.slug);
      groupKey = null;
      sections.push(section);
      sectionSources.push({ heading: node, numberFormat: numbered ? numbered[2]!.trim() : null });
      continue;
    }
    if (node.type === 'paragraph') {
      const text = textOf(node);
      if (!text) continue;
      const current = section as Section | null;
      if (!current) description.push(text);
      else if (current.groups.length === 0 && current.notes.length === 0 && !current.implicit) {
        current.intro = current.intro === null ? text : `${current.intro}\n\n${text}`;
      } else current.notes.push({ text, ordinal: null, line: lineOf(node) });
      continue;
    }
    if (node.type === 'list') {
      ensureImplicitSection(node);
      groupKey = null;
      readList(node, { label: null, key: UNLABELLED });
      groupKey = null;
      continue;
    }
    if (node.type === 'table') {
      ensureImplicitSection(node);
      readTable(node);
    }
  }
  for (const a of htmlAnchors) anchors.add(a);

  // The safety net: every link is a resource, a description link, an internal link, or an issue.
  walk(tree, (node, ancestors) => {
    if (!isLink(node)) return undefined;
    const link = node;
    if (consumed.has(link)) return SKIP;
    const url = urlOf(link);
    if (url === null) return undefined;
    if (url.startsWith('#')) {
      addInternal(link, url);
      return SKIP;
    }
    const { place, where } = describePlace(ancestors as readonly Nodes[]);
    const inItem = ancestors.some((a) => a.type === 'listItem');
    const data = { text: textOf(link), url, where };
    issues.push(
      inItem
        ? { ruleId: 'unrecognized-item', messageId: 'unrecognizedItem', data, node: link }
        : { ruleId: 'stray-link', messageId: 'outsideList', data, node: link, place },
    );
    return SKIP;
  });
  internalLinks.sort((a, b) => a.line - b.line || a.column - b.column);
  issues.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
  // A label over a nested list with no links in it leaves an empty group behind.
  for (const s of sections) s.groups = s.groups.filter((g) => g.resources.length > 0);

  let groups = 0;
  let resources = 0;
  let descriptionLinks = 0;
  for (const s of sections) {
    groups += s.groups.length;
    for (const g of s.groups) {
      resources += g.resources.length;
      for (const r of g.resources) descriptionLinks += r.descriptionLinks.length;
    }
  }
  const roadmap: Roadmap = {
    schemaVersion: SCHEMA_VERSION,
    document: options.document,
    source: options.source,
    title: choice.title,
    titleSource: choice.source,
    frontMatter,
    description: description.length > 0 ? description.join('\n\n') : null,
    officialOnly: options.officialOnly ?? titlePromisesOfficialOnly(choice.title),
    sections,
    internalLinks,
    counts: {
      sections: sections.length,
      numberedSections: sections.filter((s) => s.number !== null).length,
      groups,
      resources,
      descriptionLinks,
      notes: sections.reduce((n, s) => n + s.notes.length, 0),
    },
  };
  return {
    roadmap,
    issues,
    titleNode,
    frontMatterError,
    sectionSources,
    resourceNodes,
    descriptionLinkNodes,
    internalLinkNodes,
    anchors,
  };
}

const UNLABELLED = {};

function joinDescription(prefix: string, rest: string | null): string {
  return rest ? `${prefix} … ${rest}` : prefix;
}

function describePlace(ancestors: readonly Nodes[]): { place: Place; where: string } {
  let at = ancestors.length - 1;
  while (at >= 0 && (ancestors[at]!.type === 'strong' || ancestors[at]!.type === 'emphasis' || ancestors[at]!.type === 'delete')) at--;
  const parent = ancestors[at];
  switch (parent?.type) {
    case 'heading':
      return { place: 'heading', where: 'a link in a heading' };
    case 'paragraph': {
      const grand = ancestors[at - 1];
      if (grand?.type === 'listItem') return { place: 'item', where: 'a link in a later paragraph of the item' };
      if (grand?.type === 'blockquote') return { place: 'quote', where: 'a link in a block quote' };
      return { place: 'paragraph', where: 'a link in a paragraph' };
    }
    case 'tableCell':
      return { place: 'table', where: 'a link in a table' };
    default:
      return { place: 'other', where: `a link inside ${parent?.type ?? 'the document'}` };
  }
}

interface ParsedParagraph {
  label: string | null;
  /** Prose before the first link that is not a label. */
  prefix: string;
  /** The leading link, and the links joined to it only by separators. */
  resources: LinkNode[];
  /** The text after the resources (the description links' text included), or null. */
  description: string | null;
  /** Links that follow prose: part of the description. */
  descriptionLinks: LinkNode[];
}

type Piece = { kind: 'link'; node: LinkNode } | { kind: 'text'; text: string; strong: boolean };

/** Split a list item's first paragraph into an optional label, its resource links and their description. */
function readParagraph(paragraph: Paragraph, definitions: ReadonlyMap<string, Definition>): ParsedParagraph {
  const resolves = (node: TreeNode): boolean =>
    node.type === 'link' || (node.type === 'linkReference' && definitions.has((node as LinkReference).identifier.toLowerCase()));
  // Flatten emphasis around links ("**[Docs](u)**") but keep a bold label as one piece.
  const pieces: Piece[] = [];
  const stack: TreeNode[] = [];
  for (let i = paragraph.children.length - 1; i >= 0; i--) stack.push(paragraph.children[i] as TreeNode);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isLink(n) && resolves(n)) pieces.push({ kind: 'link', node: n });
    else if ((n.type === 'strong' || n.type === 'emphasis' || n.type === 'delete') && some(n, resolves)) {
      for (let i = n.children!.length - 1; i >= 0; i--) stack.push(n.children![i]!);
    } else {
      pieces.push({ kind: 'text', text: plainText(n), strong: n.type === 'strong' || n.type === 'emphasis' });
    }
  }
  const firstLink = pieces.findIndex((p) => p.kind === 'link');
  if (firstLink < 0) {
    const lead = pieces.find((p) => p.kind === 'text' && p.text.trim() !== '');
    const label = lead && lead.kind === 'text' && lead.strong ? cleanLabel(lead.text) : null;
    return { label, prefix: '', resources: [], description: null, descriptionLinks: [] };
  }
  // A label: emphasised text, or text ending in a colon or dash, before the first link.
  const prefixPieces = pieces.slice(0, firstLink) as { kind: 'text'; text: string; strong: boolean }[];
  const prefixAll = prefixPieces.map((p) => p.text).join('');
  let label: string | null = null;
  let prefix = '';
  const strongLead = prefixPieces.find((p) => p.text.trim() !== '');
  if (strongLead?.strong) {
    label = cleanLabel(strongLead.text);
    prefix = collapse(prefixPieces.slice(prefixPieces.indexOf(strongLead) + 1).map((p) => p.text).join(''));
    prefix = prefix.replace(LEADING_SEPARATORS, '');
  } else if (/[:–—]\s*$|\s-\s*$/u.test(prefixAll) && collapse(prefixAll).length > 0) {
    label = cleanLabel(prefixAll);
  } else {
    prefix = collapse(prefixAll);
  }
  const resources: LinkNode[] = [(pieces[firstLink] as { node: LinkNode }).node];
  const descriptionLinks: LinkNode[] = [];
  let between: string[] = [];
  let inDescription = false;
  const after: string[] = [];
  for (const piece of pieces.slice(firstLink + 1)) {
    if (inDescription) {
      if (piece.kind === 'link') {
        descriptionLinks.push(piece.node);
        after.push(plainText(piece.node as TreeNode));
      } else after.push(piece.text);
    } else if (piece.kind === 'text') {
      between.push(piece.text);
    } else if (SEPARATOR_ONLY.test(collapse(between.join('')))) {
      resources.push(piece.node);
      between = [];
    } else {
      inDescription = true;
      after.push(...between, plainText(piece.node as TreeNode));
      descriptionLinks.push(piece.node);
    }
  }
  if (!inDescription) after.push(...between);
  const text = collapse(after.join(''));
  const description = SEPARATOR_ONLY.test(text) ? null : text.replace(LEADING_SEPARATORS, '').trim() || null;
  return { label, prefix, resources, description, descriptionLinks };
}

function cleanLabel(text: string): string | null {
  const label = collapse(text).replace(TRAILING_SEPARATORS, '').replace(/^[\s:–—-]+/u, '');
  return label || null;
}
