/**
 * The lint runner: it is handed the rules and their resolved settings, runs every enabled rule over
 * a processed document, checks each report against the rule's contract (as markdownlint's onError
 * does), and turns reports into findings on the document's VFile, minus what inline comments
 * switch off. It imports no rule.
 */
import type { Nodes } from 'mdast';
import type { ProcessedDocument } from '../pipeline/process.js';
import { readDirectives, suppressor } from './directives.js';
import { addFinding, compareFindings, docUrl, LIMITS_DOCS, type Finding, type Related, type Severity } from './finding.js';
import { formatMessage, RuleContractError, type CheckedLink, type RelatedDescriptor, type ReportDescriptor, type Rule } from './rule.js';
import type { ResolvedRuleSettings } from './settings.js';

/** Loads the other documents a cross-file rule asks for (globs relative to the configuration). */
export type OtherDocuments = (globs: readonly string[]) => Promise<ProcessedDocument[]>;

export interface LintOptions {
  rules: readonly Rule[];
  /** From `resolveRuleSettings`: the severity and full options of every rule. */
  settings: ResolvedRuleSettings;
  others?: OtherDocuments;
  /** Run only these rules (e.g. a unified plugin for one rule). */
  only?: readonly string[];
  /** The document's checked links (with --links), for the link rules. */
  links?: readonly CheckedLink[];
  /**
   * Called when a rule throws; the other rules still run. Without it, the exception ends the
   * lint (and a RuleContractError reaches the caller as it was thrown).
   */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * The most findings kept for the document (the configuration's `limits.maxFindings`); those
   * past it, in document order, are counted in one `max-findings` finding. Default: no limit.
   */
  maxFindings?: number;
}

/** The rule id of the finding that stands for the findings past maxFindings. */
export const MAX_FINDINGS = 'max-findings';

/** Keep the first `max` findings (in report order) and sum up the rest in one finding at the first of them. */
function capFindings(doc: ProcessedDocument, findings: Finding[], max: number): Finding[] {
  if (findings.length <= max) return findings;
  const kept = findings.slice(0, max);
  const rest = findings.slice(max);
  const errors = rest.filter((f) => f.severity === 'error').length;
  const first = rest[0]!;
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  kept.push({
    file: doc.path,
    ruleId: MAX_FINDINGS,
    messageId: 'truncated',
    severity: errors > 0 ? 'error' : 'warn',
    message: `${plural(rest.length, 'more finding')} from here on not shown (${plural(errors, 'error')}, ${plural(rest.length - errors, 'warning')}): maxFindings is ${max.toLocaleString('en-US')}`,
    docUrl: LIMITS_DOCS,
    start: first.start,
    end: first.start,
    fingerprint: `${MAX_FINDINGS}:truncated:${doc.path}`,
    // Counted as what it hides: a summary, --max-warnings and the exit code see every finding.
    stands: { errors, warnings: rest.length - errors },
  });
  return kept;
}

function offsetsOf(node: Nodes | undefined, what: string, ruleId: string): { start: number; end: number } {
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  if (start === undefined || end === undefined) throw new RuleContractError(`${ruleId}: ${what} has no position`);
  return { start, end };
}

function checkOffset(offset: number, doc: ProcessedDocument, ruleId: string, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > doc.source.length) {
    throw new RuleContractError(`${ruleId}: ${what} offset ${offset} is outside the document (0-${doc.source.length})`);
  }
}

function message(rule: Rule, messageId: string, data: ReportDescriptor['data']): string {
  const template = rule.meta.messages[messageId];
  if (template === undefined) throw new RuleContractError(`${rule.meta.id}: unknown messageId "${messageId}"`);
  try {
    return formatMessage(template, data);
  } catch (error) {
    throw new RuleContractError(`${rule.meta.id}: messageId "${messageId}": ${(error as Error).message}`);
  }
}

