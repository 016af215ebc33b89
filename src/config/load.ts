/**
 * Configuration: found upward from each document (roadmap.config.json, or a "roadmap" key in
 * package.json; the nearest wins), validated against schema/config.schema.json, and resolved per
 * document (overrides whose globs match it, then --rule flags from the command line).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { validate as compiledValidate } from '../generated/validate-config.js';
import type { SeveritySetting } from '../lint/finding.js';
import { formatAjvErrors } from '../model/validate.js';
import { applyOverrides, DEFAULT_REGISTRY_DATA, getDefaultRegistry, Registry, validateRegistryData, type RegistryOverrides } from '../policy/registry.js';
import { RULE_IDS } from '../rules/index.js';

export const CONFIG_FILE = 'roadmap.config.json';

export type RuleEntry = SeveritySetting | [SeveritySetting, Record<string, unknown>];

export interface ConfigData {
  $schema?: string;
  officialOnly?: boolean;
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string[]; officialOnly?: boolean; rules?: Record<string, RuleEntry> }[];
  ignore?: string[];
  officialSources?: RegistryOverrides;
  baseline?: string;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** The configuration file, or null when none applies. */
  file: string | null;
  /** Directory globs and paths in the configuration are relative to. */
  dir: string;
  /** Settings given for rules; rules not listed run with their defaults. */
  rules: Map<string, RuleSetting>;
  officialOnly?: boolean;
  registry: Registry;
  /** Absolute path of the baseline file, if configured. */
  baseline?: string;
  /** The document matches an ignore glob. */
  ignored: boolean;
}

/** A configuration problem, worded for the user: file, JSON path, what is wrong. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ConfigError';
  }
}

interface LoadedConfig {
  file: string;
  dir: string;
  data: ConfigData;
  registry: Registry;
}

type CompiledValidator = ((data: unknown) => boolean) & { errors?: Parameters<typeof formatAjvErrors>[0] | null };

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
  const validate = compiledValidate as unknown as CompiledValidator;
  if (!validate(data)) {
    const errors = formatAjvErrors(validate.errors ?? []);
    // The deepest error is the most specific one ("reason" missing, not "does not match oneOf").
    const first = errors.reduce((a, b) => (b.path.length > a.path.length ? b : a));
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ConfigError(label, `invalid configuration at ${jsonPrefix}${first.path}: ${first.message}${more}`);
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

async function loadConfigFile(file: string): Promise<LoadedConfig | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new ConfigError(file, `cannot read: ${(error as Error).message}`);
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

/** A rule entry as written ("warn", or ["error", { options }]) as a setting. */
export function toSetting(entry: RuleEntry): RuleSetting {
  return Array.isArray(entry) ? { severity: entry[0], options: entry[1] } : { severity: entry, options: {} };
}

export interface LoaderOptions {
  cwd: string;
  /** --config: one configuration for every document. */
  configPath?: string;
  /** --no-config: no configuration at all. */
  noConfig?: boolean;
  /** --rule id=severity flags, applied last. */
  ruleFlags?: Map<string, SeveritySetting>;
}

/** Parse a --rule value ("id=severity"); throws a usage message. */
export function parseRuleFlag(value: string): [string, SeveritySetting] {
  const m = /^([a-z-]+)=(error|warn|off)$/u.exec(value.trim());
  if (!m) {
    const [id, severity] = value.split('=');
    if (id && !RULE_IDS.includes(id)) throw new Error(`unknown rule "${id}" in --rule (known: ${RULE_IDS.join(', ')})`);
    throw new Error(`bad severity "${severity ?? ''}" in --rule ${value}: use error, warn or off`);
  }
  if (!RULE_IDS.includes(m[1]!)) throw new Error(`unknown rule "${m[1]}" in --rule (known: ${RULE_IDS.join(', ')})`);
  return [m[1]!, m[2] as SeveritySetting];
}

export class ConfigLoader {
  readonly #byDir = new Map<string, Promise<LoadedConfig | null>>();
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
    const rules = new Map<string, RuleSetting>();
    let officialOnly = loaded?.data.officialOnly;
    for (const [id, entry] of Object.entries(loaded?.data.rules ?? {})) rules.set(id, toSetting(entry));
    for (const o of loaded?.data.overrides ?? []) {
      if (!picomatch(o.files, { dot: true })(rel)) continue;
      if (o.officialOnly !== undefined) officialOnly = o.officialOnly;
      for (const [id, entry] of Object.entries(o.rules ?? {})) rules.set(id, toSetting(entry));
    }
    for (const [id, severity] of this.options.ruleFlags ?? []) {
      const current = rules.get(id);
      rules.set(id, { severity, options: current?.options ?? {} });
    }
    const ignore = loaded?.data.ignore ?? [];
    return {
      file: loaded?.file ?? null,
      dir,
      rules,
      ...(officialOnly !== undefined ? { officialOnly } : {}),
      registry: loaded?.registry ?? getDefaultRegistry(),
      ...(loaded?.data.baseline ? { baseline: resolve(dir, loaded.data.baseline) } : {}),
      ignored: ignore.length > 0 && picomatch(ignore, { dot: true })(rel),
    };
  }
}
