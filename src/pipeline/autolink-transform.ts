/**
 * GitHub's literal autolinks (`www.example.com`, `https://…`, `someone@example.com` in plain text)
 * are finished by an mdast transform of mdast-util-gfm-autolink-literal: four regular expressions,
 * each with its own walk over the whole tree, run on every text node outside links. Each of the
 * four can match only text that holds "@" (the e-mail, mailto: and xmpp: forms) or "www" or
 * "http" (the web form; its expression ignores case). Where no text node outside a link or link
 * reference holds one of them, the transform cannot change anything, and it is skipped. Most
 * documents are such: a curated list's URLs are link targets, not text.
 *
 * Where some do, the transform runs on the blocks that hold them (a paragraph, a heading or a table
 * cell each), not on the whole tree: it reads and rewrites one text node at a time, with nothing
 * from outside the node (its expressions look behind only within the node's text, and its handlers
 * read only the match), so a block gives what the whole tree gives for that block, and blocks of
 * phrasing never nest. A README with a few bare URLs in its prose no longer has its whole tree
 * walked four times: a lint of the package documents of `npm run bench` spent 3.5% of its time in
 * those walks. A candidate text in no such block (none is known) sends the whole tree through.
 *
 * `skipIdleAutolinkTransform` puts that guard around the transform in a processor's own list of
 * mdast extensions (the data remark-gfm adds to), the public way the parser is configured; the
 * transform itself is untouched. The trees are the trees the stock processor makes:
 * `test/pipeline/autolink-transform.test.ts` compares them on the shared lists, the roadmap,
 * installed packages' documents and generated near-misses.
 */
import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { SKIP, walk, type TreeNode } from '../util/tree.js';

type Transform = (tree: Root) => Root | undefined | void;

/** The transform as the package exports it (one function, shared by every extension object it makes). */
export const autolinkTransform = (gfmAutolinkLiteralFromMarkdown().transforms ?? [])[0] as Transform | undefined;

/** Text that one of the transform's expressions could match: a superset, checked by a test. */
const CANDIDATE = /@|www|http/iu;

/** The blocks whose phrasing holds text (phrasing containers inside them never hold one of these). */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The blocks that hold a candidate text outside links and link references, in document order; the
 * whole tree when a candidate stands in none of them; empty when there is no candidate.
 */
export function autolinkScopes(tree: Root): TreeNode[] {
  const scopes: TreeNode[] = [];
  let whole = false;
  walk(tree as TreeNode, (node, ancestors) => {
    if (whole || node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type !== 'text' || typeof node.value !== 'string' || !CANDIDATE.test(node.value)) return undefined;
    let block: TreeNode | undefined;
    for (let i = ancestors.length - 1; i >= 0 && !block; i--) if (PHRASING_BLOCKS.has(ancestors[i]!.type)) block = ancestors[i];
    if (!block) whole = true;
    // A block's texts come one after another in document order: comparing with the last is enough.
    else if (block !== scopes[scopes.length - 1]) scopes.push(block);
    return undefined;
  });
  return whole ? [tree as TreeNode] : scopes;
}

/** The guarded transform put in the transform's place: on the blocks that may change, if any (it changes them in place). */
export const guardedAutolinkTransform: Transform = (tree) => {
  for (const scope of autolinkScopes(tree)) autolinkTransform!(scope as unknown as Root);
};

/**
 * Guard the autolink transform in `processor`'s mdast extensions; returns how many places were
 * guarded (one, with remark-gfm; none if the package changed how it hands over its transform, in
 * which case everything still works, only without the shortcut).
 */
export function skipIdleAutolinkTransform(processor: { freeze(): unknown; data(key: 'fromMarkdownExtensions'): unknown }): number {
  if (!autolinkTransform) return 0;
  processor.freeze();
  let guarded = 0;
  const pending: unknown[] = [processor.data('fromMarkdownExtensions') ?? []];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      pending.push(...(item as unknown[]));
      continue;
    }
    const transforms = (item as { transforms?: Transform[] } | null)?.transforms;
    if (!Array.isArray(transforms)) continue;
    for (let i = 0; i < transforms.length; i++) {
      if (transforms[i] === autolinkTransform) {
        transforms[i] = guardedAutolinkTransform;
        guarded++;
      }
    }
  }
  return guarded;
}
