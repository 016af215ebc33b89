import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addedLines, DiffError, linesAddedSince } from '../../src/links/diff.js';
import { tempDir } from '../helpers.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });

describe('lines a change added', () => {
  it('reads the added ranges of a zero-context diff', () => {
    const diff = ['diff --git a/x.md b/x.md', '@@ -3,0 +4,2 @@', '+a', '+b', '@@ -10 +12 @@', '-c', '+d', '@@ -20,3 +23,0 @@'].join('\n');
    expect(addedLines(diff)).toEqual([
      [4, 5],
      [12, 12],
    ]);
  });

  it('selects the lines added since the merge base of a ref, in a real repository', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    const file = join(dir, 'list.md');
    writeFileSync(file, '# List\n\n- [A](https://a.example/)\n- [B](https://b.example/)\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    git(dir, 'checkout', '-qb', 'feature');
    writeFileSync(file, '# List\n\n- [A](https://a.example/)\n- [New](https://new.example/)\n- [B](https://b.example/)\n');
    git(dir, 'commit', '-qam', 'add a link');
    const added = await linesAddedSince('main', file);
    expect([1, 2, 3, 4, 5].filter(added)).toEqual([4]);
    const untracked = join(dir, 'new.md');
    writeFileSync(untracked, '# New\n');
    expect((await linesAddedSince('main', untracked))(1)).toBe(true);
    await expect(linesAddedSince('no-such-ref', file)).rejects.toBeInstanceOf(DiffError);
  });
});
