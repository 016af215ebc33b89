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
import type { Classification, Classifier, ClassifierInput } from '../model/extract.js';
import { getDefaultRegistry, type Registry, type TechnologyEntry } from './registry.js';
import { isWebUrl, parseUrl } from '../util/url.js';

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

/** An IPv4 host as the URL parser writes it. */
const IPV4_HOST = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u;

function analyze(raw: string, registry: Registry): UrlAnalysis {
  const u = parseUrl(raw.trim());
  if (!u) return { host: null, problems: ['invalid'], imitates: null, unicodeHost: null, technologies: [] };
  const host = u.hostname ? u.hostname.replace(/\.$/u, '').toLowerCase() : null;
  const problems: HostProblem[] = [];
  if (!isWebUrl(u)) problems.push('not-web');
  if (!host) return { host, problems: problems.length ? problems : ['invalid'], imitates: null, unicodeHost: null, technologies: [] };
  // The URL parser writes an IPv6 host in brackets and any IPv4 form ("0x7f.1") as four decimals.
  if (host.startsWith('[') || IPV4_HOST.test(host)) problems.push('ip');
  if (u.port !== '') problems.push('port');
  if (u.username !== '' || u.password !== '') problems.push('credentials');
  const unicodeHost = domainToUnicode(host) || host;
  const imitates = asciiSkeleton(unicodeHost);
  if (imitates !== null) problems.push('lookalike');
  const technologies = problems.length > 0 ? [] : registry.officialFor(host, u.pathname);
  return { host, problems, imitates, unicodeHost, technologies };
}

export interface OfficialJudgement {
  /** The URL is official for a technology, and for one the link names when it names any. */
  official: boolean;
  /** The technology it is official for, preferring one the link names; null when not official. */
  technology: TechnologyEntry | null;
  /** Technologies the link text names, then those its label names. */
  about: TechnologyEntry[];
  /** Technologies the URL is official for (empty when the URL has a problem). */
  officialFor: TechnologyEntry[];
}

/**
 * Is a link official for the technology it is about? "Official" is always official *for*
 * something: a DigitalOcean tutorial called "Node.js streams" is on a registry vendor's host, but
 * it is not official for Node.js. The technology comes from the link text first, then its label
 * (a group label, or the topic a roadmap.sh file is about); a link that names none is official
 * when its URL is official for anything.
 */
export function judgeOfficial(
  link: { url: string; title: string; label?: string | null },
  registry: Registry = getDefaultRegistry(),
): OfficialJudgement {
  const officialFor = analyzeUrl(link.url, registry).technologies;
  const about = [...registry.technologiesNamedIn(link.title)];
  for (const t of registry.technologiesNamedIn(link.label ?? '')) if (!about.includes(t)) about.push(t);
  if (officialFor.length === 0) return { official: false, technology: null, about, officialFor };
  const named = about.find((t) => officialFor.includes(t));
  if (about.length > 0 && !named) return { official: false, technology: null, about, officialFor };
  return { official: true, technology: named ?? officialFor[0]!, about, officialFor };
}

/** Assign kind, official and technology to resources from the registry and known platforms. */
export function createClassifier(registry: Registry = getDefaultRegistry()): Classifier {
  return (input: ClassifierInput): Classification => {
    const judgement = judgeOfficial({ url: input.url, title: input.title, label: input.group }, registry);
    if (judgement.official) return { kind: 'official', official: true, technology: judgement.technology!.name };
    const analysis = analyzeUrl(input.url, registry);
    // The analysis parsed the trimmed URL; parse it the same way (the raw one may not parse).
    const u = analysis.host && analysis.problems.length === 0 ? parseUrl(input.url.trim()) : null;
    if (u && analysis.host) {
      const platform = registry.platformFor(analysis.host, u.pathname);
      if (platform) return { kind: platform.platform.kind, official: false, technology: null };
    }
    return { kind: 'article', official: false, technology: null };
  };
}
