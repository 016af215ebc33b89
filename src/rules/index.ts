/** Every rule, in the order reports list them. The runner is handed this list; it imports no rule. */
import type { Rule } from '../lint/rule.js';
import anchorTarget from './anchor-target.js';
import bareLinkText from './bare-link-text.js';
import confusableHost from './confusable-host.js';
import deadLink from './dead-link.js';
import duplicateLink from './duplicate-link.js';
import emptyLinkText from './empty-link-text.js';
import emptySection from './empty-section.js';
import frontMatter from './front-matter.js';
import headingStructure from './heading-structure.js';
import insecureUrl from './insecure-url.js';
import linkUnreachable from './link-unreachable.js';
import mojibake from './mojibake.js';
import movedLink from './moved-link.js';
import officialClaim from './official-claim.js';
import officialOnly from './official-only.js';
import redirectedAway from './redirected-away.js';
import relativeLink from './relative-link.js';
import sectionNumbering from './section-numbering.js';
import similarLink from './similar-link.js';
import soft404 from './soft-404.js';
import strayLink from './stray-link.js';
import unrecognizedItem from './unrecognized-item.js';
import unsafeUrl from './unsafe-url.js';
import unusualPort from './unusual-port.js';
import urlSyntax from './url-syntax.js';

export const RULES: readonly Rule[] = [
  mojibake,
  frontMatter,
  headingStructure,
  sectionNumbering,
  emptySection,
  unsafeUrl,
  urlSyntax,
  insecureUrl,
  unusualPort,
  emptyLinkText,
  bareLinkText,
  anchorTarget,
  relativeLink,
  unrecognizedItem,
  strayLink,
  officialOnly,
  officialClaim,
  duplicateLink,
  similarLink,
  confusableHost,
  // With --links: what the link check found.
  deadLink,
  movedLink,
  redirectedAway,
  soft404,
  linkUnreachable,
];
