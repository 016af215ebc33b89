/**
 * The safety stage, between repair and extraction: every link target a reader or a program could
 * be hurt by (any scheme but http, https and mailto: javascript:, data:, vbscript:, file:, …) is
 * neutralised in the tree to "#", so no output (JSON, CSV, cleaned Markdown) carries it, whatever
 * the rules' settings. Each neutralisation is also a source edit of the same length on the same
 * lines, so the cleaned Markdown parses back to the same model, and is recorded with the original
 * URL for the unsafe-url rule to report.
 */
import type { Definition, Html, Image, Link, Nodes, Parents, Root, Text } from 'mdast';
import { walkTree } from '../model/walk.js';
import { isSafeUrl, NEUTRALISED_URL } from '../util/url.js';
import { decodeAttribute } from './link-targets.js';

export interface NeutralisedLink {
  /** The URL as the document wrote it (HTML character references decoded). */
  url: string;
  kind: 'link' | 'image' | 'definition' | 'html';
  /** Source offsets of the link (or the HTML attribute). */
  start: number;
  end: number;
}

export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

const ATTRIBUTE = /\b(?:href|src|action|formaction|xlink:href|poster|data)[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/giu;

/** The same length and line breaks as `text`, reading "#" followed by spaces. */
function blanked(text: string): string {
  let first = true;
  let out = '';
  for (const ch of text) {
    if (ch === '\n' || ch === '\r') out += ch;
    else if (first) {
      out += NEUTRALISED_URL;
      first = false;
      // A surrogate pair is two units: keep the length.
      if (ch.length === 2) out += ' ';
    } else out += ' '.repeat(ch.length);
  }
  return out;
}

export interface SafetyResult {
  neutralised: NeutralisedLink[];
  edits: SourceEdit[];
}

export function neutraliseUnsafeLinks(tree: Root, source: string): SafetyResult {
  const neutralised: NeutralisedLink[] = [];
  const edits: SourceEdit[] = [];
  const replacements: { parent: Parents; node: Nodes; text: Text }[] = [];
  walkTree(tree, (node, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const n = node as Link | Image | Definition;
      if (isSafeUrl(n.url)) return;
      neutralised.push({ url: n.url, kind: n.type, start, end });
      n.url = NEUTRALISED_URL;
      const raw = source.slice(start, end);
      if (n.type === 'link' && raw.startsWith('<') && parent) {
        // An autolink: its text is the URL. It becomes plain text of the same length.
        const text: Text = { type: 'text', value: `<${blanked(raw.slice(1, -1))}>`, ...(n.position ? { position: n.position } : {}) };
        replacements.push({ parent, node: n, text });
        edits.push({ start, end, text: text.value });
        return false;
      }
      // The destination (and any title): after "](" for links and images, after "]:" for definitions.
      const marker = n.type === 'definition' ? ']:' : '](';
      const lastChild = n.type === 'link' ? n.children.at(-1)?.position?.end.offset : undefined;
      const at = source.indexOf(marker, lastChild ?? start);
      if (at < 0 || at >= end) return;
      let from = at + 2;
      while (from < end && (source[from] === ' ' || source[from] === '\t')) from++;
      let to = n.type === 'definition' ? end : end - 1;
      // Only the destination's own line: a title on the next line stays a title.
      const newline = source.slice(from, to).search(/[\r\n]/u);
      if (newline >= 0) to = from + newline;
      if (to > from) edits.push({ start: from, end: to, text: blanked(source.slice(from, to)) });
    } else if (node.type === 'html') {
      const html = node as Html;
      const exact = source.slice(start, end) === html.value;
      let value = html.value;
      for (const m of html.value.matchAll(ATTRIBUTE)) {
        const raw = m[1] ?? m[2] ?? m[3] ?? '';
        const url = decodeAttribute(raw);
        if (isSafeUrl(url)) continue;
        const valueEnd = m.index + m[0].length - (m[3] === undefined ? 1 : 0);
        const valueStart = valueEnd - raw.length;
        neutralised.push({ url, kind: 'html', start: exact ? start + m.index : start, end: exact ? start + m.index + m[0].length : end });
        const replacement = raw.length > 0 ? blanked(raw) : raw;
        value = value.slice(0, valueStart) + replacement + value.slice(valueEnd);
        if (exact) edits.push({ start: start + valueStart, end: start + valueEnd, text: replacement });
      }
      html.value = value;
    }
  });
  for (const { parent, node, text } of replacements) {
    const children = parent.children as Nodes[];
    children[children.indexOf(node)] = text;
  }
  return { neutralised, edits };
}
