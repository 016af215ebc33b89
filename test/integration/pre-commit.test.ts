import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROADMAP, ROOT, tempDir } from '../helpers.js';

// The real pre-commit program, with this repository as the hook source. CI installs it (.ci/run);
// elsewhere the test runs when pre-commit is on the PATH.
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const mustRun = process.env['CI'] === 'true';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });

describe.runIf(hasPreCommit || mustRun)('pre-commit hooks', () => {
  const home = join(ROOT, 'node_modules/.cache/pre-commit');
  const env = { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' };
  let repo: string;
  let hooksRev: string;

  beforeAll(() => {
    expect(hasPreCommit, 'pre-commit is not installed (apt-get install pre-commit)').toBe(true);
    // A committed snapshot of the working tree, so the hooks under test are the code under test.
    const snapshot = tempDir('roadmap-hooks-');
    cpSync(ROOT, snapshot, { recursive: true, filter: (src) => !/\/(node_modules|build|\.git)(\/|$)/u.test(src.slice(ROOT.length)) });
    git(snapshot, 'init', '-q');
    git(snapshot, 'add', '-A');
    git(snapshot, 'commit', '-qm', 'snapshot');
    hooksRev = git(snapshot, 'rev-parse', 'HEAD').trim();

    repo = tempDir('roadmap-precommit-');
    git(repo, 'init', '-q');
    writeFileSync(
      join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${snapshot}\n    rev: ${hooksRev}\n    hooks:\n      - id: roadmap-lint\n      - id: roadmap-fix\n        stages: [manual]\n`,
    );
    writeFileSync(join(repo, 'notes.txt'), 'not Markdown: never linted \u00e2\u20ac\u201d\n');
  }, 600_000);

  const run = (...args: string[]) => spawnSync('pre-commit', ['run', ...args], { cwd: repo, env, encoding: 'utf8' });

  it('passes on a clean roadmap', () => {
    mkdirSync(join(repo, 'content'), { recursive: true });
    writeFileSync(join(repo, 'content/clean.md'), '# Clean list\n\n## 1. Docs\n\n* [Python Docs](https://docs.python.org/3/)\n');
    git(repo, 'add', '-A');
    const r = run('roadmap-lint', '--all-files');
    expect(r.stdout).toMatch(/roadmap lint\.+Passed/u);
    expect(r.status).toBe(0);
  }, 600_000);

  it('fails on a broken one, and roadmap-fix repairs it', () => {
    cpSync(ROADMAP, join(repo, 'content/backend-roadmap.md'));
    git(repo, 'add', '-A');
    const failed = run('roadmap-lint', '--all-files');
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/roadmap lint\.+Failed/u);
    expect(failed.stdout).toContain('Mojibake "â€”" should be "—"');

    const fixed = run('--hook-stage', 'manual', 'roadmap-fix', '--all-files');
    expect(fixed.stdout).toContain('files were modified by this hook');
    expect(fixed.stdout).not.toContain('mojibake');
  }, 600_000);
});
