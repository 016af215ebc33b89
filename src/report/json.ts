/**
 * The JSON report: a stable, documented format (docs/report-json.md). Fields are only ever added;
 * a change that could break a consumer raises `version`.
 */
import { PACKAGE } from '../version.js';
import { weightOf } from '../lint/finding.js';
import type { Reporter } from './types.js';

export const JSON_REPORT_VERSION = 1;

export const json: Reporter = (results, { summary }) => {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: PACKAGE.name, version: PACKAGE.version },
    summary,
    results: results.map((r) => ({
      file: r.file,
      errorCount: r.findings.reduce((n, f) => n + weightOf(f).errors, 0),
      warningCount: r.findings.reduce((n, f) => n + weightOf(f).warnings, 0),
      baselined: r.baselined,
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        messageId: f.messageId,
        severity: f.severity,
        message: f.message,
        docUrl: f.docUrl,
        line: f.start.line,
        column: f.start.column,
        endLine: f.end.line,
        endColumn: f.end.column,
        offset: f.start.offset,
        endOffset: f.end.offset,
        related: f.related ?? null,
        fix: f.fix ?? null,
        fingerprint: f.fingerprint,
      })),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
