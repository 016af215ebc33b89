import { defineRule } from '../lint/rule.js';

/** Text that was UTF-8 read in a single-byte code page ("â€”" for "—"). */
export default defineRule({
  meta: {
    id: 'mojibake',
    type: 'problem',
    docs: { description: 'Mis-decoded text (mojibake) such as "â€”" for "—" in headings and prose', tags: ['encoding'] },
    defaultSeverity: 'error',
    fixable: true,
    schema: null,
    defaultOptions: {},
    messages: {
      mojibake: 'Mojibake "{{original}}" should be "{{replacement}}" ({{path}})',
      mojibakeByEvidence: 'Mojibake "{{original}}" should be "{{replacement}}" ({{path}}, judged from the rest of the document)',
    },
  },
  create({ doc, report }) {
    for (const r of doc.repairs) {
      const data = { original: r.original, replacement: r.replacement, path: r.path };
      report({
        messageId: r.basis === 'document' ? 'mojibakeByEvidence' : 'mojibake',
        data,
        start: r.start,
        end: r.end,
        fix: {
          description: `Replace "${r.original}" with "${r.replacement}"`,
          edits: [{ offset: r.start, deleteCount: r.end - r.start, insert: r.replacement }],
        },
        key: `${r.original}->${r.replacement}`,
      });
    }
  },
});
