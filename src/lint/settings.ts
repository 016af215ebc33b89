/**
 * Rule settings, resolved one way wherever they come from (a configuration file and its overrides,
 * --rule flags, lintRoadmap's options, the remark plugin's options): every rule id, severity and
 * option is checked against the rule's own schema before any rule runs, and layers merge alike.
 */
import { validate as validateConfig } from '../generated/validate-config.js';
import { editDistance } from '../util/edit-distance.js';
import { deepestError } from '../util/schema-errors.js';
import type { SeveritySetting } from './finding.js';
import type { Rule } from './rule.js';

/**
 * A rule's setting as written: a severity, [severity] (the same), or [severity, options] for a
 * rule that takes options.
 */
export type RuleEntry = SeveritySetting | readonly [SeveritySetting] | readonly [SeveritySetting, Readonly<Record<string, unknown>>];

/** A rule's severity and options, with the rule's defaults filled in. */
export interface ResolvedRuleSetting {
  severity: SeveritySetting;
  options: Readonly<Record<string, unknown>>;
}

export type ResolvedRuleSettings = ReadonlyMap<string, ResolvedRuleSetting>;

/** One source of settings, applied over the ones before it. */
export interface SettingsLayer {
  /** Where the settings come from, for messages: a file, "overrides[0] of roadmap.config.json", "--rule". */
  source: string;
  rules: Readonly<Record<string, unknown>> | undefined;
}

/** A bad setting: where it came from and what is wrong. Exit code 2 from the CLI. */
export class SettingsError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'SettingsError';
  }
}

const SEVERITIES: readonly string[] = ['error', 'warn', 'off'];

/** A value for a message, whatever it is (JSON.stringify of a list nested 50,000 deep overflows the stack). */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

/** The closest known id, for "did you mean". */
function closest(id: string, ids: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}


/** Check one layer: known ids, and entries valid against each rule's schema (through the config schema). */
export function checkLayer(rules: readonly Rule[], layer: SettingsLayer): void {
  const ids = rules.map((r) => r.meta.id);
  const entries = layer.rules ?? {};
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new SettingsError(layer.source, 'rule settings must be an object of rule ids');
  }
  for (const [id, entry] of Object.entries(entries)) {
    if (!ids.includes(id)) {
      const guess = closest(id, ids);
      throw new SettingsError(layer.source, `unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
    }
    const severity = Array.isArray(entry) ? (entry as unknown[])[0] : entry;
    if (Array.isArray(entry) && entry.length === 0) {
      throw new SettingsError(layer.source, `rule "${id}": an empty list; write a severity, [severity] or [severity, options]`);
    }
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      throw new SettingsError(layer.source, `rule "${id}": severity ${describeValue(severity)} is not error, warn or off`);
    }
    if (Array.isArray(entry) && entry.length > 1 && !rules.find((r) => r.meta.id === id)!.meta.schema) {
      throw new SettingsError(layer.source, `rule "${id}" takes no options: write "${severity}" or ["${severity}"]`);
    }
    if (Array.isArray(entry) && entry.length > 2) {
      throw new SettingsError(layer.source, `rule "${id}": ${entry.length} items; write a severity, [severity] or [severity, options]`);
    }
    if (!validateConfig({ rules: { [id]: entry } })) {
      const { error, more } = deepestError(validateConfig.errors ?? []);
      const where = error.path.replace(/^\/rules\/[^/]+/u, '').replace(/^\/1/u, '') || '/';
      throw new SettingsError(
        layer.source,
        `rule "${id}": invalid ${where === '/' ? 'setting' : `option ${where.slice(1).replace(/\//gu, '.')}`}: ${error.message}${more > 0 ? ` (and ${more} more)` : ''}`,
      );
    }
  }
}

/**
 * Resolve the layers, in order, into every rule's setting. A layer that gives only a severity
 * ("error" or ["error"]) keeps the options set before it; one that gives options replaces them.
 * Unset rules run with their defaults. Throws SettingsError naming the layer of the first bad
 * setting.
 */
export function resolveRuleSettings(rules: readonly Rule[], layers: readonly SettingsLayer[]): Map<string, ResolvedRuleSetting> {
  const given = new Map<string, { severity: SeveritySetting; options: Readonly<Record<string, unknown>> }>();
  for (const layer of layers) {
    checkLayer(rules, layer);
    for (const [id, entry] of Object.entries(layer.rules ?? {})) {
      const e = entry as RuleEntry;
      if (typeof e === 'string' || e.length === 1) {
        given.set(id, { severity: typeof e === 'string' ? e : e[0], options: given.get(id)?.options ?? {} });
      } else given.set(id, { severity: e[0], options: e[1] });
    }
  }
  const out = new Map<string, ResolvedRuleSetting>();
  for (const rule of rules) {
    const g = given.get(rule.meta.id);
    out.set(rule.meta.id, {
      severity: g?.severity ?? rule.meta.defaultSeverity,
      options: { ...rule.meta.defaultOptions, ...(g?.options ?? {}) },
    });
  }
  return out;
}

/** Defaults only. */
export function defaultRuleSettings(rules: readonly Rule[]): Map<string, ResolvedRuleSetting> {
  return resolveRuleSettings(rules, []);
}

