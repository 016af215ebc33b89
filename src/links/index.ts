/**
 * Link liveness for a run: collect every http(s) link of the documents, check each URL once
 * (from the cache when it is fresh, or only from the cache with `mode: 'cached'`), record the
 * checks in the cache, and classify each link into the reports the five link rules give.
 *
 * This module and everything under src/links/ is loaded only when links are checked: a run
 * without --links never loads it (nor undici).
 */
import type { ProcessedDocument } from '../pipeline/process.js';
import { DEFAULT_MAX_AGE, readLinkCache, writeLinkCache, type CacheMaxAge, type LinkCache } from './cache.js';
import { classifyCheck, type AcceptMap, type LinkOutcome, type LinkOutcomeId } from './classify.js';
import { collectLinks, type LinkOccurrence } from './collect.js';
import { checkKey, LinkChecker, type CheckerOptions, type LinkCheck } from './http.js';

export { DEFAULT_CACHE_FILE, LinkCache, readLinkCache, writeLinkCache } from './cache.js';
export { classifyCheck, LINK_RULE_IDS, siteOf } from './classify.js';
export type { LinkOutcome, LinkOutcomeId, AcceptMap } from './classify.js';
export { collectLinks } from './collect.js';
export type { LinkOccurrence } from './collect.js';
export { checkKey, LinkChecker, parseRetryAfter } from './http.js';
export type { CheckerOptions, Hop, LinkCheck, LinkErrorCode } from './http.js';
export { isForbiddenAddress, refuseAddress, refuseHostName } from './address.js';
export { addedLines, DiffError, linesAddedSince } from './diff.js';

/** The `links` section of a configuration, with defaults filled in. */
export interface LinksSettings {
  /** URL patterns never checked: a URL matches when it starts with the pattern (`*` matches any run of characters; a pattern without a scheme matches http and https). */
  exclude: readonly string[];
  /** Statuses accepted as alive, per host name ("*" for every host), besides 2xx. */
  accept: AcceptMap;
  /** Seconds for one whole request. */
  timeout: number;
  concurrency: number;
  perHost: number;
  /** Seconds one URL may wait for Retry-After. */
  retryAfterBudget: number;
  /** Hosts that may be private addresses. */
  allowHosts: readonly string[];
  /** Seconds a cached success and a cached failure stay fresh. */
  cacheMaxAge: CacheMaxAge;
}

export const DEFAULT_LINKS_SETTINGS: LinksSettings = {
  exclude: [],
  accept: {},
  timeout: 20,
  concurrency: 16,
  perHost: 2,
  retryAfterBudget: 60,
  allowHosts: [],
  cacheMaxAge: DEFAULT_MAX_AGE,
};

/** What a link rule reports for one link: the rule's message id and data, where, and (moved-link) the fix. */
export interface LinkReport {
  ruleId: LinkOutcomeId;
  messageId: string;
  data: Readonly<Record<string, string>>;
  /** The link (or definition) in the source. */
  start: number;
  end: number;
  /** The content key for baselines: the URL as checked. */
  key: string;
  /** For moved-link, when the URL is written plainly in the source: replace it with the final address. */
  fix?: { description: string; edits: { offset: number; deleteCount: number; insert: string }[] };
}

