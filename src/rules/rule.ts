/**
 * What a rule is: metadata (what it checks, its default severity, whether it can fix, the options
 * it takes) kept apart from the check itself, which reads the processed document and reports.
 */
import type { Nodes } from 'mdast';
import type { Fix, Related, Severity } from '../lint/finding.js';
import type { ProcessedDocument } from '../pipeline/process.js';
import { optionsSchemaFor } from './options-schema.js';

export type RuleTag = 'encoding' | 'structure' | 'links' | 'policy';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  tags: readonly RuleTag[];
  /** Defaults for the options. */
  defaultOptions: Readonly<Record<string, unknown>>;
  /** JSON Schema of the options (from schema/config.schema.json), or null for a rule without options. */
  readonly optionsSchema?: object | null;
  /** For rules that can look across files: the globs of the other documents the options ask for, or none. */
  otherFiles?: (options: Record<string, unknown>) => readonly string[];
}

export interface Report {
  message: string;
  /** Where: a node, or offsets into the source. */
  node?: Nodes;
  start?: number;
  end?: number;
  /**
   * 'warn' for milder cases of a rule set to error; 'error' for cases that stay errors even when
   * the rule is set to warn (an unsafe link). A rule set to off reports nothing either way.
   */
  severity?: Severity;
  related?: Related;
  fix?: Fix;
  /** Rule-local identity for baselines: content, never positions (e.g. a normalised URL). */
  fingerprint: string;
}

export interface RuleContext<Options = Record<string, unknown>> {
  doc: ProcessedDocument;
  options: Options;
  /** Other documents, already processed, for rules that look across files. */
  others: readonly ProcessedDocument[];
  report(report: Report): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}

/** Define a rule with typed options; its option schema is looked up by id when first asked for. */
export function defineRule<Options extends Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  Object.defineProperty(rule.meta, 'optionsSchema', { get: () => optionsSchemaFor(rule.meta.id), enumerable: true });
  return rule;
}
