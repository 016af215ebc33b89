import { resourcesOf } from '../model/walk.js';
import { analyzeUrl } from '../policy/match.js';
import { normalizeUrl } from '../util/url.js';
import { defineRule } from '../lint/rule.js';

const SAYS_OFFICIAL = /\bofficial\b/iu;

/**
 * A resource that claims to be official ("Python Official Docs", an @official@ marker, or a group
 * label naming a technology) must be an official source of the technology it names.
 */
export interface OfficialClaimOptions {
  groupLabels: boolean;
}

export default defineRule<OfficialClaimOptions>({
  meta: {
    id: 'official-claim',
    type: 'problem',
    docs: { description: 'A link that claims to be official but whose host is not official for the technology it names', tags: ['policy'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        groupLabels: { description: 'Count a group label that names a technology as a claim (default true).', type: 'boolean' },
      },
    },
    defaultOptions: { groupLabels: true },
    messages: {
      claimsOfficial: '"{{title}}" calls itself official, but {{host}} is {{actual}}, not for {{claimed}}',
      markedOfficial: '"{{title}}" is marked @official@, but {{host}} is {{actual}}, not for {{claimed}}',
      listedUnder: '"{{title}}" is listed under "{{group}}", but {{host}} is {{actual}}, not for {{claimed}}',
    },
  },
  create({ doc, options, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    const registry = doc.registry;
    for (const { resource } of resourcesOf(roadmap)) {
      const textClaim = SAYS_OFFICIAL.test(resource.title) || resource.declaredKind === 'official';
      const labelNamed = options.groupLabels && resource.group ? registry.technologiesNamedIn(resource.group) : [];
      if (!textClaim && labelNamed.length === 0) continue;
      const officialFor = analyzeUrl(resource.url, registry).technologies;
      const titleNamed = textClaim ? registry.technologiesNamedIn(resource.title) : [];
      let claimed: string | null = null;
      if (textClaim) {
        if (titleNamed.length > 0 && !titleNamed.some((t) => officialFor.includes(t))) claimed = titleNamed[0]!.name;
        else if (titleNamed.length === 0 && officialFor.length === 0) claimed = labelNamed[0]?.name ?? 'its subject';
      } else if (officialFor.length === 0) {
        // Listed under a technology's label: it should at least be official for something.
        claimed = labelNamed[0]!.name;
      }
      if (claimed === null) continue;
      const messageId = textClaim
        ? resource.declaredKind === 'official' && !SAYS_OFFICIAL.test(resource.title)
          ? 'markedOfficial'
          : 'claimsOfficial'
        : 'listedUnder';
      const actual = officialFor.length > 0 ? `official for ${officialFor.map((t) => t.name).join(', ')} only` : 'not an official source';
      report({
        messageId,
        data: { title: resource.title, group: resource.group ?? '', host: resource.host ?? resource.url, actual, claimed },
        node: resourceNodes.get(resource)!,
        key: `${claimed}:${normalizeUrl(resource.url) ?? resource.url}`,
      });
    }
  },
});
