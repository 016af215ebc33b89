/**
 * The lint stage: run every enabled rule over a processed document and turn their reports into
 * findings on the document's VFile, minus what inline comments switch off.
 */
import type { Nodes } from 'mdast';
import type { ResolvedConfig } from '../config/load.js';
import type { ProcessedDocument } from '../pipeline/process.js';
import { RULES } from '../rules/index.js';
import type { Report, Rule } from '../rules/rule.js';
import { readDirectives, suppressor } from './directives.js';
import { addFinding, compareFindings, docUrl, type Finding, type Severity } from './finding.js';

/** Loads the other documents a cross-file rule asks for (globs relative to the configuration). */
export type OtherDocuments = (globs: readonly string[], config: ResolvedConfig) => Promise<ProcessedDocument[]>;

export interface LintOptions {
  config: Pick<ResolvedConfig, 'rules'> & Partial<ResolvedConfig>;
  others?: OtherDocuments;
  /** Run only these rules (e.g. a unified plugin for one rule). */
  only?: readonly string[];
}

export interface EnabledRule {
  rule: Rule<never>;
  severity: Severity;
  options: Record<string, unknown>;
}

export function enabledRules(config: LintOptions['config'], only?: readonly string[]): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const rule of RULES) {
    if (only && !only.includes(rule.meta.id)) continue;
    const setting = config.rules.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    out.push({ rule, severity, options: { ...rule.meta.defaultOptions, ...(setting?.options ?? {}) } });
  }
  return out;
}

function toFinding(doc: ProcessedDocument, ruleId: string, severity: Severity, r: Report): Finding {
  const node = r.node as Nodes | undefined;
  const startOffset = r.start ?? node?.position?.start.offset ?? 0;
  const endOffset = r.end ?? node?.position?.end.offset ?? startOffset;
  return {
    file: doc.path,
    ruleId,
    severity: r.severity ?? severity,
    message: r.message,
    docUrl: docUrl(ruleId),
    start: doc.index.pointAt(startOffset),
    end: doc.index.pointAt(endOffset),
    ...(r.related ? { related: r.related } : {}),
    ...(r.fix ? { fix: r.fix } : {}),
    fingerprint: `${ruleId}:${r.fingerprint}`,
  };
}

/** Lint one processed document; findings are also put on `doc.file`. */
export async function lintDocument(doc: ProcessedDocument, options: LintOptions): Promise<Finding[]> {
  const suppressed = suppressor(readDirectives(doc.tree));
  const findings: Finding[] = [];
  for (const { rule, severity, options: ruleOptions } of enabledRules(options.config, options.only)) {
    const globs = rule.meta.otherFiles?.(ruleOptions) ?? [];
    const others =
      globs.length > 0 && options.others && options.config.dir !== undefined
        ? (await options.others(globs, options.config as ResolvedConfig)).filter((o) => o.path !== doc.path)
        : [];
    rule.check({
      doc,
      options: ruleOptions as never,
      others,
      report: (r) => {
        const f = toFinding(doc, rule.meta.id, severity, r);
        if (!suppressed(f.ruleId, f.start.line)) findings.push(f);
      },
    });
  }
  findings.sort(compareFindings);
  for (const f of findings) addFinding(doc.file, f);
  return findings;
}
