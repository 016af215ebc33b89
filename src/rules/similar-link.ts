import { defineRule } from '../lint/rule.js';
import { isLetterOrDigit } from '../util/chars.js';
import { normalizeUrl, parseUrl } from '../util/url.js';
import { DESCRIPTION_LINKS_OPTION, listedLinks, type ListedLink } from './listed-links.js';

/**
 * Titles compare equal regardless of case, punctuation and spacing; "#", "+" and a "." inside a
 * name stay, so "C", "C#", "C++" and ".NET" remain four titles. The same as
 * `.replace(/\.(?![\p{L}\p{N}])/gu, ' ').replace(/[^\p{L}\p{N}#+.]+/gu, ' ').trim()` on the NFKC,
 * lower-case title (a test holds them equal), without compiling those two expressions at start-up.
 */
export function normalizeTitle(title: string): string {
  const chars = [...title.normalize('NFKC').toLowerCase()];
  let out = '';
  let gap = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    // A "." stays only before a letter or digit: inside a name (".NET", "Node.js"), not at a sentence's end.
    const kept = ch === '.' ? i + 1 < chars.length && isLetterOrDigit(chars[i + 1]!) : ch === '#' || ch === '+' || isLetterOrDigit(ch);
    if (kept) {
      if (gap && out !== '') out += ' ';
      out += ch;
      gap = false;
    } else gap = true;
  }
  return out;
}

/** A path segment that names a version: 3, 1.5.x, v2, py3, latest, stable. */
const VERSION = /^(?:v?\d+(?:[._]\d+)*(?:[._]x)?|py\d+|latest|stable|dev|current)$/iu;

/** Two URLs of one document in two versions (pymotw.com/2/ and pymotw.com/3/): listed apart on purpose. */
export function differOnlyInVersion(a: string, b: string): boolean {
  const ua = parseUrl(a);
  const ub = parseUrl(b);
  if (!ua || !ub) return false;
  const sa = ua.pathname.split('/');
  const sb = ub.pathname.split('/');
  if (sa.length !== sb.length) return false;
  let versions = 0;
  for (let i = 0; i < sa.length; i++) {
    if (sa[i] === sb[i]) continue;
    if (!VERSION.test(sa[i]!) || !VERSION.test(sb[i]!)) return false;
    versions++;
  }
  return versions > 0;
}

/**
 * Two links with the same title on the same host but different URLs: probably one resource twice.
 * Not on code and package hosts, where different paths are different projects, nor between
 * versions of one document.
 */
export interface SimilarLinkOptions {
  /** Also compare the links inside descriptions. */
  descriptionLinks: boolean;
}

export default defineRule<SimilarLinkOptions>({
  meta: {
    id: 'similar-link',
    type: 'suggestion',
    docs: { description: 'Two links with the same title on the same host but different URLs, outside code and package hosts', tags: ['links', 'policy'] },
    defaultSeverity: 'warn',
    fixable: false,
    schema: { type: 'object', additionalProperties: false, properties: { descriptionLinks: DESCRIPTION_LINKS_OPTION } },
    defaultOptions: { descriptionLinks: false },
    messages: {
      similar: '"{{title}}" links to {{url}}, but the same title links to {{firstUrl}} at line {{firstLine}}: one resource, two URLs?',
      sameTitle: 'same title here',
    },
  },
  create({ doc, options, report }) {
    const seen = new Map<string, ListedLink>();
    for (const link of listedLinks(doc, options.descriptionLinks)) {
      if (!link.host) continue;
      const path = parseUrl(link.url)?.pathname ?? '/';
      if (doc.registry.openAreaOf(link.host, path) !== null) continue;
      const key = `${link.host.replace(/^www\./u, '')}:${normalizeTitle(link.title)}`;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, link);
        continue;
      }
      if (normalizeUrl(earlier.url) === normalizeUrl(link.url)) continue; // duplicate-link's case
      if (differOnlyInVersion(earlier.url, link.url)) continue;
      report({
        messageId: 'similar',
        data: { title: link.title, url: link.url, firstUrl: earlier.url, firstLine: earlier.line },
        node: link.node,
        related: { messageId: 'sameTitle', node: earlier.node },
        key,
      });
    }
  },
});
