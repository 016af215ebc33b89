/**
 * Configuration: found upward from each document (roadmap.config.json, or a "roadmap" key in
 * package.json; the nearest wins), validated against schema/config.schema.json, and resolved per
 * document (overrides whose globs match it, then --rule flags or a plugin's options) through the
 * lint layer's one `resolveRuleSettings`. The loader is handed the rules; it imports none.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { validate as validateConfig } from '../generated/validate-config.js';
import type { LinksConfig } from './links.js';
import type { Rule } from '../lint/rule.js';
import { resolveRuleSettings, SettingsError, type ResolvedRuleSettings, type RuleEntry, type SettingsLayer } from '../lint/settings.js';
import { applyOverrides, DEFAULT_REGISTRY_DATA, getDefaultRegistry, Registry, validateRegistryData, type RegistryOverrides } from '../policy/registry.js';
import { resolveLimits, type Limits } from '../pipeline/limits.js';
import { readProblem, readSettingsText } from '../util/atomic.js';
import { deepestError } from '../util/schema-errors.js';
import { neutralizeTerminalLine } from '../util/terminal.js';

export const CONFIG_FILE = 'roadmap.config.json';

export interface ConfigData {
  $schema?: string;
  officialOnly?: boolean;
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string[]; officialOnly?: boolean; rules?: Record<string, RuleEntry> }[];
  ignore?: string[];
  officialSources?: RegistryOverrides;
  baseline?: string;
  links?: LinksConfig;
  limits?: Partial<Limits>;
}

export interface ResolvedConfig {
  /** The configuration file, or null when none applies. */
  file: string | null;
  /** Directory globs and paths in the configuration are relative to. */
  dir: string;
  /** Every rule's severity and options, defaults filled in. */
  settings: ResolvedRuleSettings;
  officialOnly?: boolean;
  registry: Registry;
  /** Absolute path of the baseline file, if configured. */
  baseline?: string;
  /** The document matches an ignore glob. */
  ignored: boolean;
  /** The `links` section, as written (defaults are the link checker's). */
  links?: LinksConfig;
  /** Size, nesting and findings limits: the defaults, the configuration's, then --max-* flags. */
  limits: Limits;
}

/** A configuration problem, worded for the user: file, JSON path, what is wrong. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${neutralizeTerminalLine(file)}: ${neutralizeTerminalLine(reason)}`);
    this.name = 'ConfigError';
  }
}

interface LoadedConfig {
  file: string;
  dir: string;
  data: ConfigData;
  registry: Registry;
}

function positionIn(text: string, error: Error): string {
  const m = /position (\d+)/u.exec(error.message);
  if (!m) return '';
  const offset = Number(m[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `:${line}:${column}`;
}

/** Parse and validate configuration data; `label` names it in errors. */
export function checkConfig(data: unknown, label: string, jsonPrefix = ''): ConfigData {
  if (!validateConfig(data)) {
    const { error, more } = deepestError(validateConfig.errors ?? []);
    throw new ConfigError(label, `invalid configuration at ${jsonPrefix}${error.path}: ${error.message}${more > 0 ? ` (and ${more} more)` : ''}`);
  }
  const config = data as ConfigData;
  if (config.officialSources) {
    const merged = applyOverrides(DEFAULT_REGISTRY_DATA, normalizeTechs(config.officialSources));
    const errors = validateRegistryData(merged);
    if (errors.length > 0) {
      throw new ConfigError(label, `invalid officialSources: ${errors[0]!.path}: ${errors[0]!.message}`);
    }
  }
  return config;
}

function normalizeTechs(o: RegistryOverrides): RegistryOverrides {
  return {
    ...o,
    ...(o.technologies ? { technologies: o.technologies.map((t) => ({ ...t, category: t.category ?? 'tool' })) } : {}),
  };
}

/** A configuration file larger than this is refused (a real one is a few kilobytes). */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

