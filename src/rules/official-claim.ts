import { defineRule } from '../lint/rule.js';
import { resourcesOf } from '../model/walk.js';
import { analyzeUrl, judgeOfficial } from '../policy/match.js';
import type { Registry } from '../policy/registry.js';
import { codePointAt, codePointBefore, continuesWord } from '../util/chars.js';
import { normalizeUrl } from '../util/url.js';
import { DESCRIPTION_LINKS_OPTION, listedLinks } from './listed-links.js';

const MENTIONS_OFFICIAL = /official/i;
const MENTIONS_DOCS_WORD = /doc|reference|manual/i;
const DISCLAIMS = /\b(?:not\s+(?:an?\s+)?official|unofficial|non-?official)\b/iu;
/** Each contains a match of MENTIONS_DOCS_WORD (a test checks the shortcut against the full reading). */
const DOCS_WORDS = new Set(['doc', 'docs', 'documentation', 'reference', 'manual']);
/** Words that may stand between a technology's name and "Docs": "Python Official Docs", "MDN Web Docs". */
const BETWEEN = new Set(['official', 'language', 'api', 'standard', 'library', 'user', "user's", 'online', 'web', 'reference', 'developer', 'developers']);
const VERSION = /^v?\d+(?:\.[\dx]+)*$/iu;
const PUNCTUATION = /^[.!:;,–—-]+$/u;

const WORD = 'official';

/**
 * "official" in any case as a word of its own: not after a letter, a number, `_` or `-`, nor
 * before a letter, a number or `_` (what `/(?<![\p{L}\p{N}_-])official(?![\p{L}\p{N}_])/iu`
 * matches, without compiling its Unicode classes: a millisecond of a start). Only ASCII letters
 * fold to the letters of "official", so comparing ASCII codes with the case bit set is exact.
 */
function saysOfficial(title: string): boolean {
  for (let i = 0; i + WORD.length <= title.length; i++) {
    let k = 0;
    while (k < WORD.length && (title.charCodeAt(i + k) | 0x20) === WORD.charCodeAt(k)) k++;
    if (k < WORD.length) continue;
    if (!continuesWord(codePointBefore(title, i), '_-') && !continuesWord(codePointAt(title, i + WORD.length), '_')) return true;
  }
  return false;
}

/** The words of a title without what trails a name: "(PDF)", "(中文版)", "3.2", ":" and the like. */
function coreWords(title: string): string[] {
  const words = title.replace(/\([^()]*\)/gu, ' ').split(/[\s:–—]+/u).filter((w) => w !== '' && !PUNCTUATION.test(w));
  while (words.length > 0 && VERSION.test(words[words.length - 1]!)) words.pop();
  return words;
}

/**
 * Does a link text present the link as a technology's own documentation? It says "official" (and
 * not "unofficial"), or it is a technology's name followed by "Docs", "Documentation",
 * "Reference" or "Manual" at its end: "Python Docs", "Zig Language Reference", "The Ruby
 * Reference". A book whose title merely contains the word ("Kotlin Quick Reference", "Maven: The
 * Complete Reference", "PHP Reference: Beginner to Intermediate") makes no claim.
 */
export function claimsToBeOfficial(title: string, registry: Registry): boolean {
  // Both expressions need the word; most titles lack it, and then neither is compiled (start-up).
  // Only ASCII letters fold to the letters of "official", so an ASCII test sees every match.
  if (MENTIONS_OFFICIAL.test(title)) {
    if (DISCLAIMS.test(title)) return false;
    if (saysOfficial(title)) return true;
  }
  // The rest needs a docs word at the end; a title with none of them is answered at once. Only
  // ASCII letters lower-case to those words' letters, so an ASCII test sees every one.
  if (!MENTIONS_DOCS_WORD.test(title)) return false;
  const words = coreWords(title);
  if (words.length < 2 || !DOCS_WORDS.has(words[words.length - 1]!.toLowerCase())) return false;
  words.pop();
  while (words.length > 0 && (BETWEEN.has(words[words.length - 1]!.toLowerCase()) || VERSION.test(words[words.length - 1]!))) words.pop();
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    if (registry.technologyNamed(words.slice(-k).join(' ')) !== undefined) return true;
  }
  return false;
}

