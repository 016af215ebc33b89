import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROADMAP, cli, tempDir } from '../helpers.js';

function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'content'));
  cpSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
  writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ baseline: 'roadmap-baseline.json' }));
  return dir;
}

const compact = (dir: string) => cli(['lint', '--format', 'compact'], { cwd: dir });

describe('baselines', () => {
  it('round trip: accept today, report only what is new, flag what went stale', () => {
    const dir = project();
    const file = join(dir, 'content/backend-roadmap.md');
    expect(compact(dir).code).toBe(1);

    const written = cli(['lint', '--write-baseline'], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('wrote 24 findings to the baseline');
    const baseline = JSON.parse(readFileSync(join(dir, 'roadmap-baseline.json'), 'utf8'));
    expect(baseline.version).toBe(1);
    expect(baseline.entries.every((e: { fingerprint: string }) => !/\bline\b|:\d+:\d+/u.test(e.fingerprint))).toBe(true);

    // Everything accepted: a clean run that says how much it suppressed.
    const accepted = cli(['lint'], { cwd: dir });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('24 findings accepted by the baseline');

    // Edits elsewhere move every line; nothing comes back.
    writeFileSync(file, `<!-- a new comment -->\n\n${readFileSync(file, 'utf8')}`.replace('# ðŸ–¥', '# ðŸ–¥'));
    expect(compact(dir).stdout).toBe('');

    // A new problem is reported; the fixed ones turn into stale entries.
    const text = readFileSync(file, 'utf8')
      .replace('* [Docker Docs](https://docs.docker.com/)', '* [Docker Docs](https://docs.docker.com/)\n* [Docker Hub](https://hub.docker.com/) | [Docker Docs](https://docs.docker.com/)')
      .replace('[REST API Tutorial](https://restfulapi.net/)', '[REST API Tutorial](https://www.rfc-editor.org/rfc/rfc9110)');
    writeFileSync(file, text);
    const after = compact(dir);
    expect(after.code).toBe(1);
    const lines = after.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('duplicate-link'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('warn baseline Stale baseline entry official-only'))).toHaveLength(1);
  });

  it('with no configuration, the default baseline that --write-baseline wrote applies to the next run', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'content'));
    cpSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
    expect(cli(['lint', '--no-config'], { cwd: dir }).code).toBe(1);
    const written = cli(['lint', '--no-config', '--write-baseline'], { cwd: dir });
    expect(written.stderr).toContain(`to the baseline ${join(dir, 'roadmap-baseline.json')}`);
    const next = cli(['lint', '--no-config'], { cwd: dir });
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/\d+ findings accepted by the baseline/u);
    expect(cli(['lint', '--no-config', '--no-baseline'], { cwd: dir }).code).toBe(1);
  });

  it('--write-baseline takes a file; --baseline applies it; --no-baseline ignores it', () => {
    const dir = project();
    expect(cli(['lint', '--write-baseline', 'accepted.json'], { cwd: dir }).code).toBe(0);
    expect(cli(['lint', '--baseline', 'accepted.json'], { cwd: dir }).code).toBe(0);
    expect(cli(['lint', '--baseline', 'accepted.json', '--no-baseline'], { cwd: dir }).code).toBe(1);
    writeFileSync(join(dir, 'broken.json'), '{');
    const broken = cli(['lint', '--baseline', 'broken.json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json: the baseline is not valid JSON');
  });
});

describe('duplicate-link across files', () => {
  it('catches a duplicate in another roadmap when only one file is linted (pre-commit on one staged file)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/a.md'), '# A\n\n## S\n\n* [Python Docs](https://docs.python.org/3/)\n');
    writeFileSync(join(dir, 'content/b.md'), '# B\n\n## S\n\n* [The Python docs](http://www.docs.python.org/3)\n');
    writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ rules: { 'duplicate-link': ['error', { scope: 'files', files: ['content/**/*.md'] }] } }));
    const r = cli(['lint', 'content/b.md', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('content/b.md:5:3: error duplicate-link Duplicate link to http://www.docs.python.org/3 ("The Python docs"): already linked as "Python Docs" at content/a.md:5');
  });
});
