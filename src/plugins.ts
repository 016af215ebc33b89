/**
 * The rules as unified plugins, for remark-cli or any unified pipeline:
 *
 *   .remarkrc.json   { "plugins": ["roadmap-pipeline/plugins"] }
 *                    { "plugins": [["roadmap-pipeline/plugins", { "rules": { "stray-link": "off" } }]] }
 *
 * and `rulePlugins[id]` for one rule at a time. Like the CLI, a plugin reads the configuration
 * found upward from each file (roadmap.config.json or package.json's "roadmap"); its own `rules`
 * apply over it, as --rule flags do. `config: false` reads none, `config: "<path>"` reads that one.
 * Findings become vfile messages (source "roadmap-lint", ruleId the rule id; errors are fatal).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { ConfigError, ConfigLoader, type ResolvedConfig } from './config/load.js';
import { addFinding } from './lint/finding.js';
import { lintDocument } from './lint/run.js';
import { checkLayer, type RuleEntry, type SettingsLayer } from './lint/settings.js';
import { processSource, type ProcessedDocument } from './pipeline/process.js';
import { InputError } from './pipeline/read.js';
import { Workspace } from './project/workspace.js';
import { RULES } from './rules/index.js';

export interface LintPluginOptions {
  /** Rule settings by id, as in roadmap.config.json, applied over the configuration file's. */
  rules?: Readonly<Record<string, RuleEntry>>;
  /** true (default): the configuration found upward from each file; false: none; a path: that file for every document. */
  config?: boolean | string;
}

function fatal(file: VFile, reason: string, ruleId: string, line = 1): void {
  const m = file.message(reason, { place: { line, column: 1 }, ruleId, source: 'roadmap-lint' });
  m.fatal = true;
}

function textOf(file: VFile): { text: string; bom: boolean } {
  const text = typeof file.value === 'string' ? file.value : new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.value);
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/** A plugin that lints with the given layer of settings over the configuration, running `only` those rules. */
function lintPlugin(source: string, options: LintPluginOptions | null | undefined, only?: readonly string[]) {
  const extra: SettingsLayer = { source, rules: options?.rules ?? {} };
  const configOption = options?.config ?? true;
  // Bad settings fail when the plugin is attached, whatever the file.
  checkLayer(RULES, extra);
  const loaders = new Map<string, ConfigLoader>();
  const loaderFor = (cwd: string): ConfigLoader => {
    let loader = loaders.get(cwd);
    if (!loader) {
      loader = new ConfigLoader({
        cwd,
        rules: RULES,
        noConfig: configOption === false,
        ...(typeof configOption === 'string' ? { configPath: configOption } : {}),
        extra,
      });
      loaders.set(cwd, loader);
    }
    return loader;
  };
  return async (_tree: Root, file: VFile): Promise<void> => {
    const loader = loaderFor(file.cwd);
    const path = file.path || '<input>';
    let config: ResolvedConfig;
    try {
      config = await loader.forFile(path);
    } catch (error) {
      if (error instanceof ConfigError) return fatal(file, error.message, 'config');
      throw error;
    }
    if (config.ignored) return;
    const { text, bom } = textOf(file);
    let doc: ProcessedDocument;
    try {
      doc = processSource(text, {
        path,
        bom,
        registry: config.registry,
        limits: config.limits,
        ...(config.officialOnly !== undefined ? { officialOnly: config.officialOnly } : {}),
      });
    } catch (error) {
      if (error instanceof InputError) return fatal(file, error.reason, 'input', error.line ?? 1);
      throw error;
    }
    const workspace = new Workspace(loader, file.cwd);
    const findings = await lintDocument(doc, {
      rules: RULES,
      settings: config.settings,
      others: (globs) => workspace.others(globs, config),
      maxFindings: config.limits.maxFindings,
      ...(only ? { only } : {}),
    });
    for (const f of findings) addFinding(file, f);
  };
}

/** The unified plugin for one rule, taking that rule's setting (a severity, or [severity, options]). */
export function rulePlugin(id: string): Plugin<[(RuleEntry | null)?], Root> {
  if (!RULES.some((r) => r.meta.id === id)) throw new Error(`roadmap-lint: unknown rule "${id}"`);
  return function plugin(entry) {
    return lintPlugin(`the ${id} plugin's options`, entry === undefined || entry === null ? {} : { rules: { [id]: entry } }, [id]);
  };
}

/** One plugin per rule, by rule id. */
export const rulePlugins: Readonly<Record<string, Plugin<[(RuleEntry | null)?], Root>>> = Object.fromEntries(
  RULES.map((r) => [r.meta.id, rulePlugin(r.meta.id)]),
);

/** Every rule in one plugin: `["roadmap-pipeline/plugins", { "rules": { "stray-link": "off" } }]`. */
const remarkRoadmapLint: Plugin<[LintPluginOptions?], Root> = function (options) {
  return lintPlugin('the plugin options', options);
};

export default remarkRoadmapLint;
