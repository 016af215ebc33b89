import { resourcesOf } from '../model/walk.js';
import { analyzeUrl } from '../policy/match.js';
import { defineRule } from './rule.js';

/** A host spelt with look-alike letters from another script ("nоdejs.org" with a Cyrillic о), or punycode for one. */
export default defineRule({
  meta: {
    id: 'confusable-host',
    description: 'A host spelt with look-alike letters from another script, imitating another host',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['links', 'policy'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    for (const { resource } of resourcesOf(roadmap)) {
      const a = analyzeUrl(resource.url, doc.registry);
      if (!a.problems.includes('lookalike')) continue;
      const spelt = a.unicodeHost !== a.host ? `${a.unicodeHost} (${a.host})` : `${a.host}`;
      report({
        message: `Host ${spelt} imitates ${a.imitates} with look-alike letters from another script`,
        node: resourceNodes.get(resource)!,
        fingerprint: a.host ?? resource.url,
      });
    }
  },
});
