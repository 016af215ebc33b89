/**
 * roadmap build: lint like `roadmap lint`, then write dist/. Like tsc, outputs are written whenever
 * every model validates, even when lint errors set exit code 1; --no-emit-on-error writes nothing
 * then. Any bad input or invalid model means nothing is written at all.
 */
import { emitCsv } from '../emit/csv.js';
import { emitJson } from '../emit/json.js';
import { emitMarkdown } from '../emit/markdown.js';
import { emitIndex, indexEntry, readPreviousIndex, writeOutputs, type OutputFile } from '../emit/write.js';
import { SCHEMA_VERSION } from '../model/types.js';
import type { ConfigLoader } from '../config/load.js';
import { EXIT_CONTENT, EXIT_FAILURE } from '../pipeline/read.js';
import { expandPaths } from './files.js';
import { Workspace } from '../project/workspace.js';
import { lintLoaded, loadAll, report, type Io, type RunOptions } from './shared.js';
import { resolve } from 'node:path';

export async function runBuild(paths: string[], options: RunOptions, loader: ConfigLoader, io: Io): Promise<number> {
  const files = await expandPaths(paths.length > 0 ? paths : ['content'], io.cwd);
  const workspace = new Workspace(loader, io.cwd);
  const { loaded, errors } = await loadAll(files, workspace);
  const linted = await lintLoaded(loaded, workspace, io);
  const code = await report(linted, options, io, errors);
  if (errors.length > 0) {
    io.stderr(`roadmap: nothing written to ${options.out}/ (${errors.length} input error${errors.length === 1 ? '' : 's'})\n`);
    return code;
  }
  let invalid = false;
  for (const { loaded: l } of linted) {
    for (const e of l.doc.schemaErrors) {
      io.stderr(`roadmap: ${l.doc.path}: the model does not match schema/roadmap.schema.json at ${e.path}: ${e.message}\n`);
      invalid = true;
    }
  }
  if (invalid) {
    io.stderr(`roadmap: nothing written to ${options.out}/\n`);
    return EXIT_CONTENT;
  }
  const hasErrors = linted.some((l) => l.findings.some((f) => f.severity === 'error'));
  if (options.noEmitOnError && hasErrors) {
    io.stderr(`roadmap: --no-emit-on-error: nothing written to ${options.out}/\n`);
    return code;
  }
  const outDir = resolve(io.cwd, options.out);
  const outputs: OutputFile[] = [];
  for (const { loaded: l } of linted) {
    const name = l.doc.roadmap.document;
    outputs.push(
      { name: `${name}.json`, content: emitJson(l.doc.roadmap) },
      { name: `${name}.csv`, content: emitCsv(l.doc.roadmap) },
      { name: `${name}.md`, content: emitMarkdown(l.doc.tree, l.doc.source) },
    );
  }
  const names = new Set<string>(['index']);
  for (const { loaded: l } of linted) {
    if (l.doc.roadmap.document === 'index') {
      io.stderr(`roadmap: ${l.doc.path}: a document named "index" would overwrite ${options.out}/index.json; rename it; nothing written\n`);
      return EXIT_FAILURE;
    }
    if (names.has(l.doc.roadmap.document)) {
      io.stderr(`roadmap: two documents named "${l.doc.roadmap.document}" would write the same outputs; nothing written\n`);
      return EXIT_FAILURE;
    }
    names.add(l.doc.roadmap.document);
  }
  outputs.push({
    name: 'index.json',
    content: emitIndex(linted.map((l) => indexEntry(l.loaded.doc.roadmap)), await readPreviousIndex(outDir), SCHEMA_VERSION),
  });
  await writeOutputs(outDir, outputs);
  io.stderr(`roadmap: wrote ${outputs.map((o) => `${options.out}/${o.name}`).join(', ')}\n`);
  return code;
}
