import { resourcesOf } from '../model/walk.js';
import { analyzeUrl } from '../policy/match.js';
import { normalizeUrl } from '../policy/url.js';
import { defineRule } from './rule.js';

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
export default defineRule<{ exempt: Exemption[] }>({
  meta: {
    id: 'official-only',
    description: 'A resource that is not an official source, in a document that promises official resources only',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['policy'],
    defaultOptions: { exempt: [] },
  },
  check({ doc, options, report }) {
    const { roadmap, resourceNodes } = doc.extraction;
    if (!roadmap.officialOnly) return;
    const exempt = (options.exempt ?? []).map((e) => (typeof e.section === 'number' ? e.section : e.section.toLowerCase()));
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
        message: `"${resource.title}" in ${where} is not an official source: ${detail}. The document promises official resources only`,
        node: resourceNodes.get(resource)!,
        fingerprint: normalizeUrl(resource.url) ?? resource.url,
      });
    }
  },
});
