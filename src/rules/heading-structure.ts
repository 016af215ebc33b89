import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defineRule } from '../lint/rule.js';
import { walkTree } from '../model/walk.js';

/** Where a document without an H1 got its title (the model's titleSource). */
const TITLE_SOURCE = {
  'front-matter': 'the front matter',
  h1: 'the H1',
  html: 'the leading HTML block',
  heading: 'the first heading',
  file: 'the file name',
} as const;

/** Exactly one H1, and no heading more than one level below the one before it. */
export default defineRule({
  meta: {
    id: 'heading-structure',
    type: 'suggestion',
    docs: { description: 'Exactly one H1 title, and no skipped heading levels', tags: ['structure'] },
    defaultSeverity: 'error',
    fixable: false,
    schema: null,
    defaultOptions: {},
    messages: {
      noTitle: 'No H1 title: the title "{{title}}" is taken from {{source}}',
      emptyTitle: 'The H1 title is empty: give the document a title',
      titleNotFirst: 'The H1 title should be the first heading; "{{text}}" comes before it',
      secondTitle: 'Second H1 "{{text}}": a document has one title (first H1 at line {{titleLine}})',
      theTitle: 'the title',
      skippedLevel: 'Heading level {{depth}} "{{text}}" skips level {{expected}} (after a level {{previous}} heading)',
    },
    // A document without an H1 still builds (its title is guessed from elsewhere): a warning.
    warningMessages: ['noTitle'],
  },
  create({ doc, report }) {
    const headings: Heading[] = [];
    walkTree(doc.tree, (node) => {
      if (node.type === 'heading') headings.push(node);
    });
    const title = doc.extraction.titleNode;
    // A title given in front matter or in a leading HTML block (an awesome list's logo) is meant;
    // one taken from the first heading or the file name is a guess ("Index"), worth a word.
    const guessed = doc.roadmap.titleSource === 'heading' || doc.roadmap.titleSource === 'file';
    if (!title) {
      if (guessed) report({ messageId: 'noTitle', data: { title: doc.roadmap.title, source: TITLE_SOURCE[doc.roadmap.titleSource] }, node: headings[0] ?? doc.tree, key: 'no-h1' });
    } else if (toString(title).trim() === '') {
      report({ messageId: 'emptyTitle', node: title, key: 'empty-h1' });
    }
    if (title && headings[0] !== title) {
      report({ messageId: 'titleNotFirst', data: { text: toString(headings[0]!) }, node: headings[0]!, key: toString(headings[0]!) || '(empty heading)' });
    }
    const firstLine = title?.position?.start.line ?? 1;
    // Without an H1, levels are judged from the first heading: a list that starts at "###" skips nothing.
    let previous = title ? 1 : (headings[0]?.depth ?? 1);
    for (const h of headings) {
      const text = toString(h);
      if (h.depth === 1 && h !== title) {
        report({
          messageId: 'secondTitle',
          data: { text, titleLine: firstLine },
          node: h,
          related: { messageId: 'theTitle', node: title ?? h },
          key: text || '(empty heading)',
        });
      } else if (h.depth > previous + 1 && h !== title) {
        report({ messageId: 'skippedLevel', data: { depth: h.depth, text, expected: previous + 1, previous }, node: h, key: text || '(empty heading)' });
      }
      previous = h.depth;
    }
  },
});
