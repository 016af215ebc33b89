import type { Resource, Section } from '../model/types.js';
import { resourcesOf } from '../model/walk.js';
import { normalizeUrl } from '../policy/url.js';
import { defineRule } from './rule.js';

export interface AllowedDuplicate {
  url: string;
  reason: string;
}

export interface DuplicateLinkOptions extends Record<string, unknown> {
  /** Where a link must be unique: the document, each section, or all files matched by `files`. */
  scope: 'document' | 'section' | 'files';
  /** Globs (relative to the configuration file) of the documents that share one scope, with scope "files". */
  files: string[];
  /** Treat URLs that differ only in the #fragment as the same resource. */
  ignoreFragment: boolean;
  /** Intentional duplicates, each with a reason. */
  allow: AllowedDuplicate[];
}

interface Occurrence {
  file: string;
  resource: Resource;
  section: Section;
}

/** The same resource linked twice: the second and later links point back at the first. */
export default defineRule<DuplicateLinkOptions>({
  meta: {
    id: 'duplicate-link',
    description: 'The same resource linked twice (after URL normalisation), pointing back at the first link',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['links', 'policy'],
    defaultOptions: { scope: 'document', files: [], ignoreFragment: false, allow: [] },
    otherFiles: (options) => (options['scope'] === 'files' ? ((options['files'] as string[] | undefined) ?? []) : []),
  },
  check({ doc, options, others, report }) {
    const normalize = (url: string): string => normalizeUrl(url, { ignoreFragment: options.ignoreFragment }) ?? url;
    const allowed = new Set((options.allow ?? []).map((a) => normalize(a.url)));
    const keyOf = (section: Section, url: string): string => (options.scope === 'section' ? `${section.slug}\u0000${url}` : url);
    const first = new Map<string, Occurrence>();
    if (options.scope === 'files') {
      for (const other of others) {
        for (const { section, resource } of resourcesOf(other.roadmap)) {
          const key = normalize(resource.url);
          if (!first.has(key)) first.set(key, { file: other.path, resource, section });
        }
      }
    }
    for (const { section, resource } of resourcesOf(doc.roadmap)) {
      const url = normalize(resource.url);
      if (allowed.has(url)) continue;
      const key = keyOf(section, url);
      const lookup = first.get(key);
      if (!lookup) {
        first.set(key, { file: doc.path, resource, section });
        continue;
      }
      const elsewhere = lookup.file !== doc.path;
      const at = `${elsewhere ? `${lookup.file}:` : 'line '}${lookup.resource.line}`;
      report({
        message: `Duplicate link to ${resource.url} ("${resource.title}"): already linked as "${lookup.resource.title}" at ${at}`,
        node: doc.extraction.resourceNodes.get(resource)!,
        related: {
          message: 'first linked here',
          ...(elsewhere ? { file: lookup.file } : {}),
          line: lookup.resource.line,
          column: lookup.resource.column,
        },
        fingerprint: url,
      });
    }
  },
});
