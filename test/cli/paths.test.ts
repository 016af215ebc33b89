// How reports name a file: relative to the working directory as the user wrote it, also above it
// ("../lists/a.md"), and absolute only when given absolute outside it. Reports, the JSON model's
// `source`, --fix-dry-run's diff headers and SARIF's artifact URIs all follow.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const MOJIBAKE = '# Caf\u00c3\u00a9 list\n\n## S\n\n* [A](http://a.example/) \u00e2\u20ac\u201d nice\n';

/** A working directory `work/` and a list beside it in `lists/`. */
function layout(): { root: string; work: string; list: string } {
  const root = tempDir();
  const work = join(root, 'work');
  mkdirSync(work);
  mkdirSync(join(root, 'lists'));
  const list = join(root, 'lists', 'a#b.md');
  writeFileSync(list, MOJIBAKE);
  return { root, work, list };
}

describe('paths in reports', () => {
  it('a file above the working directory is named as written, in every format and the JSON model', () => {
    const { work } = layout();
    const rel = '../lists/a#b.md';
    const compact = cli(['lint', '--no-config', '--format', 'compact', rel], { cwd: work });
    expect(compact.code).toBe(1);
    expect(compact.stdout.split('\n').filter(Boolean).every((l) => l.startsWith(`${rel}:`))).toBe(true);
    const json = JSON.parse(cli(['lint', '--no-config', '--format', 'json', rel], { cwd: work }).stdout) as { results: { file: string }[] };
    expect(json.results.map((r) => r.file)).toEqual([rel]);
    const built = cli(['build', '--no-config', '--format', 'json', '--out', 'dist', rel], { cwd: work });
    expect((JSON.parse(built.stdout) as { results: { file: string }[] }).results[0]!.file).toBe(rel);
    expect((JSON.parse(readFileSync(join(work, 'dist', 'a#b.json'), 'utf8')) as { source: string }).source).toBe(rel);
    expect((JSON.parse(readFileSync(join(work, 'dist', 'index.json'), 'utf8')) as { documents: { source: string }[] }).documents[0]!.source).toBe(rel);
  });

  it("--fix-dry-run's headers take git's a/ and b/ on a relative path, and none on an absolute one", () => {
    const { work, list } = layout();
    const rel = cli(['lint', '--no-config', '--fix-dry-run', '../lists/a#b.md'], { cwd: work });
    expect(rel.stdout).toContain('--- a/../lists/a#b.md\n+++ b/../lists/a#b.md\n');
    const abs = cli(['lint', '--no-config', '--fix-dry-run', list], { cwd: work });
    const shown = list.split('\\').join('/');
    expect(abs.stdout).toContain(`--- ${shown}\n+++ ${shown}\n`);
    expect(abs.stdout).not.toContain('a//');
  });

  it('SARIF: a relative path is a percent-encoded reference under %SRCROOT%, an absolute one a file: URI', () => {
    const { work, list } = layout();
    const location = (args: string[]) => {
      const log = JSON.parse(cli(['lint', '--no-config', '--format', 'sarif', ...args], { cwd: work }).stdout) as {
        runs: { artifacts: { location: { uri: string; uriBaseId?: string } }[] }[];
      };
      return log.runs[0]!.artifacts[0]!.location;
    };
    expect(location(['../lists/a#b.md'])).toEqual({ uri: '../lists/a%23b.md', uriBaseId: '%SRCROOT%' });
    expect(location([list])).toEqual({ uri: pathToFileURL(list).href });
  });

  it('a file inside the working directory whose name starts with two dots is still relative', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '..notes.md'), MOJIBAKE);
    const r = cli(['lint', '--no-config', '--format', 'compact', '..notes.md'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toMatch(/^\.\.notes\.md:1:/u);
  });
});
