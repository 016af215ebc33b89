/**
 * Every URL a document points at, wherever it stands: links and images in lists, prose, headings,
 * tables and quotes, link reference definitions, and href/src attributes in raw HTML. The URL rules
 * share this list, and the cleaned Markdown neutralises the unsafe ones in it.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Definition, Html, Image, Link } from 'mdast';
import { walkTree } from '../model/walk.js';
import type { ProcessedDocument } from './process.js';

export interface LinkTarget {
  url: string;
  kind: 'link' | 'image' | 'definition' | 'html';
  node: Link | Image | Definition | Html;
  /** Source offsets of the URL's place (the node, or the attribute inside raw HTML). */
  start: number;
  end: number;
  /** For an HTML attribute whose place is exact: the offsets of its value (inside any quotes). */
  valueStart: number | null;
  valueEnd: number | null;
}

const ATTRIBUTE = /\b(?:href|src|action|formaction|xlink:href|poster|data)[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/giu;
const REFERENCE = /&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|([a-z][a-z0-9]{0,31}));?/giu;

/** Decode the character references of an HTML attribute value (what a browser would see). */
export function decodeAttribute(value: string): string {
  return value.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const decoded = decodeNamedCharacterReference(name);
      return decoded === false ? whole : decoded;
    }
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

const cache = new WeakMap<ProcessedDocument, LinkTarget[]>();

export function linkTargets(doc: ProcessedDocument): LinkTarget[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const out: LinkTarget[] = [];
  walkTree(doc.tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      out.push({ url: node.url, kind: node.type, node, start, end, valueStart: null, valueEnd: null });
    } else if (node.type === 'html') {
      // Exact places when the node's value is its source text (not inside a quote or list prefix).
      const exact = doc.source.slice(start, end) === node.value;
      for (const m of node.value.matchAll(ATTRIBUTE)) {
        const raw = m[1] ?? m[2] ?? m[3] ?? '';
        const at = exact ? start + m.index : start;
        const closing = m[3] === undefined ? 1 : 0;
        const valueEnd = exact ? at + m[0].length - closing : null;
        out.push({
          url: decodeAttribute(raw),
          kind: 'html',
          node,
          start: at,
          end: exact ? at + m[0].length : end,
          valueStart: valueEnd === null ? null : valueEnd - raw.length,
          valueEnd,
        });
      }
    }
  });
  cache.set(doc, out);
  return out;
}

export { schemeOf } from '../util/url.js';

/** localhost, 127.x.x.x and [::1]: example addresses in documentation, not public resources. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/u.test(host);
}
