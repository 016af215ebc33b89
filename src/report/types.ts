import { weightOf, type Finding } from '../lint/finding.js';
import type { RuleMeta } from '../lint/rule.js';

/** What reporters receive: one entry per linted file, in the order the files were given. */
export interface FileResult {
  file: string;
  findings: Finding[];
  /** Findings a baseline accepted (not shown). */
  baselined: number;
}

export interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  fixable: number;
  baselined: number;
  /** Baseline entries that matched nothing. */
  stale: number;
}

export interface ReporterOptions {
  color: boolean;
  summary: ReportSummary;
  /** The rules that ran, for formats that describe them (SARIF). */
  rules: readonly RuleMeta[];
}

export type Reporter = (results: readonly FileResult[], options: ReporterOptions) => string;

export function summarize(results: readonly FileResult[], stale = 0): ReportSummary {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let baselined = 0;
  for (const r of results) {
    baselined += r.baselined;
    for (const f of r.findings) {
      const w = weightOf(f);
      errors += w.errors;
      warnings += w.warnings;
      if (f.fix) fixable++;
    }
  }
  return { files: results.length, errors, warnings, fixable, baselined, stale };
}
