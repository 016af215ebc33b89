import { defineRule } from './rule.js';

/** Text that was UTF-8 read in a single-byte code page ("â€”" for "—"). */
export default defineRule({
  meta: {
    id: 'mojibake',
    description: 'Mis-decoded text (mojibake) such as "â€”" for "—" in headings and prose',
    defaultSeverity: 'error',
    fixable: true,
    tags: ['encoding'],
    defaultOptions: {},
  },
  check({ doc, report }) {
    for (const r of doc.repairs) {
      const basis = r.basis === 'document' ? ', judged from the rest of the document' : '';
      report({
        message: `Mojibake "${r.original}" should be "${r.replacement}" (${r.path}${basis})`,
        start: r.start,
        end: r.end,
        fix: {
          description: `Replace "${r.original}" with "${r.replacement}"`,
          edits: [{ offset: r.start, deleteCount: r.end - r.start, insert: r.replacement }],
        },
        fingerprint: `${r.original}->${r.replacement}`,
      });
    }
  },
});
