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

const rowsOf = (json: string): string[] =>
  JSON.parse(json)
    .results.flatMap((r: { file: string; findings: { line: number; column: number; severity: string; ruleId: string; message: string }[] }) =>
      r.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`),
    )
    .sort();

describe('the rules as unified plugins, run by the real remark-cli', () => {
  it('with this repository\'s roadmap.config.json, remark content/ reports exactly what roadmap lint content/ reports', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(ROOT, 'roadmap.config.json'), join(dir, 'roadmap.config.json'));
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [join(ROOT, 'build/plugins.js')] }));
    const r = spawnSync(process.execPath, [REMARK, 'content/', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const fromRemark = remarkFindings(r.stderr);
    const fromCli = rowsOf(cli(['lint', 'content/', '--format', 'json'], { cwd: dir }).stdout);
    // The configuration exempts section 10: 2 official-only findings instead of 9.
    expect(fromCli.filter((row) => row.includes(' official-only '))).toHaveLength(2);
    expect(fromRemark).toEqual(fromCli);
  });

  it('report the same findings as roadmap lint with no configuration', () => {
    const dir = tempDir();
    cpSync(ROADMAP, join(dir, 'backend-roadmap.md'));
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [[join(ROOT, 'build/plugins.js'), { config: false }]] }));
    const r = spawnSync(process.execPath, [REMARK, 'backend-roadmap.md', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1); // errors are fatal messages
    const fromRemark = remarkFindings(r.stderr);
    const fromCli = rowsOf(cli(['lint', 'backend-roadmap.md', '--format', 'json', '--no-config'], { cwd: dir }).stdout);
    expect(fromRemark).toHaveLength(fromCli.length);
    expect(fromRemark.filter((row) => row.includes(' official-only '))).toHaveLength(9);
    expect(fromRemark).toEqual(fromCli);
  });

  it('take rule settings as plugin options, over the configuration', () => {
    const dir = tempDir();
    cpSync(ROADMAP, join(dir, 'backend-roadmap.md'));
    writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ rules: { 'similar-link': 'error' } }));
    writeFileSync(
      join(dir, '.remarkrc.json'),
      JSON.stringify({ plugins: [[join(ROOT, 'build/plugins.js'), { rules: { mojibake: 'off', 'official-only': 'off' } }]] }),
    );
    const r = spawnSync(process.execPath, [REMARK, 'backend-roadmap.md', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(remarkFindings(r.stderr).map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual(['error similar-link']);
    expect(r.status).toBe(1);
  });

  it('refuse a misspelt severity in the plugin options', () => {
    const dir = tempDir();
    cpSync(ROADMAP, join(dir, 'backend-roadmap.md'));
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [[join(ROOT, 'build/plugins.js'), { rules: { mojibake: 'eror' } }]] }));
    const r = spawnSync(process.execPath, [REMARK, 'backend-roadmap.md', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('rule "mojibake": severity "eror" is not error, warn or off');
  });
});
