/**
 * The lint cache (--cache, --cache-location): a file whose content, configuration (rule settings
 * and options included) and tool are what they were at the last run gets that run's findings back
 * without being parsed. An entry made with a cross-file rule (duplicate-link with scope "files")
 * also records the other documents it read, by path and content, and is valid only while the same
 * globs find the same documents with the same content.
 *
 * The file is JSON, written atomically at the end of a run that succeeded (exit 0 or 1), never
 * after a failure. A cache that cannot be read, is not JSON, or was written by another tool,
 * format or version is ignored with a warning and replaced.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import { validateRoadmap } from '../model/validate.js';
import { NotAFileError, readFileChecked, writeFileAtomic } from '../util/atomic.js';
import { sha256 } from '../util/digest.js';
import { PACKAGE } from '../version.js';
import type { FileOutcome } from './batch.js';

export const CACHE_FILE = '.roadmapcache';
const FORMAT = 1;

export const contentHash = (text: string | Buffer): string => sha256(text, 'base64url');

/** The globs (and their directory) a cross-file rule read other documents with. */
export type CacheDeps = { globs: string[]; dir: string }[];

interface Entry {
  hash: string;
  config: string;
  /** For each glob set the file depended on: a digest of the paths it found and their contents. */
  deps?: string[];
  outcome: FileOutcome;
}

interface CacheFile {
  tool: string;
  format: number;
  key: string;
  entries: Record<string, Entry>;
}

/** Maps and Sets as sorted arrays, functions and the registry object left out: a stable text of a configuration. */
function stableConfig(config: ResolvedConfig): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(config, (key, value: unknown) => {
    if (key === 'registry' || typeof value === 'function') return undefined;
    if (value instanceof Map) return [...value].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    if (value instanceof Set) return [...value].sort();
    if (value && typeof value === 'object') {
      if (seen.has(value)) return '[seen]';
      seen.add(value);
    }
    return value;
  });
}

/** How every cache this tool writes starts. */
const OWN_START = new RegExp(`^\\s*\\{\\s*"tool"\\s*:\\s*"${PACKAGE.name}"`, 'u');

export class LintCache {
  #entries: Record<string, Entry> = {};
  /** The file at the location is not this tool's cache (or no file): it is never overwritten. */
  #foreign: string | null = null;
  /** Content hashes read this run, by absolute path, so a stored entry names what was linted. */
  readonly #hashes = new Map<string, string>();
  readonly #configKeys = new WeakMap<ResolvedConfig, string>();
  readonly #configFiles = new Map<string, string>();
  readonly #digests = new Map<string, Promise<string>>();
  #key = '';

  private constructor(
    readonly location: string,
    readonly cwd: string,
  ) {}

