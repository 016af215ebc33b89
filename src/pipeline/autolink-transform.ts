/**
 * GitHub's literal autolinks (`www.example.com`, `https://…`, `someone@example.com` in plain text)
 * are finished by an mdast transform of mdast-util-gfm-autolink-literal: four regular expressions,
 * each with its own walk over the whole tree, run on every text node outside links. Each of the
 * four can match only text that holds "@" (the e-mail, mailto: and xmpp: forms) or "www" or
 * "http" (the web form; its expression ignores case). Where no text node outside a link or link
 * reference holds one of them, the transform cannot change anything, and it is skipped. Most
 * documents are such: a curated list's URLs are link targets, not text.
 *
 * `skipIdleAutolinkTransform` puts that guard around the transform in a processor's own list of
 * mdast extensions (the data remark-gfm adds to), the public way the parser is configured; the
 * transform itself is untouched and runs whenever the guard sees a candidate. The trees are the
 * trees the stock processor makes: `test/pipeline/autolink-transform.test.ts` compares them on the
 * shared lists, the roadmap and installed packages' documents.
 */
import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { SKIP, some } from '../util/tree.js';

type Transform = (tree: Root) => Root | undefined | void;

/** The transform as the package exports it (one function, shared by every extension object it makes). */
export const autolinkTransform = (gfmAutolinkLiteralFromMarkdown().transforms ?? [])[0] as Transform | undefined;

/** Text that one of the transform's expressions could match: a superset, checked by a test. */
const CANDIDATE = /@|www|http/iu;

/** Whether any text node outside a link or link reference could hold a literal autolink. */
export function mayHoldAutolinkLiteral(tree: Root): boolean {
  return some(tree, (node) => {
    if (node.type === 'text') return typeof node.value === 'string' && CANDIDATE.test(node.value);
    return node.type === 'link' || node.type === 'linkReference' ? SKIP : false;
  });
}

/** The guarded transform put in the transform's place. */
export const guardedAutolinkTransform: Transform = (tree) => (mayHoldAutolinkLiteral(tree) ? autolinkTransform!(tree) : undefined);

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
