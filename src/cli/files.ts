/**
 * Turning command-line paths into Markdown files: a file as given, a directory searched for
 * Markdown, or a glob. Errors name what was asked for.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeIoError, EXIT_FAILURE, InputError } from '../pipeline/read.js';

const MARKDOWN = '**/*.{md,markdown}';
const SKIP = ['**/node_modules/**', '**/.git/**'];

export async function expandPaths(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const p of patterns) {
    const info = await stat(resolve(cwd, p)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw new InputError(p, describeIoError(error), EXIT_FAILURE);
    });
    if (info?.isDirectory()) {
      const files = await glob(MARKDOWN, { cwd: resolve(cwd, p), ignore: SKIP, dot: false });
      if (files.length === 0) throw new InputError(p, 'directory has no Markdown files (*.md)', EXIT_FAILURE);
      for (const f of files) found.add(`${p.replace(/\/+$/u, '')}/${f}`);
    } else if (info) {
      found.add(p);
    } else if (isDynamicPattern(p)) {
      const files = await glob(p, { cwd, ignore: SKIP, dot: false });
      if (files.length === 0) throw new InputError(p, 'no files match this pattern', EXIT_FAILURE);
      for (const f of files) found.add(f);
    } else {
      throw new InputError(p, 'no such file or directory', EXIT_FAILURE);
    }
  }
  return [...found].sort();
}