export interface OfficialClaimOptions {
  groupLabels: boolean;
  /** Also judge the links inside descriptions. */
  descriptionLinks: boolean;
}

/**
 * A link that claims to be official must be official for the technology it is about. The claim is
 * the link text ("Official", "Docs", "Documentation", "Reference", "Manual") or an @official@
 * marker; a group label alone claims nothing unless `groupLabels` is set. The technology comes
 * from the link text first, then the label (in a roadmap.sh topic file, the topic); when neither
 * names one the registry knows, only a marker on a host official for nothing is reported.
 */
export default defineRule<OfficialClaimOptions>({
  meta: {
    id: 'official-claim',
    type: 'problem',
    docs: { description: 'A link that claims to be official but whose host is not official for the technology it is about', tags: ['policy'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        groupLabels: { description: 'Also count a group label that names a technology as a claim.', type: 'boolean' },
        descriptionLinks: DESCRIPTION_LINKS_OPTION,
      },
    },
    defaultOptions: { groupLabels: false, descriptionLinks: false },
    messages: {
      claimsOfficial: '"{{title}}" reads as official {{claimed}} documentation, but {{host}} is {{actual}}',
      markedOfficial: '"{{title}}" is marked @official@, but {{host}} is {{actual}}, not for {{claimed}}',
      listedUnder: '"{{title}}" is listed under "{{group}}", but {{host}} is {{actual}}, not for {{claimed}}',
    },
  },
  create({ doc, options, report }) {
    const { roadmap } = doc.extraction;
    const registry = doc.registry;
    // A document that marks its links (roadmap.sh) says with the marker what it calls official.
    const marked = [...resourcesOf(roadmap)].some(({ resource }) => resource.declaredKind !== null);
    for (const link of listedLinks(doc, options.descriptionLinks)) {
      const { resource } = link;
      const declaredKind = link.inDescription ? null : resource.declaredKind;
      const messageId =
        declaredKind === 'official'
          ? 'markedOfficial'
          : marked
            ? null
            : claimsToBeOfficial(link.title, registry)
              ? 'claimsOfficial'
              : options.groupLabels && resource.group !== null && registry.technologiesNamedIn(resource.group).length > 0
                ? 'listedUnder'
                : null;
      if (messageId === null) continue;
      // A look-alike host is confusable-host's finding, whatever the link claims.
      if (analyzeUrl(link.url, registry).problems.includes('lookalike')) continue;
      // In a topic file the label is the topic its H1 names.
      const label = resource.group ?? (marked ? roadmap.title : null);
      const judgement = judgeOfficial({ url: link.url, title: link.title, label }, registry);
      if (judgement.official) continue;
      const about = messageId === 'listedUnder' ? registry.technologiesNamedIn(resource.group!) : judgement.about;
      // Nothing the registry knows is named: only an explicit marker on a host official for nothing is wrong for sure.
      if (about.length === 0 && (messageId !== 'markedOfficial' || judgement.officialFor.length > 0)) continue;
      // A label asks only that the link be official for something: a framework's docs under its language are fine.
      if (messageId === 'listedUnder' && judgement.officialFor.length > 0) continue;
      const claimed = about[0]?.name ?? 'its subject';
      const actual =
        judgement.officialFor.length > 0 ? `official for ${judgement.officialFor.map((t) => t.name).join(', ')} only` : 'not an official source';
      report({
        messageId,
        data: { title: link.title, group: resource.group ?? '', host: link.host ?? link.url, actual, claimed },
        node: link.node,
        key: `${claimed}:${normalizeUrl(link.url) ?? link.url}`,
      });
    }
  },
});