  /** Open the cache at `location`; `warn` hears why an unusable one is ignored. */
  static async open(location: string, cwd: string, warn: (message: string) => void): Promise<LintCache> {
    const cache = new LintCache(resolve(cwd, location), cwd);
    cache.#key = await toolKey();
    const leave = (why: string): LintCache => {
      cache.#foreign = why;
      warn(`${location}: ${why}; ignoring it and leaving it as it is (delete it, or give another --cache-location)`);
      return cache;
    };
    let text: string;
    try {
      // A FIFO or a device is refused without being opened for long, as a document would be.
      text = readFileChecked(cache.location).bytes.toString('utf8');
    } catch (error) {
      if (error instanceof NotAFileError) return leave(`is a ${error.kind}, not a cache`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return cache;
      return leave(`cannot read the cache (${code ?? (error as Error).message})`);
    }
    let data: Partial<CacheFile>;
    try {
      data = JSON.parse(text) as Partial<CacheFile>;
    } catch {
      // This tool's cache cut short (by a hand, or a disk, since it is written atomically) is
      // replaced; anything else that is not JSON may be a document, and is left alone.
      if (OWN_START.test(text)) {
        warn(`${location}: the cache is not valid JSON; ignoring it`);
        return cache;
      }
      return leave(`not a ${PACKAGE.name} cache (not JSON)`);
    }
    if (typeof data !== 'object' || data === null || data.tool !== PACKAGE.name) return leave(`not a ${PACKAGE.name} cache`);
    if (data.format !== FORMAT || typeof data.entries !== 'object' || data.entries === null || Array.isArray(data.entries)) {
      // This tool's cache in another format: replaced.
      warn(`${location}: a ${PACKAGE.name} cache of another format; ignoring it`);
      return cache;
    }
    // Another version of the tool: every entry is stale, quietly.
    if (data.key !== cache.#key) return cache;
    // Anyone can edit the file: an entry not of the shape this tool writes (schema/cache-entry.schema.json;
    // a finding that is null, a severity the reports do not know) is dropped, never trusted.
    const { validate } = await import('../generated/validate-cache-entry.js');
    let dropped = 0;
    for (const [path, entry] of Object.entries(data.entries)) {
      if (path !== '__proto__' && validate(entry)) cache.#entries[path] = entry as Entry;
      else dropped++;
    }
    if (dropped > 0) warn(`${location}: ${dropped} damaged entr${dropped === 1 ? 'y' : 'ies'} ignored; their files are checked again`);
    return cache;
  }

  async #hashFile(abs: string): Promise<string | null> {
    let h = this.#hashes.get(abs);
    if (h === undefined) {
      try {
        h = contentHash(await readFile(abs));
      } catch {
        return null;
      }
      this.#hashes.set(abs, h);
    }
    return h;
  }

  /** What a glob set finds now: every path and its content, as one digest (once per run). */
  #depDigest(dep: CacheDeps[number]): Promise<string> {
    const key = JSON.stringify([dep.dir, dep.globs]);
    let digest = this.#digests.get(key);
    if (!digest) {
      digest = (async () => {
        const found = (await (await import('tinyglobby')).glob([...dep.globs], { cwd: dep.dir, absolute: true, dot: false })).sort();
        const parts: string[] = [key];
        for (const f of found) parts.push(f, (await this.#hashFile(f)) ?? 'unreadable');
        return contentHash(parts.join('\n'));
      })();
      this.#digests.set(key, digest);
    }
    return digest;
  }

  /** The configuration's key: its resolved settings and the text of the file they came from. */
  async #configKey(config: ResolvedConfig): Promise<string> {
    let key = this.#configKeys.get(config);
    if (key === undefined) {
      const file = (config as { file?: string | null }).file;
      let fileText = '';
      if (typeof file === 'string') {
        fileText = this.#configFiles.get(file) ?? (await readFile(file, 'utf8').catch(() => ''));
        this.#configFiles.set(file, fileText);
      }
      key = contentHash(`${stableConfig(config)}\n${fileText}`);
      this.#configKeys.set(config, key);
    }
    return key;
  }

  /** The cached outcome for a file, when it is still valid (with outputs when `emit`). */
  async lookup(path: string, config: ResolvedConfig, emit: boolean): Promise<FileOutcome | undefined> {
    const abs = resolve(this.cwd, path);
    const hash = await this.#hashFile(abs);
    const entry = this.#entries[abs];
    if (!entry || hash === null || entry.hash !== hash) return undefined;
    if (entry.config !== (await this.#configKey(config))) return undefined;
    // Outputs are written as kept: their model must still be one (the schema checks only its shape).
    if (emit && (!entry.outcome.emitted || validateRoadmap(entry.outcome.emitted.roadmap).length > 0)) return undefined;
    if (entry.outcome.path !== path) return undefined;
    const deps = entry.outcome.deps ?? [];
    for (const [i, dep] of deps.entries()) {
      if ((await this.#depDigest(dep)) !== entry.deps?.[i]) return undefined;
    }
    const { emitted: _emitted, ...rest } = entry.outcome;
    return emit ? entry.outcome : rest;
  }

  /** Remember a file's outcome, for the content that was linted. */
  async store(path: string, config: ResolvedConfig, outcome: FileOutcome): Promise<void> {
    const abs = resolve(this.cwd, path);
    const hash = await this.#hashFile(abs);
    // Only clean outcomes: a refused file or one a bug stopped is checked again next time.
    if (hash === null || outcome.inputError || outcome.internal || outcome.emitFailure) {
      delete this.#entries[abs];
      return;
    }
    const deps: string[] = [];
    for (const dep of outcome.deps ?? []) deps.push(await this.#depDigest(dep));
    this.#entries[abs] = { hash, config: await this.#configKey(config), ...(deps.length > 0 ? { deps } : {}), outcome };
  }

  /** Forget a file (e.g. one --fix rewrote). */
  forget(path: string): void {
    delete this.#entries[resolve(this.cwd, path)];
  }

  /** Write the cache, atomically. */
  async save(): Promise<void> {
    if (this.#foreign !== null) return;
    const data: CacheFile = { tool: PACKAGE.name, format: FORMAT, key: this.#key, entries: this.#entries };
    await writeFileAtomic(this.location, Buffer.from(JSON.stringify(data), 'utf8'));
  }
}

/** The tool's identity: its version and, when it runs from its bundle, the bundle's size and time. */
async function toolKey(): Promise<string> {
  const bundle = resolve(dirname(process.argv[1] ?? '.'), '../build/roadmap.cjs');
  const info = await stat(bundle).catch(() => null);
  return `${PACKAGE.version}${info ? `:${info.size}:${info.mtimeMs}` : ''}`;
}
