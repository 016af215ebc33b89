/**
 * The links cache: each checked URL's status, final URL, chain and time, in one JSON file, so a
 * pre-commit hook can report from it offline (`--links=cached`) and a network run skips what it
 * checked recently. Entries expire by outcome: a success lasts a day, a failure an hour (both
 * configurable). The file is validated when read: a corrupt cache is ignored with a warning, never
 * trusted. It is written atomically (a temporary file renamed into place).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readSettingsText, readProblem, writeFileAtomic } from '../util/atomic.js';
import type { Hop, LinkCheck, LinkErrorCode } from './http.js';

export const CACHE_VERSION = 1;

/** Default cache file, relative to the working directory. */
export const DEFAULT_CACHE_FILE = 'node_modules/.cache/roadmap-pipeline/links.json';

export interface CacheMaxAge {
  /** Seconds a success stays fresh (default a day). */
  success: number;
  /** Seconds a failure stays fresh (default an hour). */
  failure: number;
}

export const DEFAULT_MAX_AGE: CacheMaxAge = { success: 86_400, failure: 3_600 };

/** Entries older than this are dropped when the cache is written, whatever their outcome. */
const FORGET_AFTER_MS = 30 * 86_400_000;

const ERROR_CODES: ReadonlySet<string> = new Set<LinkErrorCode>([
  'dns',
  'blocked',
  'timeout',
  'refused',
  'reset',
  'tls',
  'network',
  'loop',
  'too-many-redirects',
  'bad-redirect',
]);

/** A success: a response below 400 with no transport error. */
export function isSuccess(check: LinkCheck): boolean {
  return check.error === null && check.status !== null && check.status < 400;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStatus = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 999;

function validUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** The entry as a LinkCheck, or a reason it is not one. */
function readEntry(url: string, v: unknown): LinkCheck | string {
  if (!isObject(v)) return 'an entry is not an object';
  if (!(v['status'] === null || isStatus(v['status']))) return 'a status is not an HTTP status';
  if (!validUrl(v['finalUrl'])) return 'a final URL is not a URL';
  if (!Array.isArray(v['chain'])) return 'a chain is not a list';
  const chain: Hop[] = [];
  for (const hop of v['chain']) {
    if (!isObject(hop) || !validUrl(hop['url']) || !isStatus(hop['status'])) return 'a redirect in a chain is malformed';
    chain.push({ url: hop['url'], status: hop['status'] });
  }
  if (!(v['error'] === null || (typeof v['error'] === 'string' && ERROR_CODES.has(v['error'])))) return 'an error code is unknown';
  if (!(v['detail'] === null || typeof v['detail'] === 'string')) return 'a detail is not text';
  if (typeof v['checkedAt'] !== 'string' || Number.isNaN(Date.parse(v['checkedAt']))) return 'a time is not a date';
  return {
    url,
    status: v['status'] as number | null,
    finalUrl: v['finalUrl'],
    chain,
    error: v['error'] as LinkErrorCode | null,
    detail: v['detail'] as string | null,
    checkedAt: v['checkedAt'],
  };
}

export class LinkCache {
  readonly #entries = new Map<string, LinkCheck>();

  constructor(entries: Iterable<LinkCheck> = []) {
    for (const e of entries) this.#entries.set(e.url, e);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The entry for a URL (a check key), however old. */
  get(url: string): LinkCheck | undefined {
    return this.#entries.get(url);
  }

  /** The entry when it is still fresh for its outcome. */
  fresh(url: string, now: number, maxAge: CacheMaxAge = DEFAULT_MAX_AGE): LinkCheck | undefined {
    const entry = this.#entries.get(url);
    if (!entry) return undefined;
    const age = now - Date.parse(entry.checkedAt);
    const limit = (isSuccess(entry) ? maxAge.success : maxAge.failure) * 1000;
    return age >= 0 && age < limit ? entry : undefined;
  }

  set(check: LinkCheck): void {
    this.#entries.set(check.url, check);
  }

  /** The file's content: entries sorted by URL, long-forgotten ones dropped. */
  serialize(now: number): string {
    const entries: Record<string, Omit<LinkCheck, 'url'>> = {};
    for (const url of [...this.#entries.keys()].sort()) {
      const { url: _, ...rest } = this.#entries.get(url)!;
      if (now - Date.parse(rest.checkedAt) > FORGET_AFTER_MS) continue;
      entries[url] = rest;
    }
    return `${JSON.stringify({ version: CACHE_VERSION, entries }, null, 2)}\n`;
  }
}

/** Read the cache; a missing file is an empty cache, a corrupt one is an empty cache and a warning. */
export async function readLinkCache(path: string): Promise<{ cache: LinkCache; warning: string | null }> {
  let text: string;
  try {
    text = readSettingsText(path, 1024 * 1024 * 1024);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { cache: new LinkCache(), warning: null };
    return { cache: new LinkCache(), warning: `${path}: the links cache cannot be read (${readProblem(error)}); ignoring it` };
  }
  const corrupt = (why: string) => ({ cache: new LinkCache(), warning: `${path}: the links cache is corrupt (${why}); ignoring it` });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return corrupt('not JSON');
  }
  if (!isObject(data)) return corrupt('not an object');
  if (data['version'] !== CACHE_VERSION) return corrupt(`version ${JSON.stringify(data['version'])}, expected ${CACHE_VERSION}`);
  if (!isObject(data['entries'])) return corrupt('no entries');
  const checks: LinkCheck[] = [];
  for (const [url, value] of Object.entries(data['entries'])) {
    if (!validUrl(url)) return corrupt(`"${String(url).slice(0, 80)}" is not a URL`);
    const entry = readEntry(url, value);
    if (typeof entry === 'string') return corrupt(entry);
    checks.push(entry);
  }
  return { cache: new LinkCache(checks), warning: null };
}

/** Write the cache atomically, creating its directory. */
export async function writeLinkCache(path: string, cache: LinkCache, now: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, cache.serialize(now));
}
