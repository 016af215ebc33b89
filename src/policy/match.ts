/**
 * Is a URL an official source, and for what? Matching that cannot be fooled:
 *
 *   - URLs are parsed as browsers parse them: "https://nodejs.org@evil.com/" is evil.com;
 *   - hosts match an entry only as the entry itself or a subdomain within the same registrable
 *     domain (Public Suffix List): "nodejs.org.evil.com" and "evilnodejs.org" never match;
 *   - a non-default port, an IP address, credentials or a non-web scheme is never official;
 *   - a host spelt with look-alike letters from another script (or punycode for one) is never
 *     official, and is reported on its own.
 */
import { domainToUnicode } from 'node:url';
import { isIP } from 'node:net';
import type { Classification, Classifier, ClassifierInput } from '../model/extract.js';
import { getDefaultRegistry, type Registry, type TechnologyEntry } from './registry.js';
import { isWebUrl, parseUrl } from './url.js';

export type HostProblem = 'invalid' | 'not-web' | 'ip' | 'port' | 'credentials' | 'lookalike';

export interface UrlAnalysis {
  /** Lower-case host without trailing dot, or null. */
  host: string | null;
  /** Why the URL cannot be official, if it cannot. */
  problems: HostProblem[];
  /** For 'lookalike': the host it imitates, in plain ASCII. */
  imitates: string | null;
  /** The host as Unicode (differs from `host` for punycode). */
  unicodeHost: string | null;
  /** Technologies the URL is official for, most specific first. Empty when any problem stands. */
  technologies: TechnologyEntry[];
}

/** Letters from other scripts that render like ASCII letters (Cyrillic, Greek, Latin look-alikes, full-width). */
const CONFUSABLE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c',
  т: 't', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', ɡ: 'g', ı: 'i', ȷ: 'j', ℓ: 'l',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n',
  ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};

/** The ASCII host a Unicode host imitates, or null when it is not a look-alike. */
export function asciiSkeleton(unicodeHost: string): string | null {
  if (/^[\x00-\x7f]*$/u.test(unicodeHost)) return null;
  let out = '';
  for (const ch of unicodeHost.normalize('NFKC').toLowerCase()) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else if (CONFUSABLE[ch]) out += CONFUSABLE[ch];
    else return null;
  }
  return out;
}

const analyses = new WeakMap<Registry, Map<string, UrlAnalysis>>();

/** Analyse a URL against a registry; classification and several rules ask about the same URLs, so answers are kept. */
export function analyzeUrl(raw: string, registry: Registry = getDefaultRegistry()): UrlAnalysis {
  let cache = analyses.get(registry);
  if (!cache) analyses.set(registry, (cache = new Map()));
  let analysis = cache.get(raw);
  if (!analysis) cache.set(raw, (analysis = analyze(raw, registry)));
  return analysis;
}

function analyze(raw: string, registry: Registry): UrlAnalysis {
  const u = parseUrl(raw.trim());
  if (!u) return { host: null, problems: ['invalid'], imitates: null, unicodeHost: null, technologies: [] };
  const host = u.hostname ? u.hostname.replace(/\.$/u, '').toLowerCase() : null;
  const problems: HostProblem[] = [];
  if (!isWebUrl(u)) problems.push('not-web');
  if (!host) return { host, problems: problems.length ? problems : ['invalid'], imitates: null, unicodeHost: null, technologies: [] };
  const bareHost = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bareHost) !== 0) problems.push('ip');
  if (u.port !== '') problems.push('port');
  if (u.username !== '' || u.password !== '') problems.push('credentials');
  const unicodeHost = domainToUnicode(host) || host;
  const imitates = asciiSkeleton(unicodeHost);
  if (imitates !== null) problems.push('lookalike');
  const technologies = problems.length > 0 ? [] : registry.officialFor(host, u.pathname);
  return { host, problems, imitates, unicodeHost, technologies };
}

/** Assign kind, official and technology to resources from the registry and known platforms. */
export function createClassifier(registry: Registry = getDefaultRegistry()): Classifier {
  return (input: ClassifierInput): Classification => {
    const analysis = analyzeUrl(input.url, registry);
    const technologies = analysis.technologies;
    if (technologies.length > 0) {
      // Prefer the technology the link text or group names, when the URL is official for it.
      const named = [...registry.technologiesNamedIn(input.title), ...registry.technologiesNamedIn(input.group ?? '')];
      const chosen = named.find((t) => technologies.includes(t)) ?? technologies[0]!;
      return { kind: 'official', official: true, technology: chosen.name };
    }
    if (analysis.host && analysis.problems.length === 0) {
      const u = new URL(input.url);
      const platform = registry.platformFor(analysis.host, u.pathname);
      if (platform) return { kind: platform.platform.kind, official: false, technology: null };
    }
    return { kind: 'article', official: false, technology: null };
  };
}