async function loadConfigFile(file: string): Promise<LoadedConfig | null> {
  let text: string;
  try {
    text = readSettingsText(file, MAX_CONFIG_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new ConfigError(file, `cannot read: ${readProblem(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}${positionIn(text, error as Error)}`, `not valid JSON: ${(error as Error).message}`);
  }
  let data: unknown = json;
  let prefix = '';
  if (file.endsWith('package.json')) {
    if (typeof json !== 'object' || json === null || !('roadmap' in json)) return null;
    data = (json as { roadmap: unknown }).roadmap;
    prefix = '/roadmap';
  }
  const config = checkConfig(data, file, prefix);
  const registry = config.officialSources
    ? new Registry(applyOverrides(DEFAULT_REGISTRY_DATA, normalizeTechs(config.officialSources)))
    : getDefaultRegistry();
  return { file, dir: dirname(file), data: config, registry };
}

export interface LoaderOptions {
  cwd: string;
  /** The rules the settings are for. */
  rules: readonly Rule[];
  /** --config: one configuration for every document. */
  configPath?: string;
  /** --no-config: no configuration at all. */
  noConfig?: boolean;
  /** Settings applied over the configuration's (--rule flags, a plugin's options), with where they come from. */
  extra?: SettingsLayer;
  /** Limits set by flags, over the configuration's. */
  limits?: Partial<Limits>;
}

export class ConfigLoader {
  readonly #byDir = new Map<string, Promise<LoadedConfig | null>>();
  /** Resolved settings by configuration file and the overrides that apply, so each is resolved once. */
  readonly #settings = new Map<string, ResolvedRuleSettings>();
  #explicit: Promise<LoadedConfig> | null = null;

  constructor(readonly options: LoaderOptions) {}

  /** The --config file, loaded on first use. */
  #explicitConfig(): Promise<LoadedConfig> | null {
    if (!this.options.configPath) return null;
    const file = resolve(this.options.cwd, this.options.configPath);
    this.#explicit ??= loadConfigFile(file).then((c) => {
      if (!c) throw new ConfigError(file, 'no such configuration file (or no "roadmap" key in it)');
      return c;
    });
    return this.#explicit;
  }

  async #nearest(dir: string): Promise<LoadedConfig | null> {
    let pending = this.#byDir.get(dir);
    if (!pending) {
      pending = (async () => {
        const own = (await loadConfigFile(join(dir, CONFIG_FILE))) ?? (await loadConfigFile(join(dir, 'package.json')));
        if (own) return own;
        const parent = dirname(dir);
        return parent === dir ? null : this.#nearest(parent);
      })();
      this.#byDir.set(dir, pending);
    }
    return pending;
  }

  /** The configuration that applies to a document. */
  async forFile(path: string): Promise<ResolvedConfig> {
    const abs = resolve(this.options.cwd, path);
    const loaded = this.options.noConfig ? null : ((await this.#explicitConfig()) ?? (await this.#nearest(dirname(abs))));
    const dir = loaded?.dir ?? this.options.cwd;
    const rel = relative(dir, abs).split(sep).join('/');
    let officialOnly = loaded?.data.officialOnly;
    const layers: SettingsLayer[] = [];
    const applied: number[] = [];
    if (loaded) layers.push({ source: loaded.file, rules: loaded.data.rules });
    for (const [i, o] of (loaded?.data.overrides ?? []).entries()) {
      if (!picomatch(o.files, { dot: true })(rel)) continue;
      if (o.officialOnly !== undefined) officialOnly = o.officialOnly;
      layers.push({ source: `${loaded!.file} (overrides[${i}])`, rules: o.rules });
      applied.push(i);
    }
    if (this.options.extra) layers.push(this.options.extra);
    const key = `${loaded?.file ?? ''}\u0000${applied.join(',')}`;
    let settings = this.#settings.get(key);
    if (!settings) {
      try {
        settings = resolveRuleSettings(this.options.rules, layers);
      } catch (error) {
        if (error instanceof SettingsError) throw new ConfigError(error.source, error.reason);
        throw error;
      }
      this.#settings.set(key, settings);
    }
    const ignore = loaded?.data.ignore ?? [];
    return {
      file: loaded?.file ?? null,
      dir,
      settings,
      ...(officialOnly !== undefined ? { officialOnly } : {}),
      registry: loaded?.registry ?? getDefaultRegistry(),
      ...(loaded?.data.baseline ? { baseline: resolve(dir, loaded.data.baseline) } : {}),
      ignored: ignore.length > 0 && picomatch(ignore, { dot: true })(rel),
      ...(loaded?.data.links ? { links: loaded.data.links } : {}),
      limits: resolveLimits(loaded?.data.limits, this.options.limits),
    };
  }
}
