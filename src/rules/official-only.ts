import { resourcesOf } from '../model/walk.js';
import { analyzeUrl } from '../policy/match.js';
import { normalizeUrl } from '../util/url.js';
import { defineRule } from '../lint/rule.js';

export interface Exemption {
  /** Section number, title or slug. */
  section: number | string;
  reason: string;
}

const PROBLEM_WORDS: Record<string, string> = {
  invalid: 'the URL does not parse',
  'not-web': 'it is not an http(s) URL',
  ip: 'its host is an IP address',
  port: 'it uses a non-default port',
  credentials: 'it hides its real host behind credentials',
  lookalike: 'its host imitates another with look-alike letters',
};

/** When a document promises official resources only, every resource must be an official source. */
export interface OfficialOnlyOptions {
  exempt: readonly Exemption[];
}

export default defineRule<OfficialOnlyOptions>({
  meta: {
    id: 'official-only',
    type: 'problem',
    docs: { description: 'A resource that is not an official source, in a document that promises official resources only', tags: ['policy'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exempt: {
          description: 'Sections whose resources need not be official, each with the reason.',
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['section', 'reason'],
            properties: {
              section: { description: 'Section number, title or slug.', type: ['integer', 'string'] },
              reason: { description: 'Why the section is exempt.', type: 'string', minLength: 3 },
            },
          },
        },
      },
    },
    defaultOptions: { exempt: [] },
    messages: {
      notOfficial: '"{{title}}" in {{where}} is not an official source: {{detail}}. The document promises official resources only',
    },
  },
  create({ doc, options, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    if (!roadmap.officialOnly) return;
    const exempt = options.exempt.map((e) => (typeof e.section === 'number' ? e.section : e.section.toLowerCase()));
    for (const { section, resource } of resourcesOf(roadmap)) {
      if (resource.official) continue;
      if (
        exempt.some((e) => e === section.number || e === section.slug || e === section.title.toLowerCase())
      ) {
        continue;
      }
      const analysis = analyzeUrl(resource.url, doc.registry);
      const why = analysis.problems.map((p) => PROBLEM_WORDS[p]).filter(Boolean);
      const host = resource.host ?? resource.url;
      const detail = why.length > 0 ? why.join('; ') : `${host} is not in the official-source registry (kind: ${resource.kind})`;
      const where = section.number !== null ? `section ${section.number}` : `"${section.title}"`;
      report({
        messageId: 'notOfficial',
        data: { title: resource.title, where, detail },
        node: resourceNodes.get(resource)!,
        key: normalizeUrl(resource.url) ?? resource.url,
      });
    }
  },
});
