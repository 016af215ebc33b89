/** One finding per line, `file:line:col: severity rule message`, for editors and grep. */
import { neutralizeTerminalLine } from '../util/terminal.js';
import type { Reporter } from './types.js';

export const compact: Reporter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      // One line per finding, and nothing in it a terminal would run.
      lines.push(`${neutralizeTerminalLine(f.file)}:${f.start.line}:${f.start.column}: ${f.severity} ${f.ruleId} ${neutralizeTerminalLine(f.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
