/**
 * mdast -> Roadmap. Reads the shapes curated link documents use:
 *
 *   # Title                                  -> title
 *   ## 3. **Databases**                      -> section 3, "Databases"
 *   Intro paragraph                          -> section intro
 *   * [Title](url)                           -> resource
 *   * [Title](url) — Description.            -> resource with description
 *   * **Python** — [Python Docs](url)        -> resource in group "Python"
 *   * **Node.js**: [A](u) | [B](v)           -> two resources in group "Node.js"
 *   * **Udemy**:  + nested list of links     -> group "Udemy"
 *   1. Step without a link                   -> note
 *   * [Contents](#databases)                 -> internal link
 *
 * Nothing is dropped silently: every link node ends up as a resource or an internal link, or is
 * reported as an issue naming its line (a link in a paragraph, a heading, a table, or a list item
 * shape that is not understood).
 */
import GithubSlugger from 'github-slugger';
import type {
  Definition,
  Heading,
  Link,
  LinkReference,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
} from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { hostOf } from '../util/url.js';
import {
  SCHEMA_VERSION,
  type Group,
  type InternalLink,
  type Resource,
  type ResourceKind,
  RESOURCE_KINDS,
  type Roadmap,
  type Section,
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
  declaredKind: ResourceKind | null;
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

/** A link extraction could not file as a resource: the rule that reports it, its message id and data. */
export type ExtractIssue =
  | { ruleId: 'stray-link'; messageId: 'beforeFirstSection'; data: { text: string; url: string }; node: Nodes }
  | { ruleId: 'stray-link'; messageId: 'outsideList'; data: { text: string; url: string; where: string }; node: Nodes }
  | { ruleId: 'unrecognized-item'; messageId: 'unrecognizedItem'; data: { text: string; url: string; where: string }; node: Nodes };

export interface SectionSource {
  heading: Heading;
  /** What follows the number: ".", ")", "-", "—" or ":"; null when unnumbered. */
  numberFormat: string | null;
}

export interface Extraction {
  roadmap: Roadmap;
  issues: ExtractIssue[];
  titleNode: Heading;
  /** Parallel to roadmap.sections. */
  sectionSources: SectionSource[];
  /** The link node each resource came from. */
  resourceNodes: Map<Resource, Link | LinkReference>;
  /** The link node each internal link came from. */
  internalLinkNodes: Map<InternalLink, Link | LinkReference>;
}

export class ExtractError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

const OFFICIAL_PROMISE = /\bofficial\b[\s\w-]{0,20}\bonly\b|\bonly\b[\s\w-]{0,12}\bofficial\b/i;

/** Does a title promise official resources only? ("Official Resources Only", "official only", "Only official links") */
export function titlePromisesOfficialOnly(title: string): boolean {
  return OFFICIAL_PROMISE.test(title);
}

const NUMBERED = /^(\d{1,4})(\.|\)|\s*[-–—:])\s+(.*)$/su;
const SEPARATOR_ONLY = /^[\s|,;·•/–—-]*(?:(?:and|or|&)[\s|,;·•/–—-]*)?$/iu;
const LEADING_SEPARATORS = /^[\s:–—|,;-]+/u;
/** Separators at the end; the lookbehind starts a match only where a run starts, so it is linear. */
const TRAILING_SEPARATORS = /(?<![\s:–—-])[\s:–—-]+$/u;
const MARKER = /^\s*@([a-z]+)@\s*/iu;

const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();
const lineOf = (node: Nodes): number => node.position?.start.line ?? 1;

type LinkNode = Link | LinkReference;

