/**
 * dist/<name>.md: the cleaned document, serialised from the repaired tree with remark-stringify.
 * List bullets and thematic breaks keep the marker the source uses, so the output reads like the
 * original; parsing it again gives the same model.
 */
import type { List, Root, ThematicBreak } from 'mdast';
import remarkStringify, { type Options } from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

function styleOf(tree: Root, source: string): Options {
  let bullet: Options['bullet'];
  let rule: Options['rule'];
  visit(tree, (node) => {
    if (!bullet && node.type === 'list' && !(node as List).ordered) {
      const offset = node.position?.start.offset;
      const ch = offset === undefined ? undefined : source[offset];
      if (ch === '*' || ch === '-' || ch === '+') bullet = ch;
    }
    if (!rule && node.type === 'thematicBreak') {
      const offset = (node as ThematicBreak).position?.start.offset;
      const ch = offset === undefined ? undefined : source[offset];
      if (ch === '*' || ch === '-' || ch === '_') rule = ch;
    }
  });
  return { bullet: bullet ?? '*', rule: rule ?? '-', listItemIndent: 'one' };
}

export function emitMarkdown(tree: Root, source: string): string {
  return unified().use(remarkStringify, styleOf(tree, source)).stringify(tree);
}
