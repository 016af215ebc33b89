// --cache returns exactly the findings an uncached run gives, skips unchanged files, notices
// changes to the file, its configuration and the other files a cross-file rule reads, is never
// written by a failed run, and ignores a corrupt or foreign cache with a warning.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROADMAP, ROOT, tempDir } from '../helpers.js';

const README = (pkg: string): string => readFileSync(join(ROOT, 'node_modules', pkg, 'README.md'), 'utf8');

/** The roadmap twice (files that share every link) and two real package READMEs. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'content'));
  cpSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
  cpSync(ROADMAP, join(dir, 'content/mirror.md'));
  writeFileSync(join(dir, 'content/tldts.md'), README('tldts'));
  writeFileSync(join(dir, 'content/ajv.md'), README('ajv'));
  writeFileSync(
    join(dir, 'roadmap.config.json'),
    JSON.stringify({ rules: { 'duplicate-link': ['error', { scope: 'files', files: ['content/**/*.md'] }] } }),
  );
  return dir;
}

const LINT = ['lint', '--format', 'json', 'content'];
const cached = (dir: string, extra: string[] = []) => cli([...LINT, '--cache', ...extra], { cwd: dir });
const uncached = (dir: string) => cli(LINT, { cwd: dir });

describe('--cache', () => {
  it('gives the uncached findings on the first and the second run, and the second run reads the cache', () => {
    const dir = project();
    const plain = uncached(dir);
    expect(plain.code).toBe(1);
    const first = cached(dir);
    expect(first.stdout).toBe(plain.stdout);
    expect(first.code).toBe(plain.code);
    expect(existsSync(join(dir, '.roadmapcache'))).toBe(true);
    const second = cached(dir);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.stderr).toBe(plain.stderr);
    expect(second.code).toBe(plain.code);

    // Proof that the second run used the cache rather than linting again: a message edited in the
    // cache comes back as it is.
    const cacheFile = join(dir, '.roadmapcache');
    const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const entry = data.entries[join(dir, 'content/ajv.md')];
    expect(entry.outcome.findings.length).toBeGreaterThan(0);
    entry.outcome.findings[0].message = 'from the cache';
    writeFileSync(cacheFile, JSON.stringify(data));
    expect(cached(dir).stdout).toContain('from the cache');
  });

  it('lints a changed file again, and the files whose cross-file findings depend on it', () => {
    const dir = project();
    cached(dir);
    // ajv.md gains a link the roadmap has: the roadmap's own file is unchanged, but its duplicate
    // now points at ajv.md (the first file to link it), so its cached findings must not be used.
    const link = /\* (\[[^\]\n]+\]\(https:\/\/[^)\s]+\))/u.exec(readFileSync(ROADMAP, 'utf8'))![1]!;
    writeFileSync(join(dir, 'content/ajv.md'), `${README('ajv')}\n## More\n\n* ${link}\n`);
    const again = cached(dir);
    const plain = uncached(dir);
    expect(again.stdout).toBe(plain.stdout);
    const report = JSON.parse(plain.stdout) as { results: { file: string; findings: { ruleId: string; related: { file?: string } | null }[] }[] };
    const roadmap = report.results.find((r) => r.file === 'content/backend-roadmap.md')!;
    expect(roadmap.findings.some((f) => f.ruleId === 'duplicate-link' && f.related?.file === 'content/ajv.md')).toBe(true);
  });

  it('notices a new file the cross-file globs find, and a changed configuration', () => {
    const dir = project();
    cached(dir);
    cpSync(ROADMAP, join(dir, 'content/third.md'));
    expect(cached(dir).stdout).toBe(uncached(dir).stdout);
    writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ rules: { 'duplicate-link': 'off', 'stray-link': 'error' } }));
    const after = cached(dir);
    expect(after.stdout).toBe(uncached(dir).stdout);
    expect(after.stdout).not.toContain('duplicate-link');
  });

  it('notices --rule flags and another tool version (cache key)', () => {
    const dir = project();
    cached(dir);
    const off = cached(dir, ['--rule', 'mojibake=off']);
    expect(off.stdout).toBe(cli([...LINT, '--rule', 'mojibake=off'], { cwd: dir }).stdout);
    expect(off.stdout).not.toContain('"mojibake"');
    const cacheFile = join(dir, '.roadmapcache');
    const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
    data.key = '0.0.0-other';
    for (const e of Object.values(data.entries) as { outcome: { findings: { message: string }[] } }[]) for (const f of e.outcome.findings) f.message = 'made by another version';
    writeFileSync(cacheFile, JSON.stringify(data));
    expect(cached(dir).stdout).not.toContain('made by another version');
  });

  it('ignores its own cache cut short, or of another format, with a warning, and replaces it', () => {
    const dir = project();
    const plain = uncached(dir);
    for (const content of ['{"tool": "roadmap-pipeline", "format": 1, "entr', JSON.stringify({ tool: 'roadmap-pipeline', format: 0, entries: [] })]) {
      writeFileSync(join(dir, 'cache.json'), content);
      const r = cached(dir, ['--cache-location', 'cache.json']);
      expect(r.stdout).toBe(plain.stdout);
      expect(r.code).toBe(plain.code);
      expect(r.stderr).toMatch(/^roadmap: warning: cache\.json: .*; ignoring it$/mu);
      expect(JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).tool).toBe('roadmap-pipeline');
    }
  });

  it('never overwrites a file that is not its cache: a document, package.json, the cache of another tool, a binary', () => {
    const dir = project();
    const plain = uncached(dir);
    const doc = readFileSync(join(dir, 'content/ajv.md'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "mine" }\n');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ tool: 'eslint', format: 1, entries: {} }));
    writeFileSync(join(dir, 'blob'), '\u0000\u0001binary');
    for (const location of ['content/ajv.md', 'package.json', 'other.json', 'blob']) {
      const before = readFileSync(join(dir, location));
      const r = cached(dir, ['--cache-location', location]);
      expect(r.stdout, location).toBe(plain.stdout);
      expect(r.code).toBe(plain.code);
      expect(r.stderr).toMatch(new RegExp(`^roadmap: warning: ${location.replace('.', '\\.')}: not a roadmap-pipeline cache.*; ignoring it and leaving it as it is`, 'mu'));
      expect(readFileSync(join(dir, location)), location).toEqual(before);
    }
    expect(readFileSync(join(dir, 'content/ajv.md'))).toEqual(doc);
  });

  it('drops damaged entries of its own cache with a warning and checks their files again', () => {
    const dir = project();
    const plain = uncached(dir);
    expect(cached(dir).code).toBe(plain.code);
    const file = join(dir, '.roadmapcache');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { outcome: { findings: unknown[] } | null }> };
    const keys = Object.keys(data.entries);
    const withFindings = keys.find((k) => data.entries[k]!.outcome!.findings.length > 0)!;
    const [first, second, third] = keys.filter((k) => k !== withFindings);
    (data.entries[withFindings]!.outcome!.findings[0] as { severity: string }).severity = 'fatal';
    data.entries[first!]!.outcome = null;
    data.entries[second!]!.outcome!.findings = [null];
    (data.entries[third!]!.outcome as unknown as { deps: unknown }).deps = [{ globs: 'content/*.md' }];
    writeFileSync(file, JSON.stringify(data));
    const r = cached(dir);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(plain.code);
    expect(r.stderr).toContain('.roadmapcache: 4 damaged entries ignored; their files are checked again');
  });

  it('is not written by a run that failed', () => {
    const dir = project();
    const r = cached(dir, ['content/missing.md']);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, '.roadmapcache'))).toBe(false);
    writeFileSync(join(dir, 'roadmap.config.json'), '{ "rules": { "no-such-rule": "error" } }');
    expect(cached(dir).code).toBe(2);
    expect(existsSync(join(dir, '.roadmapcache'))).toBe(false);
  });

  it('build with --cache writes the same outputs as without', () => {
    const dir = project();
    writeFileSync(join(dir, 'roadmap.config.json'), '{}');
    for (const f of ['tldts.md', 'ajv.md']) writeFileSync(join(dir, 'content', f), `# ${f}\n\n${README(f.replace('.md', ''))}`);
    const plain = cli(['build', '--out', 'plain'], { cwd: dir });
    cli(['build', '--cache', '--out', 'c1'], { cwd: dir });
    const second = cli(['build', '--cache', '--out', 'c2'], { cwd: dir });
    expect(second.stdout).toBe(plain.stdout);
    for (const f of ['backend-roadmap.json', 'mirror.csv', 'ajv.md', 'index.json']) {
      expect(readFileSync(join(dir, 'c2', f), 'utf8')).toBe(readFileSync(join(dir, 'plain', f), 'utf8'));
    }
  });
});
