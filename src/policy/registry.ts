/**
 * The official-source registry: technologies with their official hosts and URL prefixes, and
 * platforms that decide a resource's kind. The default registry ships as official-sources.json
 * (validated against schema/registry.schema.json); a project's configuration can add, replace or
 * remove technologies.
 */
import { getDomain, getPublicSuffix } from 'tldts';
import defaultData from './official-sources.json' with { type: 'json' };
import { validate } from '../generated/validate-registry.js';
import { codePointAt, codePointBefore, continuesWord, isLetterOrDigit } from '../util/chars.js';
import { formatAjvErrors, type SchemaError } from '../util/schema-errors.js';
import type { ResourceKind } from '../model/types.js';

export interface TechnologyEntry {
  name: string;
  aliases?: string[];
  category: string;
  hosts?: string[];
  prefixes?: string[];
  /** false when the name is an everyday word ("got"): only the aliases name the technology in a text. */
  matchName?: boolean;
  /** Single pages (exact paths) that are official, e.g. a code host's home page. */
  pages?: string[];
  /** Prefixes under the technology's hosts that are not its documentation: blogs, community tutorials, explainers. */
  notOfficial?: string[];
}

export interface PlatformEntry {
  name: string;
  kind: Exclude<ResourceKind, 'official'>;
  hosts?: string[];
  prefixes?: string[];
  repositoryHosts?: string[];
}

/**
 * A place where anyone can publish: under `area` (a host and path), each project owns the next
 * `projectSegments` path segments (github.com/<owner>, pypi.org/project/<name>); under
 * `subdomainsOf`, each subdomain is someone else's site (<name>.medium.com).
 */
export interface OpenHostEntry {
  name: string;
  area?: string;
  projectSegments?: number;
  subdomainsOf?: string;
}

export interface RegistryData {
  version: 1;
  technologies: TechnologyEntry[];
  platforms: PlatformEntry[];
  openHosts?: OpenHostEntry[];
}

/** What a project's configuration may change. */
export interface RegistryOverrides {
  /** Technologies to add; an entry with an existing name replaces that technology. */
  technologies?: TechnologyEntry[];
  /** Names of technologies to remove. */
  remove?: string[];
}

/** A host and whole path segments; "*" stands for any one segment. Paths compare without case. */
interface PathPattern {
  host: string;
  segments: string[];
}

interface Prefix<T> extends PathPattern {
  entry: T;
}

interface OpenArea extends PathPattern {
  name: string;
  projectSegments: number;
}

export class Registry {
  readonly technologies: readonly TechnologyEntry[];
  readonly platforms: readonly PlatformEntry[];
  readonly #hosts = new Map<string, TechnologyEntry[]>();
  readonly #prefixes: Prefix<TechnologyEntry>[] = [];
  readonly #pages: Prefix<TechnologyEntry>[] = [];
  readonly #notOfficial = new Map<TechnologyEntry, PathPattern[]>();
  readonly #areas: OpenArea[] = [];
  readonly #openSubdomains = new Set<string>();
  readonly #platformHosts = new Map<string, PlatformEntry>();
  readonly #platformPrefixes: Prefix<PlatformEntry>[] = [];
  readonly #repositoryHosts = new Map<string, PlatformEntry>();
  readonly #byName = new Map<string, TechnologyEntry>();
  #namesByFirst: Map<string, string[]> | null = null;

