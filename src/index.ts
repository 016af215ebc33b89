/**
 * roadmap-pipeline's public API. The CLI is built on this module alone.
 *
 *   parseRoadmap(text, { path })      Markdown -> Roadmap model (mojibake repaired)
 *   parseRoadmapFile(path)            the same, from a file (checked: UTF-8, not binary, not empty)
 *   processRoadmap(text, { path })    the full processed document (tree, repairs, model) for lint and emit
 *   validateRoadmap(model)            schema errors, [] when valid
 *   emitJson / emitCsv / emitMarkdown the three outputs
 *   lintRoadmap(text, { path })       findings
 *   fixText(text, { path })           apply fixes until stable
 *   repairText(text)                  the mojibake engine on any string
 */
import { ConfigLoader, type ResolvedConfig } from './config/load.js';
import { emitMarkdown as emitMarkdownTree } from './emit/markdown.js';
import { fixUntilStable, type FixLoopResult } from './lint/fix.js';
import type { Finding } from './lint/finding.js';
import { lintDocument } from './lint/run.js';
import type { Roadmap } from './model/types.js';
import { processSource, type ProcessedDocument, type ProcessOptions } from './pipeline/process.js';
import { readSource } from './pipeline/read.js';

export type { Roadmap, Section, Group, Resource, Note, InternalLink, ResourceKind } from './model/types.js';
export { SCHEMA_VERSION, RESOURCE_KINDS } from './model/types.js';
export { validateRoadmap, type SchemaError } from './model/validate.js';
export { emitJson, canonicalRoadmap } from './emit/json.js';
export { emitCsv, neutralizeCell, CSV_COLUMNS } from './emit/csv.js';
export { emitIndex, indexEntry, readPreviousIndex, writeOutputs, type OutputFile, type DistIndex } from './emit/write.js';
export { processSource, documentName, type ProcessedDocument, type ProcessOptions } from './pipeline/process.js';
export { readSource, decodeSource, describeIoError, InputError, EXIT_OK, EXIT_CONTENT, EXIT_FAILURE, type SourceText } from './pipeline/read.js';
export { Workspace, type LoadedDocument } from './pipeline/workspace.js';
export { lintDocument, enabledRules, type LintOptions } from './lint/run.js';
export { applyFixes, fixUntilStable, type FixResult, type FixLoopResult } from './lint/fix.js';
export type { Finding, Fix, TextEdit, Related, Severity, SeveritySetting, Point } from './lint/finding.js';
export { createBaseline, readBaseline, writeBaseline, applyBaseline, BaselineError, BASELINE_FILE, type Baseline } from './lint/baseline.js';
export { ConfigLoader, ConfigError, checkConfig, parseRuleFlag, CONFIG_FILE, type ResolvedConfig, type ConfigData } from './config/load.js';
export { RULES, RULE_IDS, ruleById, type Rule, type RuleMeta } from './rules/index.js';
export { REPORTERS, summarize, type FileResult, type Reporter } from './report/index.js';
export { Registry, getDefaultRegistry, type TechnologyEntry } from './policy/registry.js';
export { analyzeUrl, createClassifier, type UrlAnalysis } from './policy/match.js';
export { normalizeUrl, hostOf } from './policy/url.js';
export { repairText, gatherEvidence, explain, isBad, isClean, type Repair, type RepairResult, type Evidence } from './encoding/index.js';
export { writeFileAtomic } from './util/atomic.js';

export interface ParseOptions extends Partial<ProcessOptions> {}

/** Markdown text to a Roadmap model (mojibake repaired). Throws InputError for a document with no H1. */
export function parseRoadmap(text: string, options: ParseOptions = {}): Roadmap {
  return processRoadmap(text, options).roadmap;
}

/** The full processed document: tree, repairs, extraction and model. */
export function processRoadmap(text: string, options: ParseOptions = {}): ProcessedDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  return processSource(bom ? text.slice(1) : text, { path: 'document.md', bom, ...options });
}

/** Read a Markdown file and parse it to a model. */
export async function parseRoadmapFile(path: string, options: ParseOptions = {}): Promise<Roadmap> {
  const source = await readSource(path);
  return processSource(source.text, { path, bom: source.bom, ...options }).roadmap;
}

/** The cleaned Markdown of a processed document. */
export function emitMarkdown(doc: ProcessedDocument): string {
  return emitMarkdownTree(doc.tree, doc.source);
}

export interface LintTextOptions {
  path?: string;
  /** Rule settings as in roadmap.config.json ("rules"); unset rules run with their defaults. */
  config?: Pick<ResolvedConfig, 'rules'> & Partial<ResolvedConfig>;
}

/** Lint Markdown text with no configuration file (or the given settings). */
export async function lintRoadmap(text: string, options: LintTextOptions = {}): Promise<Finding[]> {
  const config: NonNullable<LintTextOptions['config']> = options.config ?? { rules: new Map() };
  const doc = processRoadmap(text, {
    path: options.path ?? 'document.md',
    ...(config.registry ? { registry: config.registry } : {}),
    ...(config.officialOnly !== undefined ? { officialOnly: config.officialOnly } : {}),
  });
  return lintDocument(doc, { config });
}

/** Apply every fix until the text stops changing. */
export async function fixText(text: string, options: LintTextOptions = {}): Promise<FixLoopResult> {
  return fixUntilStable(text, (t) => lintRoadmap(t, options));
}

/** Create a configuration loader rooted at a directory (finds roadmap.config.json upward from each file). */
export function createConfigLoader(cwd: string): ConfigLoader {
  return new ConfigLoader({ cwd });
}
export { PACKAGE } from './version.js';
export { resourcesOf } from './model/walk.js';
