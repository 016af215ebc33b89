/**
 * Every rule as a unified plugin, for remark-cli or any unified pipeline:
 *
 *   .remarkrc.json   { "plugins": ["roadmap-pipeline/plugins"] }
 *                    { "plugins": [["roadmap-pipeline/plugins", { "rules": { "stray-link": "off" } }]] }
 *
 * and `rulePlugins[id]` for one rule at a time in code.
 * A plugin takes the rule's setting (a severity, or [severity, options]) and reports findings as
 * vfile messages (source "roadmap-lint", ruleId the rule id; errors are fatal).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { toSetting, type RuleEntry, type RuleSetting } from './config/load.js';
import { addFinding } from './lint/finding.js';
import { lintDocument } from './lint/run.js';
import { processSource, type ProcessedDocument } from './pipeline/process.js';
import { InputError } from './pipeline/read.js';
import { RULES } from './rules/index.js';

const processed = new WeakMap<VFile, ProcessedDocument | null>();

function documentOf(file: VFile): ProcessedDocument | null {
  if (processed.has(file)) return processed.get(file)!;
  let text = typeof file.value === 'string' ? file.value : new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.value);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  let doc: ProcessedDocument | null = null;
  try {
    doc = processSource(text, { path: file.path || '<input>', bom });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const m = file.message(error.reason, { place: { line: error.line ?? 1, column: 1 }, ruleId: 'input', source: 'roadmap-lint' });
    m.fatal = true;
  }
  processed.set(file, doc);
  return doc;
}

/** The unified plugin for one rule. */
export function rulePlugin(id: string): Plugin<[(RuleEntry | null)?], Root> {
  return function plugin(entry) {
    const setting = entry === undefined || entry === null ? null : toSetting(entry);
    return async (_tree, file) => {
      const doc = documentOf(file);
      if (!doc) return;
      const rules = new Map(setting ? [[id, setting]] : []);
      // Findings are added to doc.file; copy them onto the file remark-cli reports.
      const findings = await lintDocument(doc, { config: { rules }, only: [id] });
      for (const f of findings) addFinding(file, f);
    };
  };
}

/** One plugin per rule, by rule id. */
export const rulePlugins: Readonly<Record<string, Plugin<[(RuleEntry | null)?], Root>>> = Object.fromEntries(
  RULES.map((r) => [r.meta.id, rulePlugin(r.meta.id)]),
);

export interface LintPluginOptions {
  /** Rule settings by id, as in roadmap.config.json. */
  rules?: Record<string, RuleEntry>;
}

/** Every rule in one plugin: `["roadmap-pipeline/plugins", { "rules": { "stray-link": "off" } }]`. */
const remarkRoadmapLint: Plugin<[LintPluginOptions?], Root> = function (options) {
  const rules = new Map<string, RuleSetting>();
  for (const [id, entry] of Object.entries(options?.rules ?? {})) {
    if (!RULES.some((r) => r.meta.id === id)) throw new Error(`roadmap-lint: unknown rule "${id}"`);
    rules.set(id, toSetting(entry));
  }
  return async (_tree, file) => {
    const doc = documentOf(file);
    if (!doc) return;
    for (const f of await lintDocument(doc, { config: { rules } })) addFinding(file, f);
  };
};

export default remarkRoadmapLint;
