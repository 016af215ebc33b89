import { defineRule } from '../lint/rule.js';
import type { ProcessedDocument } from '../pipeline/process.js';
import { normalizeUrl } from '../util/url.js';
import { DESCRIPTION_LINKS_OPTION, listedLinks, type ListedLink } from './listed-links.js';

export interface AllowedDuplicate {
  url: string;
  reason: string;
}

export interface DuplicateLinkOptions {
  /** Where a link must be unique: the document, each section, or all files matched by `files`. */
  scope: 'document' | 'section' | 'files';
  /** Globs (relative to the configuration file) of the documents that share one scope, with scope "files". */
  files: readonly string[];
  /** Treat URLs that differ only in the #fragment as the same resource. */
  ignoreFragment: boolean;
  /** Intentional duplicates, each with a reason. */
  allow: readonly AllowedDuplicate[];
  /** Also compare the links inside descriptions. */
  descriptionLinks: boolean;
}

interface Occurrence {
  doc: ProcessedDocument;
  link: ListedLink;
}

/** The same resource linked twice: the second and later links point back at the first. */
export default defineRule<DuplicateLinkOptions>({
  meta: {
    id: 'duplicate-link',
    type: 'problem',
    docs: { description: 'The same resource linked twice (after URL normalisation), pointing back at the first link', tags: ['links', 'policy'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        scope: {
          description: 'Where links must be unique: the document, each section, or every file matched by files.',
          enum: ['document', 'section', 'files'],
        },
        files: {
          description: 'With scope files: globs, relative to the configuration file, of the documents that share one scope.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        ignoreFragment: { description: 'Treat URLs that differ only in their #fragment as the same.', type: 'boolean' },
        descriptionLinks: DESCRIPTION_LINKS_OPTION,
        allow: {
          description: 'Intentional duplicates, each with a reason.',
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['url', 'reason'],
            properties: {
              url: { description: 'The URL (compared after normalisation).', type: 'string', minLength: 1 },
              reason: { description: 'Why the duplicate is intended.', type: 'string', minLength: 3 },
            },
          },
        },
      },
    },
    defaultOptions: { scope: 'document', files: [], ignoreFragment: false, allow: [], descriptionLinks: false },
    messages: {
      duplicate: 'Duplicate link to {{url}} ("{{title}}"): already linked as "{{firstTitle}}" at line {{firstLine}}',
      duplicateInFile: 'Duplicate link to {{url}} ("{{title}}"): already linked as "{{firstTitle}}" at {{firstFile}}:{{firstLine}}',
      firstLinked: 'first linked here',
    },
    otherFiles: (options) => (options.scope === 'files' ? options.files : []),
  },
  create({ doc, options, others, report }) {
    const normalize = (url: string): string => normalizeUrl(url, { ignoreFragment: options.ignoreFragment }) ?? url;
    const allowed = new Set(options.allow.map((a) => normalize(a.url)));
    const first = new Map<string, Occurrence>();
    if (options.scope === 'files') {
      for (const other of others) {
        for (const link of listedLinks(other, options.descriptionLinks)) {
          const key = normalize(link.url);
          if (!first.has(key)) first.set(key, { doc: other, link });
        }
      }
    }
    for (const link of listedLinks(doc, options.descriptionLinks)) {
      const url = normalize(link.url);
      // An empty target (`[string]()`, common in API docs) links to nothing: not a duplicate of anything.
      if (url === '' || allowed.has(url)) continue;
      const key = options.scope === 'section' ? `${link.section.slug}\u0000${url}` : url;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { doc, link });
        continue;
      }
      const elsewhere = earlier.doc !== doc;
      report({
        messageId: elsewhere ? 'duplicateInFile' : 'duplicate',
        data: { url: link.url, title: link.title, firstTitle: earlier.link.title, firstFile: earlier.doc.path, firstLine: earlier.link.line },
        node: link.node,
        related: { messageId: 'firstLinked', node: earlier.link.node, doc: earlier.doc },
        key: url || '(empty URL)',
      });
    }
  },
});
