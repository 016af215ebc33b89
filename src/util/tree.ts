/**
 * Walking unist trees without recursion. A document decides how deep its tree is (`>` ten
 * thousand times is a 10 KB file), so every walk here keeps its own stack instead of the call stack.
 */

export interface TreeNode {
  type: string;
  children?: TreeNode[];
  value?: unknown;
}

export const SKIP = 'skip';

/**
 * Visit every node in document order (pre-order). `ancestors` is the live path from the root to the
 * node's parent: copy it to keep it. Returning SKIP does not enter the node's children.
 */
export function walk<T extends TreeNode>(
  root: T,
  visitor: (node: TreeNode, ancestors: readonly TreeNode[]) => void | typeof SKIP,
): void {
  if (visitor(root, []) === SKIP || !root.children) return;
  const ancestors: TreeNode[] = [root];
  const indexes: number[] = [0];
  while (ancestors.length > 0) {
    const top = ancestors.length - 1;
    const parent = ancestors[top]!;
    const i = indexes[top]!;
    const child = parent.children![i];
    if (child === undefined) {
      ancestors.pop();
      indexes.pop();
      continue;
    }
    indexes[top] = i + 1;
    if (visitor(child, ancestors) !== SKIP && child.children && child.children.length > 0) {
      ancestors.push(child);
      indexes.push(0);
    }
  }
}

/** Does the node, or anything inside it, satisfy the test? */
export function some(root: TreeNode, test: (node: TreeNode) => boolean): boolean {
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return true;
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return false;
}

const BREAK_TAG = /^<br\s*\/?>$/iu;

/**
 * The plain text of a node, as mdast-util-to-string gives it but without raw HTML (a `<br>` counts
 * as a space), with image descriptions, and with a space for a hard line break.
 */
export function plainText(root: TreeNode): string {
  let out = '';
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') {
      if (typeof node.value === 'string' && BREAK_TAG.test(node.value.trim())) out += ' ';
      continue;
    }
    if (node.type === 'break') {
      out += ' ';
      continue;
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      const alt = (node as { alt?: unknown }).alt;
      if (typeof alt === 'string') out += alt;
      continue;
    }
    if (typeof node.value === 'string' && node.type !== 'yaml' && node.type !== 'toml') {
      out += node.value;
      continue;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
