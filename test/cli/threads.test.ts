// Parallel runs (a worker pool) give byte for byte what one thread gives, in the same order, for
// lint reports, build outputs and the cross-file duplicate check. The documents are real: the
// roadmap, a shared awesome list when present, and README files of installed packages.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli, packageReadmes, ROADMAP, ROOT, tempDir } from '../helpers.js';

const LISTS = join(ROOT, '../shared/corpus/lists');

/** Up to `count` unscoped package READMEs whose first line is an H1 (so build accepts them), in a fixed order. */
const h1Readmes = (count: number): { name: string; text: string }[] =>
  packageReadmes()
    .filter(({ name, text }) => !name.startsWith('@') && /^# \S/u.test(text) && !text.includes('\uFFFD'))
    .slice(0, count)
    .map(({ name, text }) => ({ name: `${name}.md`, text }));

/** A tree of real documents: the roadmap twice (so files share links), package READMEs, and one shared list. */
function corpus(withList: boolean): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'docs/packages'), { recursive: true });
  cpSync(ROADMAP, join(dir, 'docs/backend-roadmap.md'));
  cpSync(ROADMAP, join(dir, 'docs/packages/backend-roadmap-copy.md'));
  for (const { name, text } of h1Readmes(30)) writeFileSync(join(dir, 'docs/packages', name), text);
  if (withList && existsSync(LISTS)) cpSync(join(LISTS, 'awesome-nodejs.md'), join(dir, 'docs/awesome-nodejs.md'));
  return dir;
}

/** Run the CLI (reports here can pass the default 1 MB output buffer). */
function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const both = (args: string[], cwd: string) => [run([...args, '--threads', '1'], cwd), run([...args, '--threads', '2'], cwd)] as const;

describe('parallel and serial runs', () => {
  it('lint: identical reports in every format, and identical input errors and exit codes', () => {
    const dir = corpus(true);
    for (const format of ['compact', 'sarif']) {
      const [serial, parallel] = both(['lint', '--no-config', '--format', format, 'docs'], dir);
      expect([0, 1], `${format}: ${serial.stderr.slice(-500)}`).toContain(serial.code);
      expect(parallel.stdout).toBe(serial.stdout);
      expect(parallel.stderr).toBe(serial.stderr);
      expect(parallel.code).toBe(serial.code);
    }
    const sarif = JSON.parse(run(['lint', '--no-config', '--format', 'sarif', '--threads', '2', 'docs'], dir).stdout);
    const files = (sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]).map(
      (r) => r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(new Set(files).size).toBeGreaterThan(20);
  }, 240_000);

  it('build: identical outputs, file for file', () => {
    const dir = corpus(false);
    const [serial, parallel] = [
      cli(['build', '--no-config', '--threads', '1', '--out', 'one', 'docs'], { cwd: dir }),
      cli(['build', '--no-config', '--threads', '2', '--out', 'two', 'docs'], { cwd: dir }),
    ];
    expect(serial.code === 0 || serial.code === 1).toBe(true);
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout).toBe(serial.stdout);
    const files = (out: string): string[] => (readdirSync(join(dir, out), { recursive: true }) as string[]).filter((f) => /\.(json|csv|md)$/u.test(f)).sort();
    const names = files('one');
    expect(names.length).toBeGreaterThan(80);
    expect(files('two')).toEqual(names);
    for (const n of names) expect(readFileSync(join(dir, 'two', n), 'utf8'), n).toBe(readFileSync(join(dir, 'one', n), 'utf8'));
  }, 240_000);

  it('the cross-file duplicate check finds the same duplicates across files', () => {
    const dir = corpus(false);
    writeFileSync(
      join(dir, 'roadmap.config.json'),
      JSON.stringify({ rules: { 'duplicate-link': ['error', { scope: 'files', files: ['docs/**/*.md'] }] } }),
    );
    const [serial, parallel] = both(['lint', '--format', 'json', 'docs'], dir);
    expect(parallel.stdout).toBe(serial.stdout);
    const report = JSON.parse(serial.stdout) as { results: { file: string; findings: { ruleId: string; related: { file?: string } | null }[] }[] };
    const across = report.results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'duplicate-link' && f.related?.file && f.related.file !== r.file));
    expect(across.length).toBeGreaterThanOrEqual(39);
  }, 240_000);
});
