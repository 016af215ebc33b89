/** Every rule, in the order reports list them. */
import confusableHost from './confusable-host.js';
import duplicateLink from './duplicate-link.js';
import emptySection from './empty-section.js';
import headingStructure from './heading-structure.js';
import linkUrl from './link-url.js';
import mojibake from './mojibake.js';
import officialClaim from './official-claim.js';
import officialOnly from './official-only.js';
import type { Rule } from './rule.js';
import sectionNumbering from './section-numbering.js';
import similarLink from './similar-link.js';
import strayLink from './stray-link.js';
import unrecognizedItem from './unrecognized-item.js';

export const RULES: readonly Rule<never>[] = [
  mojibake,
  headingStructure,
  sectionNumbering,
  emptySection,
  linkUrl,
  unrecognizedItem,
  strayLink,
  officialOnly,
  officialClaim,
  duplicateLink,
  similarLink,
  confusableHost,
] as unknown as Rule<never>[];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

export function ruleById(id: string): Rule<never> | undefined {
  return RULES.find((r) => r.meta.id === id);
}

export type { Rule, RuleContext, RuleMeta, Report } from './rule.js';
