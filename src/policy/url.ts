/**
 * URL parsing and normalisation. URLs are parsed with the WHATWG URL parser (what browsers do),
 * so "https://nodejs.org@evil.com/" has host evil.com, and hosts come back lower-case and in
 * punycode.
 */

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** Lower-case host without a trailing dot, or null (relative, invalid or host-less URL). */
export function hostOf(url: string): string | null {
  const u = parseUrl(url);
  if (!u || !u.hostname) return null;
  return u.hostname.replace(/\.$/u, '');
}

export function isWebUrl(u: URL): boolean {
  return WEB_SCHEMES.has(u.protocol);
}

/** Query parameters that only track where a click came from; they never change the page. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n === 'fbclid' || n === 'gclid' || n === 'dclid' || n === 'msclkid' || n === 'mc_cid' || n === 'mc_eid';
}

export interface NormalizeOptions {
  /** Treat URLs that differ only in their #fragment as the same. */
  ignoreFragment?: boolean;
}

/**
 * A key under which two links to the same resource compare equal: http and https, host case,
 * "www.", the default port, a trailing slash, "index.html" and tracking parameters do not count.
 * Path case, content-changing query parameters and (unless told) fragments do. Returns null for a
 * URL that does not parse.
 */
export function normalizeUrl(url: string, options: NormalizeOptions = {}): string | null {
  const u = parseUrl(url.trim());
  if (!u) return null;
  if (!isWebUrl(u)) return u.href;
  const host = u.hostname.replace(/\.$/u, '').replace(/^www\./u, '');
  const port = u.port && !(u.port === '80' || u.port === '443') ? `:${u.port}` : '';
  let path = u.pathname.replace(/\/index\.html?$/iu, '/');
  if (path.length > 1) path = path.replace(/\/+$/u, '');
  if (path === '/') path = '';
  const params = [...u.searchParams].filter(([name]) => !isTrackingParam(name));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const fragment = options.ignoreFragment || u.hash === '#' ? '' : u.hash;
  return `https://${host}${port}${path}${query}${fragment}`;
}
