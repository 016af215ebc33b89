/**
 * What a link check means for a link: one of five outcomes, or nothing to say. Pure: it reads a
 * recorded check (fresh or from the cache), so `--links=cached` reports exactly what the run that
 * filled the cache reported.
 *
 *   dead-link         404, 410, or a name that does not resolve
 *   moved-link        permanent redirects (301/308) within the registrable domain: fixable
 *   redirected-away   the chain ends on another registrable domain
 *   soft-404          a deep path redirected to the site's home page, or to a "not found" URL
 *   link-unreachable  timeouts, refused or reset connections, TLS failures, 5xx after retries,
 *                     429 past its Retry-After budget, redirect loops, refused private addresses
 */
import { isIP } from 'node:net';
import { getDomain } from 'tldts';
import type { LinkCheck } from './http.js';

export type LinkOutcomeId = 'dead-link' | 'moved-link' | 'redirected-away' | 'soft-404' | 'link-unreachable';

export const LINK_RULE_IDS: readonly LinkOutcomeId[] = ['dead-link', 'moved-link', 'redirected-away', 'soft-404', 'link-unreachable'];

export interface LinkOutcome {
  ruleId: LinkOutcomeId;
  /** The message id within the rule. */
  messageId: string;
  data: Record<string, string>;
  /** For moved-link: the address to write instead (the link's own #fragment kept). */
  replacement?: string;
}

/** Statuses accepted as alive, per host ("*" for every host), besides 2xx. */
export type AcceptMap = Readonly<Record<string, readonly number[]>>;

/** The registrable domain of a host (Public Suffix List, private suffixes too); the host itself for IPs and single labels. */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/u, '');
  if (isIP(h.replace(/^\[|\]$/gu, '')) !== 0) return h;
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function accepted(status: number, url: string, accept: AcceptMap): boolean {
  const host = hostOf(url).replace(/\.$/u, '');
  return (accept[host] ?? []).includes(status) || (accept['*'] ?? []).includes(status);
}

/** A path that names a page under the root: not "/" or "/index.html". */
function isDeep(u: URL): boolean {
  return u.pathname.replace(/\/(index\.html?)?$/iu, '') !== '';
}

function isHome(u: URL): boolean {
  return !isDeep(u) && u.search === '';
}

const NOT_FOUND = /(?:^|[/._?=&-])(?:404|not[-_]?found|page[-_]?not[-_]?found|error[-_]?404)(?:[/._?=&#-]|$)/iu;

/** Keep the link's own #fragment when the final address has none (as a browser does). */
function withFragment(finalUrl: string, written: string): string {
  try {
    const final = new URL(finalUrl);
    const hash = new URL(written).hash;
    if (!final.hash && hash) final.hash = hash;
    return final.href;
  } catch {
    return finalUrl;
  }
}

export interface ClassifyOptions {
  /** Whether the link is an official resource: redirected-away is then an error. */
  official?: boolean;
  accept?: AcceptMap;
}

/** The outcome of one link, or null when the link is fine. `written` is the URL as the document has it. */
export function classifyCheck(check: LinkCheck, written: string, options: ClassifyOptions = {}): LinkOutcome | null {
  const accept = options.accept ?? {};
  const url = check.url;
  if (check.error !== null) {
    if (check.error === 'dns') return { ruleId: 'dead-link', messageId: 'noSuchHost', data: { url, host: hostOf(check.finalUrl) } };
    const where = check.chain.length > 0 ? ` (after redirects to ${check.finalUrl})` : '';
    return { ruleId: 'link-unreachable', messageId: check.error === 'blocked' ? 'refused' : 'network', data: { url, detail: `${check.detail ?? check.error}${where}` } };
  }
  const status = check.status ?? 0;
  const final = check.finalUrl;
  const isAccepted = (status >= 200 && status < 300) || accepted(status, final, accept);
  if (!isAccepted) {
    if (status === 404 || status === 410) {
      return check.chain.length > 0
        ? { ruleId: 'dead-link', messageId: 'goneAfterRedirect', data: { url, status: String(status), finalUrl: final } }
        : { ruleId: 'dead-link', messageId: 'gone', data: { url, status: String(status) } };
    }
    if (status >= 400 && status !== 401) {
      const why = check.detail ? `HTTP ${status}, ${check.detail}` : `HTTP ${status}`;
      return { ruleId: 'link-unreachable', messageId: 'status', data: { url, detail: why } };
    }
  }
  if (check.chain.length === 0) return null;

  let from: URL;
  let to: URL;
  try {
    from = new URL(url);
    to = new URL(final);
  } catch {
    return null;
  }
  const sameSite = siteOf(from.hostname) === siteOf(to.hostname);
  if (!sameSite) {
    return {
      ruleId: 'redirected-away',
      messageId: options.official ? 'officialAway' : 'away',
      data: { url, finalUrl: final, from: siteOf(from.hostname), to: siteOf(to.hostname) },
    };
  }
  if ((isDeep(from) && isHome(to)) || (!NOT_FOUND.test(from.pathname + from.search) && NOT_FOUND.test(to.pathname + to.search))) {
    return { ruleId: 'soft-404', messageId: isHome(to) ? 'home' : 'notFound', data: { url, finalUrl: final } };
  }
  // Follow permanent redirects only: a temporary one (302, 303, 307) may change back.
  let movedTo: string | null = null;
  for (const [i, hop] of check.chain.entries()) {
    if (hop.status !== 301 && hop.status !== 308) break;
    movedTo = check.chain[i + 1]?.url ?? final;
  }
  if (movedTo === null || siteOf(hostOf(movedTo)) !== siteOf(from.hostname)) return null;
  const replacement = withFragment(movedTo, written);
  if (replacement === written) return null;
  return { ruleId: 'moved-link', messageId: 'moved', data: { url, finalUrl: replacement }, replacement };
}
