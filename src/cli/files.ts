/**
 * Turning command-line paths into Markdown files: a file as given, a directory searched for
 * Markdown, or a glob. Errors name what was asked for.
 *
 * Directories are walked here, one level at a time (no recursion), so that what is not a regular
 * file is seen: a FIFO, socket or device inside a directory is skipped with a note (reading a FIFO
 * would wait forever); one named on the command line is passed on and refused by the reader at
 * once. Hidden entries, node_modules and .git are not searched; symbolic links to files are
 * followed, links to directories too, once each.
 */
import { type Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { describeIoError, EXIT_FAILURE, InputError } from '../pipeline/read.js';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const isMarkdownName = (name: string): boolean => name.endsWith('.md') || name.endsWith('.markdown');

export interface Skipped {
  path: string;
  kind: string;
}

export interface Expansion {
  /** The files to process, sorted, as the user would write them (relative to the working directory). */
  files: string[];
  /** Special files found inside directories and skipped. */
  skipped: Skipped[];
  /** For each argument, the directory it names or searches: a directory itself, a file's directory, a glob's base. */
  roots: string[];
}

function kindOf(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isFIFO()) return 'FIFO (named pipe)';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'special file';
}

/** A directory inside the walk that could not be read: the run stops, naming it. */
class UnreadableDirectory extends Error {
  constructor(
    readonly rel: string,
    readonly reason: unknown,
  ) {
    super(rel);
  }
}

/**
 * Every entry under `base` (relative paths with forward slashes): regular files and special files.
 * A directory under it that cannot be read stops the walk (UnreadableDirectory): its Markdown would
 * go unchecked without a word.
 */
async function walk(base: string): Promise<{ files: string[]; special: Skipped[] }> {
  const files: string[] = [];
  const special: Skipped[] = [];
  const seen = new Set<string>();
  const queue: string[] = [''];
  const root = await realpath(base).catch(() => base);
  seen.add(root);
  while (queue.length > 0) {
    const rel = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await readdir(rel === '' ? base : join(base, rel), { withFileTypes: true });
    } catch (error) {
      if (rel === '') throw error;
      throw new UnreadableDirectory(rel, error);
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let other = !isDir && !isFile && !e.isSymbolicLink() ? kindOf(e) : null;
      if (e.isSymbolicLink()) {
        const target = await stat(join(base, path)).catch(() => null);
        if (!target) continue;
        isDir = target.isDirectory();
        isFile = target.isFile();
        other = !isDir && !isFile ? kindOf(target) : null;
        if (isDir) {
          const real = await realpath(join(base, path)).catch(() => null);
          // A link to the walk's own directory or one above it (d/up -> ..) would walk it again.
          if (!real || seen.has(real) || root === real || root.startsWith(real.endsWith(sep) ? real : real + sep)) continue;
          seen.add(real);
        }
      }
      if (isDir) queue.push(path);
      else if (isFile) files.push(path);
      else if (other) special.push({ path, kind: other });
    }
  }
  return { files, special };
}

const joinRel = (base: string, rel: string): string => (base === '.' || base === '' ? rel : `${base.replace(/(?<!\/)\/+$/u, '')}/${rel}`);

export async function expandInputs(patterns: readonly string[], cwd: string): Promise<Expansion> {
  const found = new Set<string>();
  const skipped: Skipped[] = [];
  const roots: string[] = [];
  for (const p of patterns) {
    const info = await stat(resolve(cwd, p)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      // Unreadable (a loop of links, no permission): the reader reports it with the other documents.
      return 'unreadable' as const;
    });
    if (info === 'unreadable') {
      found.add(p);
      roots.push(dirname(resolve(cwd, p)));
    } else if (info?.isDirectory()) {
      const { files, special } = await walk(resolve(cwd, p)).catch((error: unknown) => {
        if (error instanceof UnreadableDirectory) throw new InputError(joinRel(p, error.rel), describeIoError(error.reason), EXIT_FAILURE);
        throw new InputError(p, describeIoError(error), EXIT_FAILURE);
      });
      const md = files.filter((f) => isMarkdownName(f.slice(f.lastIndexOf('/') + 1)));
      for (const s of special) if (isMarkdownName(s.path.slice(s.path.lastIndexOf('/') + 1))) skipped.push({ path: joinRel(p, s.path), kind: s.kind });
      if (md.length === 0 && !special.some((s) => isMarkdownName(s.path))) throw new InputError(p, 'directory has no Markdown files (*.md)', EXIT_FAILURE);
      for (const f of md) found.add(joinRel(p, f));
      roots.push(resolve(cwd, p));
    } else if (info) {
      // A file, or a FIFO, socket or device: the reader refuses those at once, without waiting.
      found.add(p);
      roots.push(dirname(resolve(cwd, p)));
    } else if (picomatch.scan(p).isGlob) {
      const { base } = picomatch.scan(p);
      const baseDir = base === '' ? '.' : base;
      const isMatch = picomatch(p, { dot: false });
      const walked = await walk(resolve(cwd, baseDir)).catch((error: unknown) => {
        if (error instanceof UnreadableDirectory) throw new InputError(joinRel(baseDir, error.rel), describeIoError(error.reason), EXIT_FAILURE);
        return { files: [] as string[], special: [] as Skipped[] };
      });
      let matched = 0;
      for (const f of walked.files) {
        const rel = joinRel(baseDir, f);
        if (isMatch(rel)) {
          found.add(rel);
          matched++;
        }
      }
      for (const s of walked.special) {
        const rel = joinRel(baseDir, s.path);
        if (isMatch(rel)) skipped.push({ path: rel, kind: s.kind });
      }
      if (matched === 0 && skipped.length === 0) throw new InputError(p, 'no files match this pattern', EXIT_FAILURE);
      roots.push(isAbsolute(baseDir) ? baseDir : resolve(cwd, baseDir));
    } else {
      throw new InputError(p, 'no such file or directory', EXIT_FAILURE);
    }
  }
  return { files: [...found].sort(), skipped, roots };
}

/** The files to process (special files inside directories are left out). */
export async function expandPaths(patterns: readonly string[], cwd: string): Promise<string[]> {
  return (await expandInputs(patterns, cwd)).files;
}
