/**
 * The rule contract. A rule declares everything about itself in `meta` (what it checks, its type,
 * default severity, whether it fixes, its options' JSON Schema and defaults, and the templates of
 * its messages) apart from `create`, which reads one processed document and reports by message id.
 *
 * This module is the bottom of the lint layer: rules import it, the runner (`run.ts`) is handed the
 * rules and imports none of them.
 */
import type { Nodes } from 'mdast';
import type { ProcessedDocument } from '../pipeline/process.js';
import { docUrl, type Fix, type Severity } from './finding.js';

export type RuleTag = 'encoding' | 'structure' | 'links' | 'policy' | 'security';

/** As in ESLint: a problem is wrong or unsafe; a suggestion could be better; layout is form only. */
export type RuleType = 'problem' | 'suggestion' | 'layout';

/** A JSON Schema object, as the rule's options are described in schema/config.schema.json. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface RuleDocs {
  /** One sentence: what the rule reports. */
  description: string;
  tags: readonly RuleTag[];
  /** The rule's page, docs/rules/<id>.md (filled in by defineRule). */
  url: string;
}

export interface RuleMeta<Options extends object = object> {
  id: string;
  type: RuleType;
  docs: RuleDocs;
  defaultSeverity: Severity;
  fixable: boolean;
  /** The options object's JSON Schema, or null for a rule that takes none. */
  schema: JsonSchema | null;
  defaultOptions: Readonly<Options>;
  /** Message templates by message id; `{{name}}` is replaced by `data.name`. */
  messages: Readonly<Record<string, string>>;
  /**
   * Message ids that are warnings even when the rule is set to error: the milder cases of a rule
   * (a link to another site that is not an official resource), or a rule that must never fail a
   * run (network trouble).
   */
  warningMessages?: readonly string[];
  /** Rules that look across files: the globs of the other documents their options ask for. */
  otherFiles?(options: Readonly<Options>): readonly string[];
}

export type MessageData = Readonly<Record<string, string | number>>;

/** Another place a report refers to (the first of two duplicates), in this document or another. */
export interface RelatedDescriptor {
  messageId: string;
  data?: MessageData;
  /** The place: a node of `doc` (default: the reported document), or an offset into its source. */
  node?: Nodes;
  offset?: number;
  doc?: ProcessedDocument;
}

export interface ReportDescriptor {
  messageId: string;
  data?: MessageData;
  /** Where: a node, or offsets into the source (`end` defaults to `start`). */
  node?: Nodes;
  start?: number;
  end?: number;
  related?: RelatedDescriptor;
  fix?: Fix;
  /**
   * What the finding is about, for baselines: content (a normalised URL, a title), never a
   * position. The fingerprint is `ruleId:messageId:key`.
   */
  key: string;
}

/**
 * One link as the link check judged it (src/links/ makes these with --links; the link rules
 * report them): the rule and message it falls under, where it is, and a fix for a moved link.
 */
export interface CheckedLink {
  ruleId: string;
  messageId: string;
  data: MessageData;
  start: number;
  end: number;
  /** The URL as checked: the content key of the finding. */
  key: string;
  fix?: Fix;
}

export interface RuleContext<Options extends object = object> {
  doc: ProcessedDocument;
  options: Readonly<Options>;
  /** Other documents, already processed, for rules that look across files. */
  others: readonly ProcessedDocument[];
  /** The document's checked links, when the run checks links (--links); undefined otherwise. */
  links?: readonly CheckedLink[];
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options extends object = object> {
  meta: RuleMeta<Options>;
  create(context: RuleContext<Options>): void;
}

/** A rule as written in its file: the docs URL follows from the id. */
export interface RuleDefinition<Options extends object> {
  meta: Omit<RuleMeta<Options>, 'docs'> & { docs: Omit<RuleDocs, 'url'> };
  create(context: RuleContext<Options>): void;
}

/** Define a rule with typed options. */
export function defineRule<Options extends object>(definition: RuleDefinition<Options>): Rule<Options> {
  const { meta } = definition;
  return { meta: { ...meta, docs: { ...meta.docs, url: docUrl(meta.id) } }, create: definition.create };
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/gu;

/** Fill a message template; a placeholder with no data is a bug in the rule. */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = data[name];
    if (value === undefined) throw new RuleContractError(`message placeholder "${name}" has no data`);
    return String(value);
  });
}

/** The names a template needs. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** A rule broke its contract (a report the runner cannot turn into a finding): a bug, never user error. */
export class RuleContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleContractError';
  }
}
