/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. */
import type { Reporter } from './types.js';

const escapeData = (s: string): string => s.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

export const github: Reporter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.start.line}`,
        `col=${f.start.column}`,
        `endLine=${f.end.line}`,
        `endColumn=${f.end.column}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      lines.push(`::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(f.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
