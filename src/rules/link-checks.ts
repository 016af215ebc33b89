/**
 * What the five link rules share: they report what the link check found, which the command line
 * hands to the runner as data (`context.links`), classified by src/links/. The rules themselves
 * never touch the network, and without --links they have nothing to report.
 */
import type { RuleContext } from '../lint/rule.js';

export type LinkRuleId = 'dead-link' | 'moved-link' | 'redirected-away' | 'soft-404' | 'link-unreachable';

/** The rules that report link checks: what `roadmap links` runs. */
export const LINK_RULE_IDS: readonly LinkRuleId[] = ['dead-link', 'moved-link', 'redirected-away', 'soft-404', 'link-unreachable'];

/** Report this rule's share of the checked links. */
export function reportCheckedLinks(context: RuleContext, id: LinkRuleId): void {
  for (const link of context.links ?? []) {
    if (link.ruleId !== id) continue;
    context.report({
      messageId: link.messageId,
      data: link.data,
      start: link.start,
      end: link.end,
      key: link.key,
      ...(link.fix ? { fix: link.fix } : {}),
    });
  }
}
