import { defineRule } from '../lint/rule.js';
import { resourcesOf } from '../model/walk.js';
import { analyzeUrl, judgeOfficial } from '../policy/match.js';
import { normalizeUrl } from '../util/url.js';

/**
 * Words in a link text that present it as the technology's own documentation. "non-official",
 * "unofficial" and "not official" say the opposite.
 */
const CLAIM_WORDS = /(?<![\p{L}\p{N}_-])(?:official|docs|documentation|reference|manual)(?![\p{L}\p{N}_])/iu;
const DISCLAIMS = /\b(?:not\s+(?:an?\s+)?official|unofficial|non-?official)\b/iu;

export function claimsToBeOfficial(title: string): boolean {
  return CLAIM_WORDS.test(title) && !DISCLAIMS.test(title);
}

export interface OfficialClaimOptions {
  groupLabels: boolean;
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
      },
    },
    defaultOptions: { groupLabels: false },
    messages: {
      claimsOfficial: '"{{title}}" reads as official {{claimed}} documentation, but {{host}} is {{actual}}',
      markedOfficial: '"{{title}}" is marked @official@, but {{host}} is {{actual}}, not for {{claimed}}',
      listedUnder: '"{{title}}" is listed under "{{group}}", but {{host}} is {{actual}}, not for {{claimed}}',
    },
  },
  create({ doc, options, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    const registry = doc.registry;
    // A document that marks its links (roadmap.sh) says with the marker what it calls official.
    const marked = [...resourcesOf(roadmap)].some(({ resource }) => resource.declaredKind !== null);
    for (const { resource } of resourcesOf(roadmap)) {
      const messageId =
        resource.declaredKind === 'official'
          ? 'markedOfficial'
          : marked
            ? null
            : claimsToBeOfficial(resource.title)
              ? 'claimsOfficial'
              : options.groupLabels && resource.group !== null && registry.technologiesNamedIn(resource.group).length > 0
                ? 'listedUnder'
                : null;
      if (messageId === null) continue;
      // A look-alike host is confusable-host's finding, whatever the link claims.
      if (analyzeUrl(resource.url, registry).problems.includes('lookalike')) continue;
      // In a topic file the label is the topic its H1 names.
      const label = resource.group ?? (marked ? roadmap.title : null);
      const judgement = judgeOfficial({ url: resource.url, title: resource.title, label }, registry);
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
        data: { title: resource.title, group: resource.group ?? '', host: resource.host ?? resource.url, actual, claimed },
        node: resourceNodes.get(resource)!,
        key: `${claimed}:${normalizeUrl(resource.url) ?? resource.url}`,
      });
    }
  },
});
