/**
 * roadmap lint: report findings; --fix applies fixes atomically, --fix-dry-run shows them as a
 * diff, --write-baseline accepts today's findings.
 */
import { createTwoFilesPatch } from 'diff';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import type { ConfigLoader } from '../config/load.js';
import { createBaseline, writeBaseline } from '../lint/baseline.js';
import { fixUntilStable } from '../lint/fix.js';
import { lintDocument } from '../lint/run.js';
import { decodeSource, EXIT_FAILURE, EXIT_OK, InputError } from '../pipeline/read.js';
import { Workspace, type LoadedDocument } from '../project/workspace.js';
import { RULES } from '../rules/index.js';
import { writeFileAtomic } from '../util/atomic.js';
import { expandPaths } from './files.js';
import { baselinePathFor, lintLoaded, loadAll, report, type Io, type Linted, type RunOptions } from './shared.js';

const STDIN = '-';

export async function runLint(paths: string[], options: RunOptions, loader: ConfigLoader, io: Io): Promise<number> {
  const workspace = new Workspace(loader, io.cwd);
  const useStdin = paths.includes(STDIN);
  if (useStdin && (options.fix || paths.length > 1)) {
    io.stderr(`roadmap: "-" (standard input) goes alone and cannot be fixed in place; use --fix-dry-run\n`);
    return EXIT_FAILURE;
  }
  let loaded: LoadedDocument[];
  let errors: InputError[] = [];
  if (useStdin) {
    const name = options.stdinFilename ?? '<stdin>';
    const source = decodeSource(name, await io.readStdin());
    loaded = [await workspace.processText(name, source)];
  } else {
    const files = await expandPaths(paths.length > 0 ? paths : ['content'], io.cwd);
    ({ loaded, errors } = await loadAll(files, workspace));
  }

  if (options.fix || options.fixDryRun) {
    const fixed: LoadedDocument[] = [];
    for (const l of loaded) fixed.push(await fixOne(l, options, workspace, io));
    loaded = fixed;
  }
  const linted = await lintLoaded(loaded, workspace, io);

  if (options.writeBaseline) {
    const path = baselinePathFor(options, loaded.map((l) => l.config), io.cwd, true)!;
    const all = linted.flatMap((l: Linted) => l.findings);
    await writeBaseline(path, createBaseline(all, path, io.cwd));
    io.stderr(`roadmap: wrote ${all.length} finding${all.length === 1 ? '' : 's'} to the baseline ${path}\n`);
    return errors.length > 0 ? Math.max(...errors.map((e) => e.exitCode)) : EXIT_OK;
  }
  return report(linted, options, io, errors);
}

/** Fix one document until stable; write it (--fix) or print the diff (--fix-dry-run). Returns the document as it now is. */
async function fixOne(l: LoadedDocument, options: RunOptions, workspace: Workspace, io: Io): Promise<LoadedDocument> {
  const { doc } = l;
  const lintText = async (text: string) => {
    const again = await workspace.processText(doc.path, { text, bom: doc.bom });
    return lintDocument(again.doc, { rules: RULES, settings: again.config.settings, others: (globs) => workspace.others(globs, again.config) });
  };
  const result = await fixUntilStable(doc.source, lintText);
  if (result.cycled) io.stderr(`roadmap: ${doc.path}: fixes undo each other; stopped after ${result.passes} passes\n`);
  if (result.output === doc.source) return l;
  if (options.fixDryRun) {
    io.stdout(createTwoFilesPatch(`a/${doc.path}`, `b/${doc.path}`, doc.source, result.output, '', '', { context: 3 }));
    return l;
  }
  const target = resolve(io.cwd, doc.path);
  // The file must still be there: never recreate a file that vanished during the run.
  const info = await stat(target).catch(() => null);
  if (!info) throw new InputError(doc.path, 'the file vanished during the run; nothing written', EXIT_FAILURE);
  await writeFileAtomic(target, Buffer.from((doc.bom ? '\ufeff' : '') + result.output, 'utf8'));
  io.stderr(`roadmap: ${doc.path}: applied ${result.fixed} fix${result.fixed === 1 ? '' : 'es'}\n`);
  return workspace.processText(doc.path, { text: result.output, bom: doc.bom });
}