  constructor(data: RegistryData) {
    this.technologies = data.technologies;
    this.platforms = data.platforms;
    for (const t of data.technologies) {
      for (const h of t.hosts ?? []) push(this.#hosts, h.replace(/^www\./u, ''), t);
      for (const p of t.prefixes ?? []) this.#prefixes.push({ ...parsePattern(p), entry: t });
      for (const p of t.pages ?? []) this.#pages.push({ ...parsePattern(p), entry: t });
      if (t.notOfficial?.length) this.#notOfficial.set(t, t.notOfficial.map(parsePattern));
      for (const name of [...(t.matchName === false ? [] : [t.name]), ...(t.aliases ?? [])]) {
        if (!this.#byName.has(name.toLowerCase())) this.#byName.set(name.toLowerCase(), t);
      }
    }
    // Longest prefix first, so the most specific entry wins.
    this.#prefixes.sort((a, b) => b.segments.length - a.segments.length);
    for (const o of data.openHosts ?? []) {
      if (o.area) this.#areas.push({ ...parsePattern(o.area), name: o.name, projectSegments: o.projectSegments ?? 1 });
      if (o.subdomainsOf) this.#openSubdomains.add(o.subdomainsOf);
    }
    for (const p of data.platforms) {
      for (const h of p.hosts ?? []) this.#platformHosts.set(h, p);
      for (const x of p.prefixes ?? []) this.#platformPrefixes.push({ ...parsePattern(x), entry: p });
      for (const h of p.repositoryHosts ?? []) this.#repositoryHosts.set(h, p);
    }
  }

  /** Technologies for which host + path is official, most specific first. */
  officialFor(host: string, path: string): TechnologyEntry[] {
    const found: TechnologyEntry[] = [];
    const bare = host.replace(/^www\./u, '');
    const segments = pathSegments(path);
    for (const p of this.#pages) {
      if (p.host === bare && p.segments.length === segments.length && covers(p.segments, segments) && !found.includes(p.entry)) found.push(p.entry);
    }
    for (const p of this.#prefixes) {
      if (p.host === bare && covers(p.segments, segments) && !found.includes(p.entry)) found.push(p.entry);
    }
    // A whole host never covers a page someone else published there.
    if (!this.#areas.some((a) => a.host === bare && segments.length > a.segments.length && covers(a.segments, segments))) {
      for (const candidate of ancestorsOf(bare)) {
        if (candidate !== bare && this.#openSubdomains.has(candidate)) break;
        for (const t of this.#hosts.get(candidate) ?? []) if (!found.includes(t)) found.push(t);
      }
    }
    return found.filter((t) => !this.#notOfficial.get(t)?.some((p) => p.host === bare && covers(p.segments, segments)));
  }

  /** The open-publishing area a URL lies in (its host and path), or null. */
  openAreaOf(host: string, path: string): string | null {
    const bare = host.replace(/^www\./u, '');
    const segments = pathSegments(path);
    for (const a of this.#areas) {
      if (a.host === bare && segments.length > a.segments.length && covers(a.segments, segments)) return a.name;
    }
    for (const candidate of ancestorsOf(bare)) {
      if (candidate !== bare && this.#openSubdomains.has(candidate)) return candidate;
    }
    return null;
  }

  platformFor(host: string, path: string): { platform: PlatformEntry; repository: boolean } | null {
    const bare = host.replace(/^www\./u, '');
    const segments = pathSegments(path);
    for (const p of this.#platformPrefixes) {
      if (p.host === bare && covers(p.segments, segments)) return { platform: p.entry, repository: false };
    }
    const repo = this.#repositoryHosts.get(bare);
    if (repo && segments.length >= 2) return { platform: repo, repository: true };
    for (const candidate of ancestorsOf(bare)) {
      const p = this.#platformHosts.get(candidate);
      if (p) return { platform: p, repository: false };
    }
    return null;
  }

  /** The technology with exactly this name or alias (any case), or undefined. */
  technologyNamed(name: string): TechnologyEntry | undefined {
    return this.#byName.get(name.toLowerCase());
  }

  /** Technologies named in a text (link text, group label), as whole words, first mention first. */
  technologiesNamedIn(text: string): TechnologyEntry[] {
    const found: TechnologyEntry[] = [];
    const add = (name: string) => {
      const entry = this.#byName.get(name);
      if (entry && !found.includes(entry)) found.push(entry);
    };
    const lower = sameLengthLowerCase(text);
    // Left to right, at each word start the longest name that ends at a word end ("Spring Boot"
    // wins over "Spring"), then on after it: what one alternation of every name, longest first,
    // would find, without trying hundreds of names at every character.
    this.#namesByFirst ??= namesByFirstCharacter([...this.#byName.keys()]);
    for (let i = 0; i < lower.length; ) {
      const names = this.#namesByFirst.get(lower[i]!);
      if (names && !nameCharacterBefore(codePointBefore(text, i))) {
        const name = names.find((n) => lower.startsWith(n, i) && endsName(text, i + n.length));
        if (name) {
          add(name);
          i += name.length;
          continue;
        }
      }
      i++;
    }
    return found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "github.com/nodejs/" -> github.com, ["nodejs"]. */
function parsePattern(pattern: string): PathPattern {
  const slash = pattern.indexOf('/');
  return { host: pattern.slice(0, slash).replace(/^www\./u, ''), segments: pathSegments(pattern.slice(slash)) };
}

/** A URL path as lower-case segments: "/en-US/docs//Web/" -> ["en-us", "docs", "web"]. */
export function pathSegments(path: string): string[] {
  return path.toLowerCase().split('/').filter((s) => s !== '');
}

/** Whole-segment prefix match: "docs.rs/axum" covers /axum and /axum/latest, never /axum-evil. */
function covers(pattern: string[], segments: string[]): boolean {
  if (segments.length < pattern.length) return false;
  return pattern.every((p, i) => p === '*' || p === segments[i]);
}

/**
 * The host and each parent domain down to its registrable domain (from the Public Suffix List):
 * docs.python.org -> docs.python.org, python.org. Never a public suffix itself, so an entry can
 * only cover subdomains of the same owner.
 */
export function ancestorsOf(host: string): string[] {
  const registrable = getDomain(host, { allowPrivateDomains: true });
  if (!registrable) return [];
  const out: string[] = [];
  let h = host;
  while (h.length >= registrable.length) {
    out.push(h);
    if (h === registrable) break;
    h = h.slice(h.indexOf('.') + 1);
  }
  return out;
}

/** Characters that may not come right before a name: it would be inside a longer word ("C" in "ObjC"). */
const nameCharacterBefore = (ch: string): boolean => continuesWord(ch, '_.#+-');
/** Characters that may not come right after one; a "." may, unless a letter or digit follows it. */
const nameCharacterAfter = (ch: string): boolean => continuesWord(ch, '_#+-');

/** Does a name that ends at `end` end at a word's end? */
function endsName(text: string, end: number): boolean {
  const next = codePointAt(text, end);
  if (nameCharacterAfter(next)) return false;
  return !(next === '.' && isLetterOrDigit(codePointAt(text, end + 1)));
}

/** Lower-case names by their first UTF-16 unit, longest first. */
function namesByFirstCharacter(names: string[]): Map<string, string[]> {
  const byFirst = new Map<string, string[]>();
  for (const name of [...names].sort((a, b) => b.length - a.length)) push(byFirst, name[0]!, name);
  return byFirst;
}

/**
 * The text in lower case, position for position: a character whose lower case is longer ("İ",
 * which case-insensitive matching does not equate with "i" either) stays as it is.
 */
function sameLengthLowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/**
 * Check registry data against schema/registry.schema.json, and that no entry covers pages that
 * others publish: no host may be a public suffix or a host where anyone can publish, and a
 * prefix inside an open area must name a project there.
 */
export function validateRegistryData(data: unknown): SchemaError[] {
  if (!validate(data)) return formatAjvErrors(validate.errors ?? []);
  const registry = data as RegistryData;
  const open = registry.openHosts ?? [];
  const wholeOpen = [
    ...open.filter((o) => o.area && parsePattern(o.area).segments.length === 0).map((o) => ({ host: parsePattern(o.area!).host, name: o.name, example: `${parsePattern(o.area!).host}/<${(o.projectSegments ?? 1) > 1 ? 'path' : 'owner'}>/` })),
    ...open.filter((o) => o.subdomainsOf).map((o) => ({ host: o.subdomainsOf!, name: o.name, example: `<name>.${o.subdomainsOf}` })),
  ];
  const areas = open.filter((o) => o.area).map((o) => ({ ...parsePattern(o.area!), name: o.name, projectSegments: o.projectSegments ?? 1 }));
  const errors: SchemaError[] = [];
  registry.technologies.forEach((t, i) => {
    t.hosts?.forEach((h, k) => {
      const path = `/technologies/${i}/hosts/${k}`;
      const host = h.replace(/^www\./u, '');
      if (getPublicSuffix(host, { allowPrivateDomains: true }) === host) {
        errors.push({ path, message: `"${h}" is a public suffix: it would cover every site under it` });
        return;
      }
      const o = wholeOpen.find((w) => w.host === host);
      if (o) errors.push({ path, message: `"${h}" would cover ${o.host}, where anyone can publish (${o.name}): list the project's own prefix, such as ${o.example}` });
    });
    t.prefixes?.forEach((p, k) => {
      const pattern = parsePattern(p);
      for (const a of areas) {
        // Skip areas the prefix cannot reach: another host, or a path that parts from the area's.
        const shared = Math.min(a.segments.length, pattern.segments.length);
        if (a.host !== pattern.host || !a.segments.slice(0, shared).every((s, n) => s === pattern.segments[n] || pattern.segments[n] === '*')) continue;
        const project = pattern.segments.slice(a.segments.length, a.segments.length + a.projectSegments);
        if (pattern.segments.length < a.segments.length || project.length < a.projectSegments || project.includes('*') || pattern.segments.slice(0, a.segments.length).includes('*')) {
          const at = [a.host, ...a.segments].join('/');
          errors.push({
            path: `/technologies/${i}/prefixes/${k}`,
            message: `"${p}" does not name a project on ${at}/, where anyone can publish (${a.name}): it needs ${a.projectSegments} more path segment${a.projectSegments > 1 ? 's' : ''}, none of them "*"`,
          });
          break;
        }
      }
    });
  });
  return errors;
}

/** Apply a configuration's changes to registry data. */
export function applyOverrides(data: RegistryData, overrides: RegistryOverrides | undefined): RegistryData {
  if (!overrides) return data;
  const removed = new Set((overrides.remove ?? []).map((n) => n.toLowerCase()));
  const replaced = new Map((overrides.technologies ?? []).map((t) => [t.name.toLowerCase(), t]));
  const technologies = data.technologies
    .filter((t) => !removed.has(t.name.toLowerCase()))
    .map((t) => replaced.get(t.name.toLowerCase()) ?? t);
  for (const t of overrides.technologies ?? []) {
    if (!data.technologies.some((d) => d.name.toLowerCase() === t.name.toLowerCase())) technologies.push(t);
  }
  return { ...data, technologies };
}

export const DEFAULT_REGISTRY_DATA = defaultData as RegistryData;

let defaultRegistry: Registry | undefined;

export function getDefaultRegistry(): Registry {
  defaultRegistry ??= new Registry(DEFAULT_REGISTRY_DATA);
  return defaultRegistry;
}
