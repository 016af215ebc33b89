/**
 * roadmap lint: report findings; --fix applies fixes atomically, --fix-dry-run shows them as a
 * diff, --write-baseline accepts today's findings.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { ConfigLoader } from '../config/load.js';
import { createBaseline, writeBaseline } from '../lint/baseline.js';
import { fixUntilStable } from '../lint/fix.js';
import { decodeSource, describeIoError, EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, InputError, internalError } from '../pipeline/read.js';
import { Workspace, type LoadedDocument } from '../project/workspace.js';
import { writeFileAtomic } from '../util/atomic.js';
import { neutralizeTerminalLine } from '../util/terminal.js';
import { FileWriteError } from '../util/io-error.js';
import { acquireLock, type Lock } from '../util/lock.js';
import { checkFiles, type Checked } from './batch.js';
import { CACHE_FILE, LintCache } from './cache.js';
import { twoFilesPatch } from './patch.js';
import { expandInputs } from './files.js';
import { baselinePathFor, checkedOf, linkLint, lintLoaded, lintOne, loadAll, noteSkipped, report, type Io, type LinkLint, type RunOptions } from './shared.js';

const STDIN = '-';

export async function runLint(paths: string[], options: RunOptions, loader: ConfigLoader, io: Io): Promise<number> {
  const workspace = new Workspace(loader, io.cwd, { snapshots: options.fix });
  const useStdin = paths.includes(STDIN);
  if (useStdin && (options.fix || paths.length > 1)) {
    io.stderr(`roadmap: "-" (standard input) goes alone and cannot be fixed in place; use --fix-dry-run\n`);
    return EXIT_FAILURE;
  }
  if (useStdin) {
    const name = options.stdinFilename ?? '<stdin>';
    try {
      const { maxFileSize } = (await loader.forFile(name)).limits;
      const bytes = await io.readStdin(maxFileSize).catch((error: unknown) => {
        throw new InputError(name, describeIoError(error), EXIT_FAILURE, undefined, 'unreadable');
      });
      if (bytes.length > maxFileSize) throw new InputError(name, `standard input is larger than maxFileSize (${maxFileSize.toLocaleString('en-US')} bytes)`, EXIT_CONTENT);
      const source = decodeSource(name, bytes);
      return await lintAndReport([await workspace.processText(name, source)], [], options, workspace, io);
    } catch (error) {
      // Refused: reported like any other document, in the chosen format.
      if (!(error instanceof InputError)) throw error;
      return lintAndReport([], [error], options, workspace, io);
    }
  }
  const { files, skipped } = await expandInputs(paths.length > 0 ? paths : ['content'], io.cwd);
  noteSkipped(io, skipped);
  if (!options.fix && !options.fixDryRun && !options.links) {
    // The usual run: one file at a time (on worker processes when there are many), each tree let go
    // once linted; unchanged files come from the cache.
    const cache = options.cache ? await LintCache.open(options.cacheLocation ?? CACHE_FILE, io.cwd, (m) => io.stderr(`roadmap: warning: ${m}\n`)) : undefined;
    const { checked, errors } = await checkFiles(files, { workspace, options, io, emit: false, cache });
    const code = await finish(checked, errors, options, io);
    // A run that failed (usage, configuration, I/O) leaves the cache as it was.
    if (cache && code <= EXIT_CONTENT) await cache.save();
    return code;
  }
  // A second --fix on the same files waits for the first: each file is locked from read to write.
  const locks = options.fix ? await lockFiles(files, io) : [];
  try {
    const { loaded, errors } = await loadAll(files, workspace);
    return await lintAndReport(loaded, errors, options, workspace, io);
  } finally {
    for (const lock of locks) await lock.release();
  }
}

async function lintAndReport(loaded: LoadedDocument[], errors: InputError[], options: RunOptions, workspace: Workspace, io: Io): Promise<number> {
  const links = await linkLint(loaded, options, io);
  if (options.fix || options.fixDryRun) {
    const fixed: LoadedDocument[] = [];
    for (const l of loaded) {
      try {
        fixed.push(await fixOne(l, options, workspace, io, links));
      } catch (error) {
        // The file is left as it was; a write refused is exit 2, anything else a bug (exit 3).
        errors.push(error instanceof FileWriteError ? new InputError(l.doc.path, error.reason, EXIT_FAILURE) : internalError(l.doc.path, 'fix', error));
        fixed.push(l);
      }
    }
    loaded = fixed;
  }
  const linted = await lintLoaded(loaded, workspace, io, links);
  return finish(checkedOf(linted), errors, options, io);
}

/** Write the baseline (--write-baseline) or report; returns the exit code. */
async function finish(checked: readonly Checked[], errors: InputError[], options: RunOptions, io: Io): Promise<number> {
  if (options.writeBaseline) {
    // The files that could not be checked are not in the baseline: each still gets its line.
    for (const e of errors) io.stderr(`roadmap: ${e.message}\n`);
    const path = baselinePathFor(options, checked.map((l) => l.config), io.cwd, true)!;
    const all = checked.flatMap((l) => l.findings);
    await writeBaseline(path, createBaseline(all, path, io.cwd));
    io.stderr(`roadmap: wrote ${all.length} finding${all.length === 1 ? '' : 's'} to the baseline ${path}\n`);
    return errors.length > 0 ? Math.max(...errors.map((e) => e.exitCode)) : EXIT_OK;
  }
  return report(checked, options, io, errors);
}

