import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROADMAP, ROOT, cli, tempDir } from '../helpers.js';

const REMARK = join(ROOT, 'node_modules/.bin/remark');

/** "line:column-line:column  severity  message  rule  source" rows of remark-cli's default report. */
function remarkFindings(stderr: string): string[] {
  const rows: string[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(error|warning)\s+(.*?)\s+([a-z-]+)\s+roadmap-lint\s*$/u.exec(line);
    if (m) rows.push(`${m[1]}:${m[2]} ${m[3] === 'warning' ? 'warn' : 'error'} ${m[5]} ${m[4]}`);
  }
  return rows.sort();
}

describe('the rules as unified plugins, run by the real remark-cli', () => {
  it('report the same findings as roadmap lint', () => {
    const dir = tempDir();
    cpSync(ROADMAP, join(dir, 'backend-roadmap.md'));
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [join(ROOT, 'build/plugins.js')] }));
    const r = spawnSync(process.execPath, [REMARK, 'backend-roadmap.md', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1); // errors are fatal messages
    const fromRemark = remarkFindings(r.stderr);

    const ours = JSON.parse(cli(['lint', 'backend-roadmap.md', '--format', 'json', '--no-config'], { cwd: dir }).stdout);
    const fromCli = ours.results[0].findings
      .map((f: { line: number; column: number; severity: string; ruleId: string; message: string }) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)
      .sort();
    expect(fromRemark).toHaveLength(24);
    expect(fromRemark).toEqual(fromCli);
  });

  it('take rule settings as plugin options', () => {
    const dir = tempDir();
    cpSync(ROADMAP, join(dir, 'backend-roadmap.md'));
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [[join(ROOT, 'build/plugins.js'), { rules: { mojibake: 'off', 'official-only': 'off' } }]] }));
    const r = spawnSync(process.execPath, [REMARK, 'backend-roadmap.md', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(remarkFindings(r.stderr).map((l) => l.split(' ')[2])).toEqual(['similar-link']);
    expect(r.status).toBe(0);
  });
});
