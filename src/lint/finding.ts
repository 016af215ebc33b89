/**
 * A finding: what a rule (or a pipeline stage) reports. Reporters, the fixer and the baseline read
 * findings; nothing else does. Findings live on the VFile, as `file.data.findings` and as ordinary
 * vfile messages, so unified tooling (remark-cli, vfile-reporter) shows them too.
 */
import type { VFile } from 'vfile';
import type { Point } from '../util/source.js';

export type { Point } from '../util/source.js';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** Replace `deleteCount` UTF-16 units at `offset` of the original source with `insert`. */
export interface TextEdit {
  offset: number;
  deleteCount: number;
  insert: string;
}

export interface Fix {
  /** What applying the fix does, for reporters. */
  description: string;
  edits: TextEdit[];
}

/** Another place the finding refers to, e.g. the first occurrence of a duplicate. */
export interface Related {
  message: string;
  file?: string;
  line: number;
  column: number;
}

export interface Finding {
  file: string;
  ruleId: string;
  /** The rule's message id (a key of its `meta.messages`); stable where the wording is not. */
  messageId: string;
  severity: Severity;
  message: string;
  docUrl: string;
  start: Point;
  end: Point;
  related?: Related;
  fix?: Fix;
  /** Identity for baselines: `ruleId:messageId:key`, the key being content (a normalised URL, a title), never a line. */
  fingerprint: string;
  /** A `max-findings` finding: the findings past the limit it stands for, which summaries count instead of it. */
  stands?: { errors: number; warnings: number };
}

/** How many errors and warnings a finding counts for: one, or those a `max-findings` finding stands for. */
export function weightOf(f: Finding): { errors: number; warnings: number } {
  if (f.stands) return f.stands;
  return f.severity === 'error' ? { errors: 1, warnings: 0 } : { errors: 0, warnings: 1 };
}

declare module 'vfile' {
  interface DataMap {
    findings: Finding[];
  }
}

export const DOCS_BASE = 'https://github.com/roadmap-pipeline/roadmap-pipeline/blob/main/docs/rules';

/** Where the limits (maxNesting, maxFileSize, maxFindings) are documented. */
export const LIMITS_DOCS = 'https://github.com/roadmap-pipeline/roadmap-pipeline#limits';

export function docUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}

/** Put a finding on a file, both as data and as a vfile message. */
export function addFinding(file: VFile, finding: Finding): void {
  (file.data.findings ??= []).push(finding);
  const message = file.message(finding.message, {
    place: { start: finding.start, end: finding.end },
    ruleId: finding.ruleId,
    source: 'roadmap-lint',
  });
  message.fatal = finding.severity === 'error';
  message.url = finding.docUrl;
  if (finding.fix) message.expected = [applyEditsToSlice(finding)];
  if (finding.related) message.note = `${finding.related.message} (line ${finding.related.line}, column ${finding.related.column})`;
}

function applyEditsToSlice(f: Finding): string {
  return f.fix!.edits.map((e) => e.insert).join('');
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) || a.start.offset - b.start.offset || cmp(a.ruleId, b.ruleId) || cmp(a.messageId, b.messageId) || cmp(a.message, b.message)
  );
}