/** The data a link adds to a resource in `build --links` outputs. */
export interface ResourceLink {
  status: number | null;
  finalUrl: string;
  checkedAt: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Whether a URL matches one of the `links.exclude` patterns. */
export function isExcluded(url: string, patterns: readonly string[]): boolean {
  for (const pattern of patterns) {
    const body = pattern.split('*').map(escapeRegExp).join('.*');
    const re = /^[a-z][a-z0-9+.-]*:/iu.test(pattern) ? new RegExp(`^${body}`, 'iu') : new RegExp(`^https?://${body}`, 'iu');
    if (re.test(url)) return true;
  }
  return false;
}

/** A URL safe to write as a Markdown link destination (unbalanced brackets and spaces escaped). */
function markdownSafe(url: string): string {
  return url.replace(/[ ()<>]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The reports for one document's links, from recorded checks. */
export function linkReports(occurrences: readonly LinkOccurrence[], checks: ReadonlyMap<string, LinkCheck>, settings: Pick<LinksSettings, 'accept' | 'exclude'>): LinkReport[] {
  const out: LinkReport[] = [];
  for (const o of occurrences) {
    if (isExcluded(o.url, settings.exclude)) continue;
    const key = checkKey(o.url);
    const check = checks.get(key);
    if (!check) continue;
    const outcome: LinkOutcome | null = classifyCheck(check, o.url, { official: o.official, accept: settings.accept });
    if (!outcome) continue;
    const report: LinkReport = { ruleId: outcome.ruleId, messageId: outcome.messageId, data: outcome.data, start: o.start, end: o.end, key };
    if (outcome.replacement !== undefined && o.urlOffset !== null) {
      const insert = markdownSafe(outcome.replacement);
      report.fix = { description: `replace with ${insert}`, edits: [{ offset: o.urlOffset, deleteCount: o.url.length, insert }] };
    }
    out.push(report);
  }
  return out;
}

export interface CheckDocumentsOptions {
  /** 'network': check what the cache does not hold fresh; 'cached': report from the cache only, no request. */
  mode: 'network' | 'cached';
  /** The cache file, or null for none. */
  cacheFile: string | null;
  /** Settings for the checker itself (limits, timeouts, allowed hosts). */
  settings: LinksSettings;
  /** Per-document settings for exclude and accept (default: `settings`). */
  settingsFor?: (doc: ProcessedDocument) => LinksSettings;
  userAgent: string;
  /** Extra checker options (a resolver, a route, the backoff), for tests. */
  checker?: Partial<CheckerOptions>;
  warn?: (message: string) => void;
  /** Only links that start on lines this accepts (e.g. the lines a pull request added). */
  select?: (doc: ProcessedDocument) => Promise<(line: number) => boolean>;
  /** Progress: called with (done, total) as URLs finish. */
  progress?: (done: number, total: number) => void;
  now?: () => number;
}

export interface CheckDocumentsResult {
  /** Link reports per document path. */
  reports: Map<string, LinkReport[]>;
  /** Every check used, by check key. */
  checks: Map<string, LinkCheck>;
  /** Requests sent over the network (0 with mode 'cached'). */
  requests: number;
  /** URLs the cache did not hold (mode 'cached'): not reported on. */
  missing: string[];
}

/** Check the links of documents and classify them. */
export async function checkDocuments(docs: readonly ProcessedDocument[], options: CheckDocumentsOptions): Promise<CheckDocumentsResult> {
  const now = options.now ?? Date.now;
  const settingsFor = options.settingsFor ?? (() => options.settings);
  const occurrences = new Map<ProcessedDocument, LinkOccurrence[]>();
  const wanted = new Map<string, string>(); // key -> a URL to check
  for (const doc of docs) {
    const settings = settingsFor(doc);
    const selected = options.select ? await options.select(doc) : () => true;
    const list = collectLinks(doc).filter((o) => !isExcluded(o.url, settings.exclude) && selected(doc.index.pointAt(o.start).line));
    occurrences.set(doc, list);
    for (const o of list) {
      const key = checkKey(o.url);
      if (!wanted.has(key)) wanted.set(key, o.url);
    }
  }

  let cache: LinkCache | null = null;
  if (options.cacheFile) {
    const read = await readLinkCache(options.cacheFile);
    if (read.warning) options.warn?.(read.warning);
    cache = read.cache;
  }
  const checks = new Map<string, LinkCheck>();
  const missing: string[] = [];
  const toCheck: string[] = [];
  for (const key of wanted.keys()) {
    const hit = options.mode === 'cached' ? cache?.get(key) : cache?.fresh(key, now(), options.settings.cacheMaxAge);
    if (hit) checks.set(key, hit);
    else if (options.mode === 'cached') missing.push(key);
    else toCheck.push(key);
  }

  let requests = 0;
  if (toCheck.length > 0) {
    const s = options.settings;
    let done = 0;
    options.progress?.(0, toCheck.length);
    const checker = new LinkChecker({
      concurrency: s.concurrency,
      perHost: s.perHost,
      timeout: s.timeout * 1000,
      retryAfterBudget: s.retryAfterBudget * 1000,
      allowHosts: s.allowHosts,
      userAgent: options.userAgent,
      now,
      ...options.checker,
      onDone: () => options.progress?.(++done, toCheck.length),
    });
    try {
      const results = await Promise.all(toCheck.map((key) => checker.check(key)));
      for (const r of results) {
        checks.set(r.url, r);
        cache?.set(r);
      }
      // Where a redirect chain ended is itself checked: record it, so a link fixed to that address
      // (moved-link) is not asked for again by the next run.
      for (const r of results) {
        const end = checkKey(r.finalUrl);
        if (r.chain.length === 0 || r.error !== null || checks.has(end) || cache?.get(end)) continue;
        cache?.set({ url: end, status: r.status, finalUrl: end, chain: [], error: null, detail: null, checkedAt: r.checkedAt });
      }
    } finally {
      requests = checker.requests;
      await checker.close();
    }
    if (cache && options.cacheFile) {
      // A cache that cannot be written costs the next run time, not this run its result.
      await writeLinkCache(options.cacheFile, cache, now()).catch((error: NodeJS.ErrnoException) =>
        options.warn?.(`${options.cacheFile}: the links cache was not written (${error.code ?? error.message})`),
      );
    }
  }

  const reports = new Map<string, LinkReport[]>();
  for (const [doc, list] of occurrences) reports.set(doc.path, linkReports(list, checks, settingsFor(doc)));
  return { reports, checks, requests, missing };
}

/** A resource's `link` for build outputs, or undefined when its URL was not checked. */
export function resourceLink(url: string, checks: ReadonlyMap<string, LinkCheck>): ResourceLink | undefined {
  const check = checks.get(checkKey(url));
  if (!check) return undefined;
  return { status: check.status, finalUrl: check.finalUrl, checkedAt: check.checkedAt };
}
