import { defineRule } from '../lint/rule.js';

/**
 * Front matter the model cannot keep: YAML or TOML that does not parse, that is not a mapping of
 * keys to values, or that nests past the parser's limit. The document still builds, without the
 * data; the finding sits on the block.
 */
export default defineRule({
  meta: {
    id: 'front-matter',
    type: 'problem',
    docs: { description: 'Front matter that does not parse or is not a mapping, so the model keeps none of its data', tags: ['structure'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: { unusable: '{{problem}} (the model keeps none of its data)' },
  },
  create({ doc, report }) {
    const problem = doc.extraction.frontMatterError;
    const block = doc.tree.children[0];
    if (problem === null || !block || (block.type !== 'yaml' && (block.type as string) !== 'toml')) return;
    report({ messageId: 'unusable', data: { problem: problem.charAt(0).toUpperCase() + problem.slice(1) }, node: block, key: block.type });
  },
});
