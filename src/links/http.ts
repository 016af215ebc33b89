/**
 * The link checker's HTTP client: polite, bounded and safe with hostile lists.
 *
 * - At most `concurrency` requests in flight, and at most `perHost` to one host.
 * - HEAD first; GET when a server refuses HEAD (403, 405, 501) or says the page is gone (404,
 *   410: confirmed before it is called dead). A body is never read: the
 *   response stream is destroyed as soon as the status is known.
 * - Redirects are followed by hand, at most `maxRedirects`, each hop recorded; loops are detected.
 * - A connect timeout and a timeout for each whole request; bounded retries with exponential
 *   backoff on 5xx and network errors; 429 and 503 wait for `Retry-After` while the URL's waiting
 *   budget lasts, and the whole host waits with it.
 * - Every connection goes to an address resolved here and checked here: loopback, private,
 *   link-local, unique-local and metadata addresses are refused unless `allowHosts` names the host.
 *   The check runs for every hop of a redirect chain, because every hop opens its own connection.
 * - No cookies, no credentials, a User-Agent that names the tool and its home page.
 * - Each URL is checked once per checker, however many documents hold it.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import { bareHost, refuseAddress, refuseHostName } from './address.js';

/** One redirect response in a chain: the URL that answered and its status. */
export interface Hop {
  url: string;
  status: number;
}

/** Why no final response was had. */
export type LinkErrorCode =
  | 'dns' // the name does not resolve
  | 'blocked' // refused by the address policy (private, loopback, metadata…)
  | 'timeout'
  | 'refused' // connection refused
  | 'reset' // connection reset or closed early
  | 'tls'
  | 'network' // any other transport failure
  | 'loop' // a redirect back to a URL of the same chain
  | 'too-many-redirects'
  | 'bad-redirect'; // a Location that is not an http(s) URL

export interface LinkCheck {
  /** The URL as checked, without its #fragment (never sent; links that differ only there share one check). */
  url: string;
  /** The status of the last response, or null when there was none. */
  status: number | null;
  /** Where the chain ended: the URL of the last response (or of the failed request). */
  finalUrl: string;
  /** Each redirect response, in order. Empty when the first response was final. */
  chain: Hop[];
  error: LinkErrorCode | null;
  /** A short human explanation of the error or of the waits, or null. */
  detail: string | null;
  /** When the check finished, ISO 8601. */
  checkedAt: string;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface CheckerOptions {
  /** Requests in flight at once (default 16). */
  concurrency?: number;
  /** Requests in flight to one host (default 2). */
  perHost?: number;
  /** Milliseconds for one whole request, connect included (default 20,000). */
  timeout?: number;
  /** Milliseconds to establish a connection (default: the smaller of 10,000 and `timeout`). */
  connectTimeout?: number;
  /** Retries after a 5xx answer or a network error (default 2). */
  retries?: number;
  /** The first backoff in milliseconds; it doubles each retry (default 1,000). */
  retryDelay?: number;
  /** Milliseconds one URL may spend waiting for Retry-After on 429 and 503 (default 60,000). */
  retryAfterBudget?: number;
  /** At most this many redirects (default 10). */
  maxRedirects?: number;
  /** Hosts that may be private addresses (exact names, or "*.example.test"). */
  allowHosts?: readonly string[];
  userAgent: string;
  /** Name resolution; default: the system's resolver (all addresses). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /**
   * Where a connection really goes, after the address checks: a different port, or plain TCP for
   * an https origin. For test servers that mirror real sites; never set by the command line.
   */
  route?: (origin: { protocol: string; hostname: string; port: string }) => { port?: string; protocol?: string };
  /** Called after each URL's check ends. */
  onDone?: (check: LinkCheck) => void;
  /** The clock, for tests of expiry (default Date.now). */
  now?: () => number;
}

/**
 * Answers to HEAD that GET must confirm: 403, 405 and 501 are servers that refuse HEAD; 404 and
 * 410 are checked again because some servers answer HEAD wrongly, and a dead link is an error.
 */
const FALLBACK_TO_GET = new Set([403, 404, 405, 410, 501]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class BlockedError extends Error {
  readonly code = 'ERR_LINK_BLOCKED';
}

/** A counting semaphore. */
class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  constructor(size: number) {
    this.#free = size;
  }
  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}

interface HostState {
  slots: Slots;
  /** No request to this host before this time (a Retry-After the host asked for). */
  notBefore: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds (or an HTTP date) in a Retry-After header, as milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined) return null;
  const text = v.trim();
  if (/^\d+$/u.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Map a transport error to a code and a short explanation. */
function describeError(error: unknown): { code: LinkErrorCode; detail: string } {
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = e.message ?? String(error);
  if (code === 'ERR_LINK_BLOCKED') return { code: 'blocked', detail: message };
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME') return { code: 'dns', detail: 'the host name does not resolve' };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { code: 'timeout', detail: 'connecting timed out' };
  if (e.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'ABORT_ERR' || e.name === 'AbortError') {
    return { code: 'timeout', detail: 'no answer before the timeout' };
  }
  if (code === 'ECONNREFUSED') return { code: 'refused', detail: 'connection refused' };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
    return { code: 'reset', detail: 'the connection was reset' };
  }
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL') || /certificate|SSL|TLS/u.test(message)) {
    return { code: 'tls', detail: `TLS failure (${code || message})` };
  }
  return { code: 'network', detail: code ? `${code}: ${message}` : message };
}

