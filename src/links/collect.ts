/**
 * Every http(s) link of a processed document, where it is, and where its URL is written: links
 * in resources, in descriptions and in prose, autolinks, and link reference definitions (a
 * reference link's URL is written in its definition, so that is what is checked and fixed).
 * `#anchors` and relative links are not fetched; the url rules check those.
 */
import type { Definition, Link, Nodes } from 'mdast';
import { walkTree } from '../model/walk.js';
import type { ProcessedDocument } from '../pipeline/process.js';

export interface LinkOccurrence {
  /** The URL as the tree has it (after Markdown unescaping). */
  url: string;
  /** The node to report at: the link, or the definition. */
  node: Link | Definition;
  start: number;
  end: number;
  /** Offset of the URL's text in the source, or null when the source spells it differently (escapes, entities). */
  urlOffset: number | null;
  /** True when the link is a resource the registry classifies as official (or a definition one uses). */
  official: boolean;
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//iu.test(url.trim()) && URL.canParse(url.trim());
}

function offsets(node: Nodes): { start: number; end: number } | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** Where the URL is written inside the node's source, or null. */
function urlOffsetIn(source: string, node: Link | Definition, start: number, end: number): number | null {
  let from = start;
  if (node.type === 'definition') {
    const label = source.indexOf(']:', start);
    if (label < 0 || label >= end) return null;
    from = label + 2;
  } else if (source[start] === '[') {
    // [text](url): the destination comes after the text, so a URL written as the text is not it.
    const last = node.children.at(-1);
    const textEnd = last ? offsets(last)?.end : undefined;
    from = source.indexOf('](', textEnd ?? start);
    if (from < 0 || from >= end) return null;
  }
  const at = source.indexOf(node.url, from);
  return at >= 0 && at + node.url.length <= end ? at : null;
}

export function collectLinks(doc: ProcessedDocument): LinkOccurrence[] {
  const officialNodes = new Set<Nodes>();
  const officialIds = new Set<string>();
  for (const [resource, node] of doc.extraction.resourceNodes) {
    if (!resource.official) continue;
    officialNodes.add(node);
    if (node.type === 'linkReference') officialIds.add(node.identifier.toLowerCase());
  }
  const out: LinkOccurrence[] = [];
  walkTree(doc.tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    if (!isHttpUrl(node.url)) return;
    const at = offsets(node);
    if (!at) return;
    out.push({
      url: node.url.trim(),
      node,
      ...at,
      urlOffset: urlOffsetIn(doc.source, node, at.start, at.end),
      official: node.type === 'link' ? officialNodes.has(node) : officialIds.has(node.identifier.toLowerCase()),
    });
  });
  return out;
}
