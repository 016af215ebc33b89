import type { Nodes, Parents } from 'mdast';
import type { Resource, Roadmap, Section } from './types.js';

/** Every resource with the section it is in, in document order. */
export function* resourcesOf(roadmap: Roadmap): Generator<{ section: Section; resource: Resource }> {
  for (const s of roadmap.sections) for (const g of s.groups) for (const r of g.resources) yield { section: s, resource: r };
}

/**
 * Every node of a tree in document order (pre-order), without recursion: documents can nest
 * deeper than the call stack. Return false from the visitor to skip a node's children.
 */
export function walkTree(tree: Nodes, visitor: (node: Nodes, parent: Parents | null) => boolean | void): void {
  const stack: { node: Nodes; parent: Parents | null }[] = [{ node: tree, parent: null }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    if (visitor(node, parent) === false || !('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, parent: node });
  }
}

/** The text of a node as a reader sees it: text, code and image alt text, without raw HTML; no recursion. */
export function plainText(node: Nodes, options: { imageAlt?: boolean } = {}): string {
  const imageAlt = options.imageAlt ?? true;
  let out = '';
  walkTree(node, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'image' && imageAlt) out += n.alt ?? '';
    else if (n.type === 'html') return false;
  });
  return out;
}