/** Errors worth another try: a timeout, a reset or refused connection, a DNS hiccup. Never a refusal by policy or a name that does not exist. */
function retriable(code: LinkErrorCode): boolean {
  return code === 'timeout' || code === 'reset' || code === 'refused' || code === 'network';
}

/** The URL to request: no fragment (never sent), no user name or password (never sent). */
function requestUrl(u: URL): string {
  const copy = new URL(u.href);
  copy.hash = '';
  copy.username = '';
  copy.password = '';
  return copy.href;
}

export class LinkChecker {
  readonly #options: Required<Omit<CheckerOptions, 'route' | 'onDone'>> & Pick<CheckerOptions, 'route' | 'onDone'>;
  readonly #global: Slots;
  readonly #hosts = new Map<string, HostState>();
  readonly #checks = new Map<string, Promise<LinkCheck>>();
  readonly #agent: Agent;
  /** Requests sent (every attempt of every hop), for reports and tests. */
  requests = 0;

  constructor(options: CheckerOptions) {
    const timeout = options.timeout ?? 20_000;
    this.#options = {
      concurrency: options.concurrency ?? 16,
      perHost: options.perHost ?? 2,
      timeout,
      connectTimeout: options.connectTimeout ?? Math.min(10_000, timeout),
      retries: options.retries ?? 2,
      retryDelay: options.retryDelay ?? 1000,
      retryAfterBudget: options.retryAfterBudget ?? 60_000,
      maxRedirects: options.maxRedirects ?? 10,
      allowHosts: options.allowHosts ?? [],
      userAgent: options.userAgent,
      resolve: options.resolve ?? ((hostname) => lookup(hostname, { all: true, verbatim: true })),
      ...(options.route ? { route: options.route } : {}),
      ...(options.onDone ? { onDone: options.onDone } : {}),
      now: options.now ?? Date.now,
    };
    this.#global = new Slots(this.#options.concurrency);
    const base = buildConnector({ timeout: this.#options.connectTimeout });
    const { allowHosts, resolve, route } = this.#options;
    this.#agent = new Agent({
      // Resolve and check here, then connect to the checked address itself, so what was checked
      // is what is reached (no second lookup that could answer differently).
      connect: (opts, callback) => {
        const host = bareHost(opts.hostname);
        const refused = refuseHostName(host, allowHosts);
        if (refused) {
          callback(new BlockedError(`refused: ${refused}`), null);
          return;
        }
        const family = isIP(host);
        const addresses = family !== 0 ? Promise.resolve([{ address: host, family }]) : resolve(host);
        addresses.then(
          (list) => {
            if (list.length === 0) throw Object.assign(new Error(`${host} does not resolve`), { code: 'ENOTFOUND' });
            for (const a of list) {
              const why = refuseAddress(host, a.address, allowHosts);
              if (why) throw new BlockedError(`refused: ${why}`);
            }
            const where = route?.({ protocol: opts.protocol, hostname: host, port: opts.port }) ?? {};
            base({ ...opts, hostname: list[0]!.address, port: where.port ?? opts.port, protocol: where.protocol ?? opts.protocol }, callback);
          },
        ).catch((error: Error) => callback(error, null));
      },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      keepAliveTimeout: 2000,
      pipelining: 1,
    });
  }

  /** Check a URL (once per checker: later calls share the first one's result). */
  check(url: string): Promise<LinkCheck> {
    const key = checkKey(url);
    let pending = this.#checks.get(key);
    if (!pending) {
      pending = this.#run(key).then((result) => {
        this.#options.onDone?.(result);
        return result;
      });
      this.#checks.set(key, pending);
    }
    return pending;
  }

  /** Close idle connections. */
  async close(): Promise<void> {
    await this.#agent.close();
  }

  #host(key: string): HostState {
    let state = this.#hosts.get(key);
    if (!state) {
      state = { slots: new Slots(this.#options.perHost), notBefore: 0 };
      this.#hosts.set(key, state);
    }
    return state;
  }

  async #run(original: string): Promise<LinkCheck> {
    const chain: Hop[] = [];
    let current = new URL(original);
    const seen = new Set<string>([requestUrl(current)]);
    const done = (status: number | null, error: LinkErrorCode | null, detail: string | null): LinkCheck => ({
      url: original,
      status,
      finalUrl: current.href,
      chain,
      error,
      detail,
      checkedAt: new Date(this.#options.now()).toISOString(),
    });
    const waited = { ms: 0 };
    for (;;) {
      const answer = await this.#fetchWithRetries(current, waited);
      if ('error' in answer) return done(null, answer.error, answer.detail);
      const { status, location } = answer;
      if (!REDIRECTS.has(status) || location === null) return done(status, null, answer.detail);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        chain.push({ url: current.href, status });
        return done(status, 'bad-redirect', `unreadable Location "${location}"`);
      }
      chain.push({ url: current.href, status });
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return done(status, 'bad-redirect', `redirects to a ${next.protocol} URL`);
      }
      const key = requestUrl(next);
      if (seen.has(key)) {
        current = next;
        return done(status, 'loop', `redirect loop back to ${next.href}`);
      }
      if (chain.length > this.#options.maxRedirects) {
        return done(status, 'too-many-redirects', `more than ${this.#options.maxRedirects} redirects`);
      }
      seen.add(key);
      current = next;
    }
  }

  /** One hop: HEAD (then GET if refused), retried on 5xx and network errors, waiting for Retry-After within the budget. */
  async #fetchWithRetries(
    url: URL,
    waited: { ms: number },
  ): Promise<{ status: number; location: string | null; detail: string | null } | { error: LinkErrorCode; detail: string }> {
    const { retries, retryDelay, retryAfterBudget } = this.#options;
    let failures = 0;
    // Retry-After waits are bounded by the budget; this bounds "Retry-After: 0" loops too.
    for (let attempt = 0; attempt < retries + 20; attempt++) {
      let answer: { status: number; location: string | null; retryAfter: string | string[] | undefined };
      try {
        answer = await this.#send(url, 'HEAD');
        if (FALLBACK_TO_GET.has(answer.status)) answer = await this.#send(url, 'GET');
      } catch (error) {
        const described = describeError(error);
        if (!retriable(described.code) || failures >= retries) {
          return { error: described.code, detail: failures > 0 ? `${described.detail} (after ${failures + 1} attempts)` : described.detail };
        }
        await sleep(retryDelay * 2 ** failures++);
        continue;
      }
      const { status } = answer;
      if (status === 429 || status === 503) {
        const wait = parseRetryAfter(answer.retryAfter, this.#options.now());
        if (wait !== null) {
          if (waited.ms + wait > retryAfterBudget) {
            return { status, location: null, detail: `Retry-After ${Math.ceil(wait / 1000)} s is past the waiting budget` };
          }
          waited.ms += wait;
          const host = this.#host(url.host);
          host.notBefore = Math.max(host.notBefore, this.#options.now() + wait);
          await sleep(wait);
          continue;
        }
      }
      if ((status >= 500 || status === 429) && status !== 501 && failures < retries) {
        await sleep(retryDelay * 2 ** failures++);
        continue;
      }
      const detail = failures > 0 ? `after ${failures + 1} attempts` : null;
      return { status, location: answer.location, detail };
    }
    return { error: 'network', detail: 'gave up after too many attempts' };
  }

  /** One request, inside the host's and the global limits; the body is never read. */
  async #send(url: URL, method: 'HEAD' | 'GET'): Promise<{ status: number; location: string | null; retryAfter: string | string[] | undefined }> {
    const host = this.#host(url.host);
    await host.slots.acquire();
    try {
      const pause = host.notBefore - this.#options.now();
      if (pause > 0) await sleep(pause);
      await this.#global.acquire();
      try {
        this.requests++;
        const response = await request(requestUrl(url), {
          method,
          dispatcher: this.#agent,
          headers: {
            'user-agent': this.#options.userAgent,
            accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
          },
          signal: AbortSignal.timeout(this.#options.timeout),
          // undici closes the connection after a HEAD by default; keep it for the host's next URL.
          ...(method === 'HEAD' ? { reset: false } : {}),
        });
        // The status is all we need. A HEAD answer has no body, so the connection can be kept; a
        // GET body is dropped at once, whatever its size, and its connection with it.
        if (method === 'HEAD') await response.body.dump();
        else {
          response.body.on('error', () => undefined);
          response.body.destroy();
        }
        const location = response.headers['location'];
        return {
          status: response.statusCode,
          location: (Array.isArray(location) ? location[0] : location) ?? null,
          retryAfter: response.headers['retry-after'],
        };
      } finally {
        this.#global.release();
      }
    } finally {
      host.slots.release();
    }
  }
}

/** Two links that are the same request share one check: the WHATWG serialisation, without the fragment. */
export function checkKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}