function related(rule: Rule, doc: ProcessedDocument, r: RelatedDescriptor): Related {
  const target = r.doc ?? doc;
  const offset = r.offset ?? offsetsOf(r.node, 'the related node', rule.meta.id).start;
  checkOffset(offset, target, rule.meta.id, 'related');
  // Coordinates in the file on disk, whatever repairs did to the text.
  const point = target.index.pointAt(offset);
  return {
    message: message(rule, r.messageId, r.data),
    ...(target !== doc ? { file: target.path } : {}),
    line: point.line,
    column: point.column,
  };
}

/** A report as a finding, or a RuleContractError when the rule broke its contract. */
export function toFinding(doc: ProcessedDocument, rule: Rule, severity: Severity, r: ReportDescriptor): Finding {
  const id = rule.meta.id;
  const text = message(rule, r.messageId, r.data);
  let start: number;
  let end: number;
  if (r.start !== undefined) {
    start = r.start;
    end = r.end ?? r.start;
  } else {
    ({ start, end } = offsetsOf(r.node, 'the reported node', id));
  }
  checkOffset(start, doc, id, 'start');
  checkOffset(end, doc, id, 'end');
  if (end < start) throw new RuleContractError(`${id}: the report ends (${end}) before it starts (${start})`);
  if (typeof r.key !== 'string' || r.key === '') throw new RuleContractError(`${id}: a report needs a content key for its fingerprint`);
  if (r.fix) {
    if (!rule.meta.fixable) throw new RuleContractError(`${id}: a rule that is not fixable reported a fix`);
    if (r.fix.edits.length === 0) throw new RuleContractError(`${id}: a fix with no edits`);
    const edits = [...r.fix.edits].sort((a, b) => a.offset - b.offset);
    let previousEnd = -1;
    for (const e of edits) {
      checkOffset(e.offset, doc, id, 'fix edit');
      if (!Number.isInteger(e.deleteCount) || e.deleteCount < 0) throw new RuleContractError(`${id}: a fix edit deletes ${e.deleteCount} units`);
      checkOffset(e.offset + e.deleteCount, doc, id, 'fix edit end');
      if (e.offset < previousEnd) throw new RuleContractError(`${id}: the edits of one fix overlap at offset ${e.offset}`);
      previousEnd = e.offset + e.deleteCount;
    }
  }
  return {
    file: doc.path,
    ruleId: id,
    messageId: r.messageId,
    severity: rule.meta.warningMessages?.includes(r.messageId) ? 'warn' : severity,
    message: text,
    docUrl: docUrl(id),
    start: doc.index.pointAt(start),
    end: doc.index.pointAt(end),
    ...(r.related ? { related: related(rule, doc, r.related) } : {}),
    ...(r.fix ? { fix: r.fix } : {}),
    fingerprint: `${id}:${r.messageId}:${r.key}`,
  };
}

/** Lint one processed document; findings are also put on `doc.file`. */
export async function lintDocument(doc: ProcessedDocument, options: LintOptions): Promise<Finding[]> {
  const suppressed = suppressor(readDirectives(doc.tree));
  const findings: Finding[] = [];
  for (const rule of options.rules) {
    const id = rule.meta.id;
    if (options.only && !options.only.includes(id)) continue;
    const setting = options.settings.get(id);
    if (!setting || setting.severity === 'off') continue;
    const globs = rule.meta.otherFiles?.(setting.options) ?? [];
    const others = globs.length > 0 && options.others ? (await options.others(globs)).filter((o) => o.path !== doc.path) : [];
    const severity = setting.severity;
    const found: Finding[] = [];
    try {
      rule.create({
        doc,
        options: setting.options,
        others,
        ...(options.links ? { links: options.links } : {}),
        report: (r) => {
          const f = toFinding(doc, rule, severity, r);
          if (!suppressed(f.ruleId, f.start.line)) found.push(f);
        },
      });
    } catch (error) {
      if (!options.onRuleError) throw error;
      options.onRuleError(id, error);
      continue;
    }
    findings.push(...found);
  }
  findings.sort(compareFindings);
  const shown = options.maxFindings !== undefined ? capFindings(doc, findings, options.maxFindings) : findings;
  for (const f of shown) addFinding(doc.file, f);
  return shown;
}
