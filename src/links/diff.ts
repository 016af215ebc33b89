/**
 * The lines a change added, from `git diff`: a pull request's run checks only the links the pull
 * request added, so old links that went bad since are left to the scheduled run.
 */
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Added line numbers of a file, as ranges [first, last], from a zero-context unified diff. */
export function addedLines(diff: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gmu)) {
    const first = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0) ranges.push([first, first + count - 1]);
  }
  return ranges;
}

export class DiffError extends Error {}

/**
 * The lines added to a file since `base` (compared from the merge base of `base` and HEAD, as a
 * pull request's diff is). A file git does not track counts as all added.
 */
export async function linesAddedSince(base: string, file: string): Promise<(line: number) => boolean> {
  const cwd = dirname(file);
  const git = async (args: string[]): Promise<string> => {
    try {
      return (await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      const e = error as { code?: string | number; stderr?: string };
      if (e.code === 'ENOENT') throw new DiffError('git is not installed, so --diff-base cannot be used');
      throw new DiffError(`git: ${(e.stderr ?? String(error)).trim().split('\n')[0]}`);
    }
  };
  const tracked = await git(['ls-files', '--error-unmatch', '--', file]).then(
    () => true,
    () => false,
  );
  if (!tracked) return () => true;
  const mergeBase = (await git(['merge-base', base, 'HEAD']).catch(() => base)).trim() || base;
  const diff = await git(['diff', '--unified=0', '--no-color', '--no-ext-diff', mergeBase, '--', file]);
  const ranges = addedLines(diff);
  return (line) => ranges.some(([a, b]) => line >= a && line <= b);
}
