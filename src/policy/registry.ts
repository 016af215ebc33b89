/**
 * The official-source registry: technologies with their official hosts and URL prefixes, and
 * platforms that decide a resource's kind. The default registry ships as official-sources.json
 * (validated against schema/registry.schema.json); a project's configuration can add, replace or
 * remove technologies.
 */
import { getDomain, getPublicSuffix } from 'tldts';
import defaultData from './official-sources.json' with { type: 'json' };
import { validate as compiledValidate } from '../generated/validate-registry.js';
import { formatAjvErrors, type SchemaError } from '../model/validate.js';
import type { ResourceKind } from '../model/types.js';

export interface TechnologyEntry {
  name: string;
  aliases?: string[];
  category: string;
  hosts?: string[];
  prefixes?: string[];
}

export interface PlatformEntry {
  name: string;
  kind: Exclude<ResourceKind, 'official'>;
  hosts?: string[];
  prefixes?: string[];
  repositoryHosts?: string[];
}

export interface RegistryData {
  version: 1;
  technologies: TechnologyEntry[];
  platforms: PlatformEntry[];
}

/** What a project's configuration may change. */
export interface RegistryOverrides {
  /** Technologies to add; an entry with an existing name replaces that technology. */
  technologies?: TechnologyEntry[];
  /** Names of technologies to remove. */
  remove?: string[];
}

interface Prefix<T> {
  host: string;
  path: string;
  entry: T;
}

export class Registry {
  readonly technologies: readonly TechnologyEntry[];
  readonly platforms: readonly PlatformEntry[];
  readonly #hosts = new Map<string, TechnologyEntry[]>();
  readonly #prefixes: Prefix<TechnologyEntry>[] = [];
  readonly #platformHosts = new Map<string, PlatformEntry>();
  readonly #platformPrefixes: Prefix<PlatformEntry>[] = [];
  readonly #repositoryHosts = new Map<string, PlatformEntry>();
  readonly #byName = new Map<string, TechnologyEntry>();
  #namePattern: RegExp | null = null;

  constructor(data: RegistryData) {
    this.technologies = data.technologies;
    this.platforms = data.platforms;
    for (const t of data.technologies) {
      for (const h of t.hosts ?? []) push(this.#hosts, h, t);
      for (const p of t.prefixes ?? []) this.#prefixes.push({ ...splitPrefix(p), entry: t });
      for (const name of [t.name, ...(t.aliases ?? [])]) {
        if (!this.#byName.has(name.toLowerCase())) this.#byName.set(name.toLowerCase(), t);
      }
    }
    // Longest prefix first, so the most specific entry wins.
    this.#prefixes.sort((a, b) => b.path.length - a.path.length);
    for (const p of data.platforms) {
      for (const h of p.hosts ?? []) this.#platformHosts.set(h, p);
      for (const x of p.prefixes ?? []) this.#platformPrefixes.push({ ...splitPrefix(x), entry: p });
      for (const h of p.repositoryHosts ?? []) this.#repositoryHosts.set(h, p);
    }
  }

  /** Technologies for which host + path is official, most specific first. */
  officialFor(host: string, path: string): TechnologyEntry[] {
    const found: TechnologyEntry[] = [];
    const bare = host.replace(/^www\./u, '');
    for (const p of this.#prefixes) {
      if (p.host === bare && pathStartsWith(path, p.path) && !found.includes(p.entry)) found.push(p.entry);
    }
    for (const candidate of ancestorsOf(bare)) {
      for (const t of this.#hosts.get(candidate) ?? []) if (!found.includes(t)) found.push(t);
    }
    return found;
  }

  platformFor(host: string, path: string): { platform: PlatformEntry; repository: boolean } | null {
    const bare = host.replace(/^www\./u, '');
    for (const p of this.#platformPrefixes) {
      if (p.host === bare && pathStartsWith(path, p.path)) return { platform: p.entry, repository: false };
    }
    const repo = this.#repositoryHosts.get(bare);
    if (repo && /^\/[^/]+\/[^/]+/u.test(path)) return { platform: repo, repository: true };
    for (const candidate of ancestorsOf(bare)) {
      const p = this.#platformHosts.get(candidate);
      if (p) return { platform: p, repository: false };
    }
    return null;
  }

  /** Technologies named in a text (link text, group label), as whole words, first mention first. */
  technologiesNamedIn(text: string): TechnologyEntry[] {
    // One pass of one alternation, longest name first: "Spring Boot" wins over "Spring".
    this.#namePattern ??= namesPattern([...this.#byName.keys()]);
    const found: TechnologyEntry[] = [];
    for (const m of text.matchAll(this.#namePattern)) {
      const entry = this.#byName.get(m[0].toLowerCase());
      if (entry && !found.includes(entry)) found.push(entry);
    }
    return found;
  }

  /** All hosts listed anywhere, for look-alike checks. */
  allHosts(): string[] {
    const hosts = new Set<string>(this.#hosts.keys());
    for (const p of this.#prefixes) hosts.add(p.host);
    return [...hosts];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function splitPrefix(prefix: string): { host: string; path: string } {
  const slash = prefix.indexOf('/');
  return { host: prefix.slice(0, slash).replace(/^www\./u, ''), path: prefix.slice(slash) };
}

function pathStartsWith(path: string, prefix: string): boolean {
  if (path.startsWith(prefix)) return true;
  // "github.com/nodejs/" also covers "github.com/nodejs" itself.
  return prefix.endsWith('/') && path === prefix.slice(0, -1);
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

function namesPattern(names: string[]): RegExp {
  const escaped = names
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  // Word edges that also work for names ending in symbols ("C++", "C#", ".NET").
  return new RegExp(`(?<![\\p{L}\\p{N}_.#+-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_#+]|\\.[\\p{L}\\p{N}])`, 'giu');
}

type CompiledValidator = ((data: unknown) => boolean) & { errors?: Parameters<typeof formatAjvErrors>[0] | null };

/** Check registry data against schema/registry.schema.json and the rule that no host is a public suffix. */
export function validateRegistryData(data: unknown): SchemaError[] {
  const validate = compiledValidate as unknown as CompiledValidator;
  if (!validate(data)) return formatAjvErrors(validate.errors ?? []);
  const errors: SchemaError[] = [];
  (data as RegistryData).technologies.forEach((t, i) => {
    t.hosts?.forEach((h, k) => {
      if (getPublicSuffix(h, { allowPrivateDomains: true }) === h) {
        errors.push({ path: `/technologies/${i}/hosts/${k}`, message: `"${h}" is a public suffix: it would cover every site under it` });
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
