import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineRule } from '../lint/rule.js';
import { safeDecode, schemeTypo } from '../util/url.js';
import { linkTargets, schemeOf } from '../pipeline/link-targets.js';

const WEB_ADDRESS = /^www\.[a-z0-9-]+\.[a-z0-9.-]+(?:\/|$)/iu;

/** The file part of a relative URL ("docs/x.md?plain=1#part" -> "docs/x.md"), decoded. */
function filePart(url: string): string {
  const path = url.replace(/[?#].*$/su, '');
  return safeDecode(path) ?? path;
}

/**
 * A relative link (CONTRIBUTING.md, ./docs/x.md, ../) must lead to a file or folder that exists,
 * next to the document as the reader's browser or the code host resolves it.
 */
export default defineRule({
  meta: {
    id: 'relative-link',
    type: 'problem',
    docs: { description: 'Relative links to files or folders that do not exist beside the document', tags: ['links'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      missing: 'Relative link "{{url}}" leads to {{target}}, which does not exist',
      missingScheme: 'Relative link "{{url}}" looks like a web address without its scheme: write https://{{url}}',
    },
  },
  create({ doc, report }) {
    const base = dirname(doc.path);
    for (const t of linkTargets(doc)) {
      const url = t.url.trim();
      // In-page, protocol-relative and site-root links, and URLs with a scheme, are other rules' business.
      if (url === '' || url.startsWith('#') || url.startsWith('/') || url.startsWith('\\')) continue;
      if (schemeOf(url) !== null || schemeTypo(url) !== null) continue;
      const file = filePart(url);
      if (file === '') continue;
      if (existsSync(resolve(base, file))) continue;
      // "www.example.com/page" is a web address someone forgot to give a scheme.
      const messageId = WEB_ADDRESS.test(file) ? 'missingScheme' : 'missing';
      report({ messageId, data: { url, target: file }, start: t.start, end: t.end, key: url });
    }
  },
});
