import { resourcesOf } from '../model/walk.js';
import { analyzeUrl } from '../policy/match.js';
import { defineRule } from '../lint/rule.js';

/** A host spelt with look-alike letters from another script ("nоdejs.org" with a Cyrillic о), or punycode for one. */
export default defineRule({
  meta: {
    id: 'confusable-host',
    type: 'problem',
    docs: { description: 'A host spelt with look-alike letters from another script, imitating another host', tags: ['links', 'security'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { lookalike: 'Host {{host}} imitates {{imitates}} with look-alike letters from another script' },
  },
  create({ doc, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    for (const { resource } of resourcesOf(roadmap)) {
      const a = analyzeUrl(resource.url, doc.registry);
      if (!a.problems.includes('lookalike')) continue;
      const spelt = a.unicodeHost !== a.host ? `${a.unicodeHost} (${a.host})` : `${a.host}`;
      report({
        messageId: 'lookalike',
        data: { host: spelt, imitates: a.imitates ?? '' },
        node: resourceNodes.get(resource)!,
        key: a.host ?? resource.url,
      });
    }
  },
});
