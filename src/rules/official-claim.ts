import { resourcesOf } from '../model/walk.js';
import { analyzeUrl } from '../policy/match.js';
import { normalizeUrl } from '../policy/url.js';
import { defineRule } from './rule.js';

const SAYS_OFFICIAL = /\bofficial\b/iu;

/**
 * A resource that claims to be official ("Python Official Docs", an @official@ marker, or a group
 * label naming a technology) must be an official source of the technology it names.
 */
export default defineRule<{ groupLabels: boolean }>({
  meta: {
    id: 'official-claim',
    description: 'A link that claims to be official but whose host is not official for the technology it names',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['policy'],
    defaultOptions: { groupLabels: true },
  },
  check({ doc, options, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    const registry = doc.registry;
    for (const { resource } of resourcesOf(roadmap)) {
      const textClaim = SAYS_OFFICIAL.test(resource.title) || resource.declaredKind === 'official';
      const labelNamed = options.groupLabels !== false && resource.group ? registry.technologiesNamedIn(resource.group) : [];
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
      const how = textClaim
        ? resource.declaredKind === 'official' && !SAYS_OFFICIAL.test(resource.title)
          ? 'is marked @official@'
          : 'calls itself official'
        : `is listed under "${resource.group}"`;
      const actual = officialFor.length > 0 ? `official for ${officialFor.map((t) => t.name).join(', ')} only` : 'not an official source';
      report({
        message: `"${resource.title}" ${how}, but ${resource.host ?? resource.url} is ${actual}, not for ${claimed}`,
        node: resourceNodes.get(resource)!,
        fingerprint: `${claimed}:${normalizeUrl(resource.url) ?? resource.url}`,
      });
    }
  },
});