export function extractRoadmap(tree: Root, options: ExtractOptions): Extraction {
  const definitions = new Map<string, Definition>();
  visitParents(tree, 'definition', (node: Definition) => {
    const id = node.identifier.toLowerCase();
    if (!definitions.has(id)) definitions.set(id, node);
  });
  const urlOf = (node: LinkNode): string | null =>
    node.type === 'link' ? node.url : (definitions.get(node.identifier.toLowerCase())?.url ?? null);

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
  const internalLinks: InternalLink[] = [];
  const internalLinkNodes = new Map<InternalLink, LinkNode>();
  const addInternal = (link: LinkNode, url: string): void => {
    const internal = { text: collapse(toString(link)), target: url, line: lineOf(link), column: columnOf(link) };
    internalLinks.push(internal);
    internalLinkNodes.set(internal, link);
  };
  const slugger = new GithubSlugger();

  let titleNode: Heading | null = null;
  const description: string[] = [];
  let section: Section | null = null;
  /** Identity of the label the last resource was filed under, to keep neighbours in one group. */
  let groupKey: object | null = null;

  const fileResource = (link: LinkNode, label: string | null, key: object, itemDescription: string | null): void => {
    const url = urlOf(link)!;
    consumed.add(link);
    if (url.startsWith('#')) {
      addInternal(link, url);
      return;
    }
    if (!section) {
      issues.push({ ruleId: 'stray-link', messageId: 'beforeFirstSection', data: { text: collapse(toString(link)), url }, node: link });
      return;
    }
    let title = collapse(toString(link));
    let declaredKind: ResourceKind | null = null;
    const marker = MARKER.exec(title);
    if (marker && (RESOURCE_KINDS as readonly string[]).includes(marker[1]!.toLowerCase())) {
      declaredKind = marker[1]!.toLowerCase() as ResourceKind;
      title = title.slice(marker[0].length);
    }
    const host = hostOf(url);
    const c = classify({ url, host, title, group: label, declaredKind });
    const resource: Resource = {
      title,
      url,
      host,
      description: itemDescription,
      group: label,
      kind: c.kind,
      official: c.official,
      technology: c.technology,
      declaredKind,
      line: lineOf(link),
      column: columnOf(link),
    };
    let group: Group | undefined = section.groups[section.groups.length - 1];
    if (!group || groupKey !== key) {
      group = { label, line: label === null ? resource.line : lineOf(link), resources: [] };
      section.groups.push(group);
      groupKey = key;
    }
    group.resources.push(resource);
    resourceNodes.set(resource, link);
  };

  const UNLABELLED = {};

  const readItem = (item: ListItem, ordinal: number | null, inherited: { label: string | null; key: object }): void => {
    const [first, ...rest] = item.children;
    let context = inherited;
    if (first?.type === 'paragraph') {
      const parsed = readParagraph(first);
      if (parsed.links.length > 0) {
        const label = parsed.label ?? inherited.label;
        const key = parsed.label !== null ? item : inherited.key;
        for (const { link, description: d } of parsed.links) fileResource(link, label, key, d);
        context = { label, key };
      } else if (rest.some((c) => c.type === 'list')) {
        // "**Udemy**:" over a nested list: the paragraph is the label of what follows.
        const label = parsed.label ?? (collapse(toString(first)).replace(TRAILING_SEPARATORS, '') || null);
        context = { label: label ?? inherited.label, key: label !== null ? item : inherited.key };
        groupKey = null;
        if (label !== null && section) {
          section.groups.push({ label, line: lineOf(first), resources: [] });
          groupKey = item;
        }
      } else if (section) {
        const text = collapse(toString(item));
        if (text) section.notes.push({ text, ordinal, line: lineOf(item) });
      }
    }
    for (const child of first?.type === 'paragraph' ? rest : item.children) {
      if (child.type === 'list') readList(child, context);
    }
  };

  const readList = (list: List, inherited: { label: string | null; key: object }): void => {
    list.children.forEach((item, i) => {
      const ordinal = list.ordered ? (list.start ?? 1) + i : null;
      readItem(item, ordinal, inherited);
    });
  };

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = collapse(toString(node));
      if (node.depth === 1 && titleNode === null) {
        titleNode = node;
        slugger.slug(text);
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
        intro: null,
        groups: [],
        notes: [],
      };
      groupKey = null;
      sections.push(section);
      sectionSources.push({
        heading: node,
        numberFormat: numbered ? numbered[2]!.trim() : null,
      });
      continue;
    }
    if (node.type === 'paragraph') {
      const text = collapse(toString(node));
      if (!text) continue;
      if (!section) description.push(text);
      else if (section.groups.length === 0 && section.notes.length === 0) {
        section.intro = section.intro === null ? text : `${section.intro}\n\n${text}`;
      } else section.notes.push({ text, ordinal: null, line: lineOf(node) });
      continue;
    }
    if (node.type === 'list') {
      groupKey = null;
      readList(node, { label: null, key: UNLABELLED });
      groupKey = null;
    }
  }

  if (titleNode === null) {
    const firstHeading = tree.children.find((n): n is Heading => n.type === 'heading');
    throw new ExtractError(
      firstHeading
        ? `no H1 title: the first heading is level ${firstHeading.depth}`
        : 'no H1 title: the document has no "# Title" heading',
      firstHeading ? lineOf(firstHeading) : 1,
    );
  }

  // The safety net: every link is a resource, an internal link, or an issue.
  visitParents(tree, (node, ancestors) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    const link = node as LinkNode;
    if (consumed.has(link)) return 'skip';
    const url = urlOf(link);
    if (url === null) return;
    if (url.startsWith('#')) {
      consumed.add(link);
      addInternal(link, url);
      return 'skip';
    }
    const where = describePlace(ancestors as Nodes[]);
    const inItem = ancestors.some((a) => a.type === 'listItem');
    const data = { text: collapse(toString(link)), url, where };
    issues.push(
      inItem
        ? { ruleId: 'unrecognized-item', messageId: 'unrecognizedItem', data, node: link }
        : { ruleId: 'stray-link', messageId: 'outsideList', data, node: link },
    );
    return 'skip';
  });
  internalLinks.sort((a, b) => a.line - b.line || a.column - b.column);
  issues.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
  // A label over a nested list with no links in it leaves an empty group behind.
  for (const s of sections) s.groups = s.groups.filter((g) => g.resources.length > 0);

  const title = collapse(toString(titleNode));
  const groups = sections.reduce((n, s) => n + s.groups.length, 0);
  const resources = sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.resources.length, 0), 0);
  const roadmap: Roadmap = {
    schemaVersion: SCHEMA_VERSION,
    document: options.document,
    source: options.source,
    title,
    description: description.length > 0 ? description.join('\n\n') : null,
    officialOnly: options.officialOnly ?? titlePromisesOfficialOnly(title),
    sections,
    internalLinks,
    counts: {
      sections: sections.length,
      numberedSections: sections.filter((s) => s.number !== null).length,
      groups,
      resources,
      notes: sections.reduce((n, s) => n + s.notes.length, 0),
    },
  };
  return { roadmap, issues, titleNode, sectionSources, resourceNodes, internalLinkNodes };
}

