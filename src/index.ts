/**
 * roadmap-pipeline's public API: what a program that uses the library needs, and no more (the
 * command line and the remark plugin use the modules directly). test/api.test.ts pins this list.
 *
 *   parseRoadmap(text, options)        Markdown -> Roadmap model (mojibake repaired)
 *   parseRoadmapFile(path, options)    the same, from a file (checked: UTF-8, not binary, not empty)
 *   processRoadmap(text, options)      the whole processed document (tree, repairs, model)
 *   validateRoadmap(model)             schema errors, [] when valid
 *   lintRoadmap(text, options)         findings, with rule settings checked like a configuration's
 *   fixText(text, options)             apply fixes until the text stops changing
 *   emitJson / emitCsv / emitMarkdown  the three outputs of a processed document
 *   formatReport(results, format)      findings in one of the report formats
 *   loadConfig(path, options)          the configuration that applies to a document
 *   rules                              every rule's metadata
 *   repairText(text)                   the mojibake engine on any string
 */
import { ConfigLoader, type ResolvedConfig } from './config/load.js';
import { emitCsv as emitCsvOf } from './emit/csv.js';
import { emitJson as emitJsonOf } from './emit/json.js';
import { cleanedMarkdown } from './emit/markdown.js';
import { fixUntilStable, type FixLoopResult } from './lint/fix.js';
import type { Finding } from './lint/finding.js';
import type { RuleMeta } from './lint/rule.js';
import { lintDocument } from './lint/run.js';
import { resolveRuleSettings, type RuleEntry } from './lint/settings.js';
import type { Roadmap } from './model/types.js';
import { processSource, type ProcessedDocument, type ProcessOptions } from './pipeline/process.js';
import { resolveLimits } from './pipeline/limits.js';
import { readSource } from './pipeline/read.js';
import type { Registry } from './policy/registry.js';
import { REPORTERS } from './report/index.js';
import { summarize, type FileResult } from './report/types.js';
import { RULES } from './rules/index.js';

export type { Roadmap, Section, Group, Resource, Note, InternalLink, ResourceKind, DescriptionLink, FrontMatter, TitleSource } from './model/types.js';
export type { Finding, Fix, TextEdit, Related, Severity, SeveritySetting, Point } from './lint/finding.js';
export type { RuleMeta, RuleDocs, RuleType, RuleTag } from './lint/rule.js';
export type { RuleEntry } from './lint/settings.js';
export type { ProcessedDocument } from './pipeline/process.js';
export type { ResolvedConfig, ConfigData } from './config/load.js';
export type { FileResult } from './report/types.js';
export type { SchemaError } from './model/validate.js';
export type { FixLoopResult } from './lint/fix.js';
export type { Repair, RepairResult } from './encoding/index.js';

export { SCHEMA_VERSION } from './model/types.js';
export { validateRoadmap } from './model/validate.js';
export { InputError } from './pipeline/read.js';
export { ConfigError } from './config/load.js';
export { SettingsError } from './lint/settings.js';
export { repairText } from './encoding/index.js';
export { PACKAGE } from './version.js';

/** Every rule's metadata (id, type, docs, severity, fixable, options schema and defaults, messages). */
export const rules: readonly RuleMeta[] = RULES.map((r) => r.meta);

export interface DocumentOptions {
  /** The path reports show, and that outputs are named after. */
  path?: string;
  /** Whether the document promises official resources only (default: its title decides). */
  officialOnly?: boolean;
  /** An official-source registry (default: the built-in one, or the configuration's). */
  registry?: Registry;
  /** maxNesting and maxFileSize, checked before parsing, and maxFindings (defaults: 1,000, 32 MiB and 10,000). */
  limits?: ProcessOptions['limits'];
}

function documentOptions(options: DocumentOptions, text: string): Parameters<typeof processSource>[1] {
  return {
    path: options.path ?? 'document.md',
    bom: text.charCodeAt(0) === 0xfeff,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.officialOnly !== undefined ? { officialOnly: options.officialOnly } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  };
}

/** The whole processed document: tree, repairs, extraction and model. */
export function processRoadmap(text: string, options: DocumentOptions = {}): ProcessedDocument {
  const o = documentOptions(options, text);
  return processSource(o.bom ? text.slice(1) : text, o);
}

/** Markdown text to a Roadmap model (mojibake repaired). */
export function parseRoadmap(text: string, options: DocumentOptions = {}): Roadmap {
  return processRoadmap(text, options).roadmap;
}

/** Read a Markdown file and parse it to a model. */
export async function parseRoadmapFile(path: string, options: Omit<DocumentOptions, 'path'> = {}): Promise<Roadmap> {
  const source = await readSource(path, path, resolveLimits(options.limits).maxFileSize);
  return processRoadmap((source.bom ? '\ufeff' : '') + source.text, { ...options, path }).roadmap;
}

export interface LintTextOptions extends DocumentOptions {
  /** Rule settings as in roadmap.config.json's "rules"; unset rules run with their defaults. */
  rules?: Readonly<Record<string, RuleEntry>>;
}

/** Lint Markdown text. Unknown rules, bad severities and bad options throw a SettingsError. */
export async function lintRoadmap(text: string, options: LintTextOptions = {}): Promise<Finding[]> {
  const settings = resolveRuleSettings(RULES, [{ source: 'lintRoadmap options', rules: options.rules }]);
  return lintDocument(processRoadmap(text, options), { rules: RULES, settings, maxFindings: resolveLimits(options.limits).maxFindings });
}

/** Apply every fix until the text stops changing. */
export async function fixText(text: string, options: LintTextOptions = {}): Promise<FixLoopResult> {
  // Every fix counts, not only those of the findings a report would show.
  return fixUntilStable(text, (t) => lintRoadmap(t, { ...options, limits: { ...options.limits, maxFindings: Infinity } }));
}

/** The JSON output (dist/<name>.json) of a processed document. */
export function emitJson(doc: ProcessedDocument): string {
  return emitJsonOf(doc.roadmap);
}

/** The CSV output (dist/<name>.csv) of a processed document. */
export function emitCsv(doc: ProcessedDocument): string {
  return emitCsvOf(doc.roadmap);
}

/** The cleaned Markdown (dist/<name>.md) of a processed document. */
export function emitMarkdown(doc: ProcessedDocument): string {
  return cleanedMarkdown(doc);
}

/** Findings in a report format: stylish, compact, json, github or sarif. */
export function formatReport(results: readonly FileResult[], format = 'stylish', options: { color?: boolean } = {}): string {
  const reporter = REPORTERS[format];
  if (!reporter) throw new Error(`unknown format "${format}" (use ${Object.keys(REPORTERS).join(', ')})`);
  return reporter(results, { color: options.color ?? false, summary: summarize(results), rules });
}

/** The configuration that applies to a document, found upward from it as the command line finds it. */
export async function loadConfig(path: string, options: { cwd?: string; configPath?: string; noConfig?: boolean } = {}): Promise<ResolvedConfig> {
  const loader = new ConfigLoader({
    cwd: options.cwd ?? process.cwd(),
    rules: RULES,
    ...(options.configPath ? { configPath: options.configPath } : {}),
    ...(options.noConfig ? { noConfig: true } : {}),
  });
  return loader.forFile(path);
}
