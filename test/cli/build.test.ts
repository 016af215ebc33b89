import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROADMAP, cli, tempDir } from '../helpers.js';

/** A scratch project: content/ with the roadmap, and an existing dist/ that must survive failures. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'content'));
  cpSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
  return dir;
}

const snapshot = (dir: string): Record<string, string> =>
  existsSync(dir) ? Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])) : {};

describe('roadmap build', () => {
  let dir: string;
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    dir = project();
    first = cli(['build'], { cwd: dir });
  });

  it('builds content/ by default and writes the four outputs', () => {
    expect(first.stderr).toContain('wrote dist/backend-roadmap.json');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['backend-roadmap.csv', 'backend-roadmap.json', 'backend-roadmap.md', 'index.json']);
    const model = JSON.parse(readFileSync(join(dir, 'dist/backend-roadmap.json'), 'utf8'));
    expect(model.counts.resources).toBe(39);
  });

  it('prints the lint report and exits 1 for the lint errors, yet writes (like tsc)', () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('mojibake');
    expect(first.stdout).toMatch(/✖ \d+ problems/u);
  });

  it('writes identical bytes on a second run', () => {
    const before = snapshot(join(dir, 'dist'));
    cli(['build'], { cwd: dir });
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('--no-emit-on-error leaves dist/ untouched when there are errors', () => {
    const other = project();
    const r = cli(['build', '--no-emit-on-error'], { cwd: other });
    expect(r.code).toBe(1);
    expect(existsSync(join(other, 'dist'))).toBe(false);
  });

  it('refuses a top-level document named index, and two sources with one output; writes the others', () => {
    const other = project();
    writeFileSync(join(other, 'content/index.md'), '# Index\n\n## S\n\n* [Python](https://docs.python.org/3/)\n');
    const r = cli(['build'], { cwd: other });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/index.md: a document named "index" would overwrite dist/index.json');
    expect(readdirSync(join(other, 'dist')).sort()).toEqual(['backend-roadmap.csv', 'backend-roadmap.json', 'backend-roadmap.md', 'index.json']);
    const twins = project();
    writeFileSync(join(twins, 'content/second.markdown'), '# Second\n\n## One\n\n* [Python](https://docs.python.org/3/)\n');
    writeFileSync(join(twins, 'content/second.md'), '# Second\n\n## One\n\n* [Python](https://docs.python.org/3/)\n');
    const t = cli(['build'], { cwd: twins });
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('content/second.md: would write the same outputs as content/second.markdown (dist/second.*)');
  });

  it('--out writes elsewhere and keeps other documents in index.json', () => {
    const other = project();
    writeFileSync(join(other, 'content/second.md'), '# Second\n\n## One\n\n* [Python](https://docs.python.org/3/)\n');
    expect(cli(['build', 'content/second.md', '--out', 'out'], { cwd: other }).code).toBe(0);
    cli(['build', 'content/backend-roadmap.md', '--out', 'out'], { cwd: other });
    const index = JSON.parse(readFileSync(join(other, 'out/index.json'), 'utf8'));
    expect(index.documents.map((d: { document: string }) => d.document)).toEqual(['backend-roadmap', 'second']);
  });
});

describe('bad input: one clear line naming the file, a documented exit code', () => {
  // Arguments that name nothing stop the run before anything is read: dist/ stays as it was.
  const stops: [string, (dir: string) => string[], RegExp][] = [
    ['a missing file', () => ['content/nope.md'], /^roadmap: content\/nope\.md: no such file or directory$/mu],
    ['a directory with no Markdown', (d) => (mkdirSync(join(d, 'empty')), ['empty']), /^roadmap: empty: directory has no Markdown files/mu],
    ['a glob that matches nothing', () => ['content/*.markdown'], /no files match/u],
  ];
  it.each(stops)('%s', (_name, setup, message) => {
    const dir = project();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/keep.txt'), 'previous output\n');
    const r = cli(['build', ...setup(dir), 'content/backend-roadmap.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(snapshot(join(dir, 'dist'))).toEqual({ 'keep.txt': 'previous output\n' });
  });

  // A refused document does not stop the others: they are written; its earlier outputs stay.
  const refused: [string, (dir: string) => string, number, RegExp][] = [
    ['a file that is not valid UTF-8', (d) => (writeFileSync(join(d, 'content/bad.md'), Buffer.from('# Caf\xe9\n\nok\n', 'latin1')), 'bad'), 1, /^roadmap: content\/bad\.md:1: not valid UTF-8: byte 0xe9 at offset 5/mu],
    ['a binary file', (d) => (writeFileSync(join(d, 'content/bad.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1])), 'bad'), 1, /content\/bad\.md: binary file.*NUL byte at offset 4/u],
    ['an empty file', (d) => (writeFileSync(join(d, 'content/bad.md'), ''), 'bad'), 1, /content\/bad\.md: empty file/u],
    ['a file that is a symlink loop', (d) => (symlinkSync('bad.md', join(d, 'content/bad.md')), 'bad'), 2, /content\/bad\.md: cannot read/u],
    ['a FIFO', (d) => (execFileSync('mkfifo', [join(d, 'content/bad.md')]), 'bad'), 2, /content\/bad\.md: is a FIFO \(named pipe\), not a file/u],
  ];
  it.each(refused)('%s', (_name, setup, code, message) => {
    const dir = project();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/keep.txt'), 'previous output\n');
    writeFileSync(join(dir, 'dist/bad.json'), 'earlier output\n');
    setup(dir);
    const r = cli(['build', 'content/bad.md', 'content/backend-roadmap.md'], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /u); // no stack trace
    const after = snapshot(join(dir, 'dist'));
    expect(Object.keys(after).sort()).toEqual(['backend-roadmap.csv', 'backend-roadmap.json', 'backend-roadmap.md', 'bad.json', 'index.json', 'keep.txt']);
    expect(after['bad.json']).toBe('earlier output\n');
    expect(JSON.parse(after['index.json']!).documents.map((d: { source: string }) => d.source)).toEqual(['content/backend-roadmap.md']);
  });

  it('a document with no H1, or an empty one, is built: its title comes from the next source, heading-structure reports it', () => {
    const dir = project();
    writeFileSync(join(dir, 'content/untitled.md'), '#\n\n## 1. S\n\n* [Python Docs](https://docs.python.org/3/)\n');
    writeFileSync(join(dir, 'content/noh1.md'), 'text\n\n## Section\n\n* [Go](https://go.dev/doc/)\n');
    const r = cli(['build', 'content/untitled.md', 'content/noh1.md'], { cwd: dir });
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(r.stdout).toMatch(/noh1\.md[\s\S]*No H1 title: the title "Section" is taken from the first heading/u);
    const untitled = JSON.parse(readFileSync(join(dir, 'dist/untitled.json'), 'utf8'));
    expect([untitled.title, untitled.titleSource]).toEqual(['1. S', 'heading']);
    const noh1 = JSON.parse(readFileSync(join(dir, 'dist/noh1.json'), 'utf8'));
    expect([noh1.title, noh1.titleSource, noh1.description, noh1.counts.resources]).toEqual(['Section', 'heading', 'text', 1]);
  });

  it('the validator reports every path of a broken model', async () => {
    const { validateRoadmap, parseRoadmap } = await import('../../src/index.js');
    const model = parseRoadmap('# T\n\n## S\n\n* [a](https://a.example/)\n', { path: 't.md' });
    const broken = { ...model, sections: [{ ...model.sections[0]!, depth: 9, extra: true }] };
    expect(validateRoadmap(broken).map((e) => e.path)).toEqual(['/sections/0', '/sections/0/depth']);
  });
});

describe('the command line', () => {
  it('--help and --version', () => {
    expect(cli(['--help']).stdout).toContain('Usage: roadmap <command>');
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  it('usage errors exit 2 with a hint', () => {
    for (const args of [['frobnicate'], ['lint', '--format', 'xml'], ['lint', '--max-warnings', 'x'], ['lint', '--bogus'], ['build', '--fix']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^roadmap: /u);
    }
  });

  it('build refuses standard input in one line, writing nothing', () => {
    const dir = tempDir();
    const r = cli(['build', '--out', join(dir, 'dist'), '-'], { input: readFileSync(ROADMAP) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('roadmap: build writes outputs named after files, so it does not read standard input ("-" goes with lint and links)\n');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('keeps a read-only dist/ entry as it was when it cannot write', () => {
    const dir = project();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/keep.txt'), 'x');
    chmodSync(dir, 0o500);
    try {
      const r = cli(['build'], { cwd: dir });
      // Root ignores permissions; then the build simply succeeds.
      if (r.code === 2) expect(r.stderr).toMatch(/^roadmap: /mu);
      expect(readFileSync(join(dir, 'dist/keep.txt'), 'utf8')).toBe('x');
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