function describePlace(ancestors: Nodes[]): string {
  const parent = [...ancestors].reverse().find((a) => a.type !== 'strong' && a.type !== 'emphasis' && a.type !== 'delete');
  switch (parent?.type) {
    case 'heading':
      return 'a link in a heading';
    case 'paragraph': {
      const grand = ancestors[ancestors.indexOf(parent) - 1];
      if (grand?.type === 'listItem') return 'a link in a later paragraph of the item';
      if (grand?.type === 'blockquote') return 'a link in a block quote';
      return 'a link in a paragraph';
    }
    case 'tableCell':
      return 'a link in a table';
    default:
      return `a link inside ${parent?.type ?? 'the document'}`;
  }
}

interface ParsedParagraph {
  label: string | null;
  links: { link: LinkNode; description: string | null }[];
}

/** Split a list item's first paragraph into an optional label, links and their descriptions. */
function readParagraph(paragraph: Paragraph): ParsedParagraph {
  // Flatten emphasis around links ("**[Docs](u)**") but keep a bold label as one piece.
  const pieces: ({ kind: 'link'; node: LinkNode } | { kind: 'text'; text: string; strong: boolean })[] = [];
  const walk = (nodes: PhrasingContent[], strong: boolean): void => {
    for (const n of nodes) {
      if (n.type === 'link' || n.type === 'linkReference') pieces.push({ kind: 'link', node: n });
      else if ((n.type === 'strong' || n.type === 'emphasis' || n.type === 'delete') && containsLink(n)) {
        walk(n.children, strong);
      } else {
        pieces.push({ kind: 'text', text: toString(n), strong: strong || n.type === 'strong' || n.type === 'emphasis' });
      }
    }
  };
  walk(paragraph.children, false);
  const firstLink = pieces.findIndex((p) => p.kind === 'link');
  if (firstLink < 0) {
    const lead = pieces.find((p) => p.kind === 'text' && p.text.trim() !== '');
    const label = lead && lead.kind === 'text' && lead.strong ? cleanLabel(lead.text) : null;
    return { label, links: [] };
  }
  // A label: emphasised text, or text ending in a colon or dash, before the first link.
  const prefixPieces = pieces.slice(0, firstLink) as { kind: 'text'; text: string; strong: boolean }[];
  const prefix = prefixPieces.map((p) => p.text).join('');
  let label: string | null = null;
  let prefixText = '';
  const strongLead = prefixPieces.find((p) => p.text.trim() !== '');
  if (strongLead?.strong) {
    label = cleanLabel(strongLead.text);
    prefixText = collapse(prefixPieces.slice(prefixPieces.indexOf(strongLead) + 1).map((p) => p.text).join(''));
    prefixText = prefixText.replace(LEADING_SEPARATORS, '');
  } else if (/[:–—]\s*$|\s-\s*$/u.test(prefix) && collapse(prefix).length > 0) {
    label = cleanLabel(prefix);
  } else {
    prefixText = collapse(prefix);
  }
  const links: ParsedParagraph['links'] = [];
  let between: string[] = [];
  const flush = (): void => {
    const last = links[links.length - 1];
    if (!last) return;
    const text = collapse(between.join(''));
    if (!SEPARATOR_ONLY.test(text)) {
      const d = text.replace(LEADING_SEPARATORS, '').trim();
      if (d) last.description = last.description ? `${last.description} ${d}` : d;
    }
    between = [];
  };
  for (const piece of pieces.slice(firstLink)) {
    if (piece.kind === 'link') {
      flush();
      links.push({ link: piece.node, description: null });
    } else between.push(piece.text);
  }
  flush();
  if (prefixText && links[0]) {
    links[0].description = links[0].description ? `${prefixText} … ${links[0].description}` : prefixText;
  }
  return { label, links };
}

function cleanLabel(text: string): string | null {
  const label = collapse(text).replace(TRAILING_SEPARATORS, '').replace(/^[\s:–—-]+/u, '');
  return label || null;
}

function containsLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  return 'children' in node && (node.children as Nodes[]).some(containsLink);
}
