/** The default report: findings grouped by file, aligned columns, a summary; colour only on a terminal. */
import { createColors } from 'picocolors';
import { neutralizeTerminalLine } from '../util/terminal.js';
import type { Reporter } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stylish: Reporter = (results, { color, summary }) => {
  const c = createColors(color);
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    // Document text never reaches the terminal raw: no escape sequence in a title or a file name runs.
    out.push(c.underline(neutralizeTerminalLine(r.file)));
    const rows = r.findings.map((f) => [
      `${f.start.line}:${f.start.column}`,
      f.severity === 'error' ? 'error' : 'warning',
      neutralizeTerminalLine(f.message),
      f.ruleId,
    ]);
    // A loop, not Math.max(...rows): spreading 120,000 arguments overflows the stack.
    let w0 = 0;
    for (const row of rows) w0 = Math.max(w0, row[0]!.length);
    for (const [i, row] of rows.entries()) {
      const sev = row[1] === 'error' ? c.red('error  ') : c.yellow('warning');
      const fixMark = r.findings[i]!.fix ? c.dim(' (fixable)') : '';
      out.push(`  ${c.dim(row[0]!.padEnd(w0))}  ${sev}  ${row[2]}  ${c.dim(row[3]!)}${fixMark}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings;
  if (total > 0) {
    const line = `✖ ${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})`;
    out.push(summary.errors > 0 ? c.bold(c.red(line)) : c.bold(c.yellow(line)));
    if (summary.fixable > 0) out.push(c.dim(`  ${plural(summary.fixable, 'problem')} fixable with --fix`));
  } else {
    out.push(c.green(`✔ ${plural(summary.files, 'file')} checked, no problems`));
  }
  if (summary.baselined > 0) out.push(c.dim(`  ${plural(summary.baselined, 'finding')} accepted by the baseline`));
  return `${out.join('\n')}\n`;
};