/** Fix one document until stable; write it (--fix) or print the diff (--fix-dry-run). Returns the document as it now is. */
async function fixOne(l: LoadedDocument, options: RunOptions, workspace: Workspace, io: Io, links?: LinkLint): Promise<LoadedDocument> {
  const { doc } = l;
  // Each pass judges the text's links by the checks already made: fixing never sends a request.
  // Every fix counts, not only those of the findings a report would show (maxFindings).
  const lintText = async (text: string) => lintOne(await workspace.processText(doc.path, { text, bom: doc.bom }), workspace, links, undefined, Infinity);
  const result = await fixUntilStable(doc.source, lintText);
  if (result.cycled) io.stderr(`roadmap: ${neutralizeTerminalLine(doc.path)}: fixes undo each other; stopped after ${result.passes} passes\n`);
  if (result.output === doc.source) return l;
  if (options.fixDryRun) {
    // The diff library loads for --fix-dry-run only.
    // git's a/ and b/ prefixes on a relative path (patch -p1); an absolute path goes as it is.
    const [a, b] = isAbsolute(doc.path) ? [doc.path, doc.path] : [`a/${doc.path}`, `b/${doc.path}`];
    io.stdout(twoFilesPatch(await import('diff'), a, b, doc.source, result.output));
    return l;
  }
  const target = resolve(io.cwd, doc.path);
  // Written only if the file is still what was read: never over an edit made meanwhile, never
  // recreating a file that vanished. A --fix run's workspace records every read's snapshot.
  if (!l.snapshot) throw new Error(`${doc.path} was read without its snapshot, so a fix could overwrite an edit`);
  await writeFileAtomic(target, Buffer.from((doc.bom ? '\ufeff' : '') + result.output, 'utf8'), { label: doc.path, expected: l.snapshot });
  io.stderr(`roadmap: ${neutralizeTerminalLine(doc.path)}: applied ${result.fixed} fix${result.fixed === 1 ? '' : 'es'}\n`);
  return workspace.processText(doc.path, { text: result.output, bom: doc.bom });
}

/** Lock each file for --fix (`.<name>.roadmap-lock` beside it), in one order so that two runs cannot deadlock. */
async function lockFiles(files: readonly string[], io: Io): Promise<Lock[]> {
  const targets = new Map<string, string>();
  for (const f of files) {
    const abs = resolve(io.cwd, f);
    targets.set(await realpath(abs).catch(() => abs), f);
  }
  const locks: Lock[] = [];
  try {
    for (const [path, label] of [...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      try {
        locks.push(
          await acquireLock(join(dirname(path), `.${basename(path)}.roadmap-lock`), {
            what: 'roadmap lint --fix',
            onWait: (h) => io.stderr(`roadmap: ${label}: waiting for ${h ? `${h.what} (process ${h.pid})` : 'another run'} to finish\n`),
          }),
        );
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A directory that cannot take a lock file cannot take the fixed file either: the write reports it.
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT') continue;
        if (error instanceof Error && error.name === 'LockTimeoutError') throw new FileWriteError(label, error.message, 'ELOCKED');
        throw error;
      }
    }
  } catch (error) {
    for (const lock of locks) await lock.release();
    throw error;
  }
  return locks;
}
