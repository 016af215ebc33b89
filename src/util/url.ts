/**
 * URL parsing and normalisation. URLs are parsed with the WHATWG URL parser (what browsers do),
 * so "https://nodejs.org@evil.com/" has host evil.com, and hosts come back lower-case and in
 * punycode.
 */
import { editDistance } from './edit-distance.js';

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** A parsed URL's lower-case host without a trailing dot ("" when it has none). */
export const hostnameOf = (u: URL): string => u.hostname.replace(/\.$/u, '');

/** Lower-case host without a trailing dot, or null (relative, invalid or host-less URL). */
export function hostOf(url: string): string | null {
  const u = parseUrl(url);
  return u && u.hostname ? hostnameOf(u) : null;
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

/** Code hosts whose owner and repository names ignore case. */
const CASE_INSENSITIVE_REPOSITORIES = new Set(['github.com', 'gitlab.com']);

/**
 * A key under which two links to the same resource compare equal: http and https, host case,
 * "www.", the default port, a trailing slash, "index.html", tracking parameters and the case of a
 * GitHub or GitLab owner/repository do not count. Other path case, content-changing query
 * parameters and (unless told) fragments do. Returns null for a URL that does not parse.
 */
export function normalizeUrl(url: string, options: NormalizeOptions = {}): string | null {
  const u = parseUrl(url.trim());
  if (!u) return null;
  if (!isWebUrl(u)) return u.href;
  const host = hostnameOf(u).replace(/^www\./u, '');
  const port = u.port && !(u.port === '80' || u.port === '443') ? `:${u.port}` : '';
  let path = u.pathname.replace(/\/index\.html?$/iu, '/');
  // github.com/Owner/Repo and github.com/owner/repo are one repository; file paths below keep their case.
  if (CASE_INSENSITIVE_REPOSITORIES.has(host)) path = path.replace(/^(\/[^/]+){1,2}/u, (ownerRepo) => ownerRepo.toLowerCase());
  if (path.length > 1) path = path.replace(/(?<!\/)\/+$/u, '');
  if (path === '/') path = '';
  // Most links have no query: the parameter list (an object of its own per URL) is made only for those that do.
  const params = u.search === '' ? [] : [...u.searchParams].filter(([name]) => !isTrackingParam(name));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const fragment = options.ignoreFragment || u.hash === '#' ? '' : u.hash;
  return `https://${host}${port}${path}${query}${fragment}`;
}

/**
 * A web scheme spelt wrong ("ttps://", "htps://", "http//", "https;//", "http:/"): the scheme it
 * was meant to be ("https://"), or null when the URL does not start with a near-miss of one.
 */
export function schemeTypo(url: string): string | null {
  const m = /^([a-z]{2,7})([:;]?)(\/{1,3}|\\{2})/iu.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  if ((scheme === 'http' || scheme === 'https') && m[2] === ':' && (m[3] === '//' || m[3] === '\\\\')) return null;
  // Without a colon only "http//" is a typo; "http/readme.md" is a relative path.
  if (m[2] === '' && m[3] !== '//') return null;
  const meant =
    scheme === 'http' || scheme === 'https' ? scheme : editDistance(scheme, 'https') <= 1 ? 'https' : editDistance(scheme, 'http') <= 1 ? 'http' : null;
  return meant === null ? null : `${meant}://`;
}


/** decodeURIComponent that answers null for a malformed escape ("%E0%A4%A") instead of throwing. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The scheme a browser would see ("javascript" for " Java\tScript:…"), lower-case, or null for a relative URL. */
export function schemeOf(url: string): string | null {
  // Browsers drop leading C0 controls and spaces, and tabs and newlines anywhere, before parsing.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\u0000-\u0020]+/u, '').replace(/[\t\n\r]/gu, '');
  const m = /^([a-z][a-z0-9+.-]*):/iu.exec(cleaned);
  return m ? m[1]!.toLowerCase() : null;
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * http, https, mailto, relative and # links, the only ones the outputs carry; a misspelt web
 * scheme ("ttps:") counts as a broken web link (url-syntax's finding), not a dangerous one.
 */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === null || SAFE_SCHEMES.has(scheme) || schemeTypo(url) !== null;
}

/** What an unsafe link's target becomes in the model and the cleaned Markdown. */
export const NEUTRALISED_URL = '#';
