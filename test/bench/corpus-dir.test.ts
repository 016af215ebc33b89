// `npm run bench -- --corpus-dir <path>`: a tree of one's own laid out flat for the comparison, and
// the one-line refusals of a path that is not a tree of Markdown.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript benchmark module, without types
import { prepareDirCorpus } from '../../bench/corpora.js';
import { ROADMAP, ROOT, tempDir } from '../helpers.js';

const bench = (args: string[]): { code: number | null; stderr: string } => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/run.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stderr: r.stderr };
};

describe('bench --corpus-dir', () => {
  it("lays out a tree's Markdown flat, under unique names, without .git and node_modules", () => {
    const tree = join(tempDir(), 'pages');
    for (const d of ['common', 'linux', 'Linux', '.git', 'node_modules/pkg']) mkdirSync(join(tree, d), { recursive: true });
    const roadmap = readFileSync(ROADMAP);
    writeFileSync(join(tree, 'common/tar.md'), roadmap);
    writeFileSync(join(tree, 'linux/tar.md'), '# tar\n');
    writeFileSync(join(tree, 'Linux/tar.md'), '# TAR\n');
    writeFileSync(join(tree, 'linux/notes.txt'), 'not Markdown\n');
    writeFileSync(join(tree, '.git/HEAD.md'), '# no\n');
    writeFileSync(join(tree, 'node_modules/pkg/README.md'), '# no\n');
    const { corpus } = prepareDirCorpus(tree) as { corpus: { name: string; cwd: string; files: string[]; bytes: number } };
    expect(corpus.name).toBe('dir-pages');
    expect(corpus.files).toEqual(['Linux~tar.md', 'common~tar.md', 'linux~tar-2.md']);
    expect(readdirSync(corpus.cwd).sort()).toEqual(corpus.files);
    expect(readFileSync(join(corpus.cwd, 'common~tar.md'))).toEqual(roadmap);
    expect(corpus.bytes).toBe(roadmap.length + 12);
  });

  it('refuses, in one line with exit 2, a missing path, a file, a tree without Markdown, and a mix with --corpus', () => {
    const empty = tempDir();
    writeFileSync(join(empty, 'a.txt'), 'x\n');
    const cases: [string[], RegExp][] = [
      [['--corpus-dir'], /^bench: --corpus-dir takes a directory\n$/u],
      [['--corpus-dir', join(empty, 'nope')], /^bench: --corpus-dir takes a directory; .*nope is not one\n$/u],
      [['--corpus-dir', ROADMAP], /^bench: --corpus-dir takes a directory; .*backend-roadmap\.md is not one\n$/u],
      [['--corpus-dir', empty], /^bench: .* holds no Markdown file \(\.md, \.markdown\) outside \.git and node_modules\n$/u],
      [['--corpus-dir', empty, '--corpus', 'roadmap'], /^bench: --corpus-dir goes with the comparison alone, not --corpus\n$/u],
    ];
    for (const [args, message] of cases) {
      const r = bench(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
