/**
 * roadmap build: lint like `roadmap lint`, then write dist/. Like tsc, outputs are written whenever
 * a document's model validates, even when lint errors set exit code 1; --no-emit-on-error writes
 * nothing then. A document that is refused or fails is reported and not written (its earlier
 * outputs stay as they were); the others are written.
 *
 * Outputs mirror the input tree relative to the arguments' common directory, so equal file names
 * in different folders never collide: building `roadmaps/` writes `dist/backend/content/acid.json`.
 */
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ConfigLoader } from '../config/load.js';
import { emitCsv } from '../emit/csv.js';
import { emitJson } from '../emit/json.js';
import { cleanedMarkdown } from '../emit/markdown.js';
import { emitIndex, indexEntry, OutputDir, type IndexEntry, type OutputFile } from '../emit/write.js';
import { SCHEMA_VERSION } from '../model/types.js';
import { documentName } from '../pipeline/process.js';
import { EXIT_CONTENT, InputError, internalError } from '../pipeline/read.js';
import { Workspace } from '../project/workspace.js';
import { checkFiles, type Checked } from './batch.js';
import { CACHE_FILE, LintCache } from './cache.js';
import { expandInputs } from './files.js';
import { linkLint, checkedOf, lintLoaded, loadAll, noteSkipped, report, type Io, type RunOptions } from './shared.js';
import { resourcesOf } from '../model/walk.js';
import { validateRoadmap } from '../model/validate.js';
import { neutralizeTerminalLine } from '../util/terminal.js';

/** Thrown for an --out that would overwrite sources or the project. */
export class OutDirError extends Error {
  override name = 'OutDirError';
}

const within = (child: string, parent: string): boolean => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** The nearest directory at or above `cwd` that holds .git or package.json; `cwd` itself when none does. */
export function projectRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

async function real(path: string): Promise<string> {
  // The output directory may not exist yet: resolve its nearest existing ancestor.
  const rest: string[] = [];
  let dir = resolve(path);
  for (;;) {
    try {
      return join(await realpath(dir), ...rest.reverse());
    } catch {
      if (dirname(dir) === dir) return resolve(path);
      rest.push(dir.slice(dirname(dir).length).replace(/^[\\/]/u, ''));
      dir = dirname(dir);
    }
  }
}

/** Refuse an output directory that is, contains or sits inside a source folder, or is the project root. */
export async function checkOutDir(out: string, outLabel: string, roots: readonly string[], files: readonly string[], cwd: string): Promise<void> {
  const outReal = await real(out);
  const project = await real(projectRoot(cwd));
  if (within(project, outReal)) {
    throw new OutDirError(`--out ${outLabel}: is the project root${outReal === project ? '' : ' or above it'}; choose an output folder of its own, such as dist`);
  }
  for (const root of roots) {
    const r = await real(root);
    if (r === outReal) throw new OutDirError(`--out ${outLabel}: is a source folder; outputs would overwrite the sources`);
    if (within(r, outReal)) throw new OutDirError(`--out ${outLabel}: contains the source folder ${relative(cwd, root) || '.'}; outputs would overwrite the sources`);
    if (within(outReal, r)) throw new OutDirError(`--out ${outLabel}: is inside the source folder ${relative(cwd, root) || '.'}; its Markdown outputs would be read as sources`);
  }
  for (const f of files) {
    if (within(await real(resolve(cwd, f)), outReal)) throw new OutDirError(`--out ${outLabel}: contains the source ${f}; outputs would overwrite it`);
  }
}

/** The deepest directory containing every root. */
export function commonRoot(roots: readonly string[]): string {
  if (roots.length === 0) return '';
  let parts = resolve(roots[0]!).split(sep);
  for (const r of roots.slice(1)) {
    const other = resolve(r).split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

/** A document's output path without extension, relative to the output directory ("backend/content/acid"). */
export function outputStem(file: string, root: string, cwd: string): string {
  const abs = resolve(cwd, file);
  const rel = relative(root, abs).split(sep);
  rel[rel.length - 1] = documentName(rel[rel.length - 1]!);
  return rel.join('/');
}

export async function runBuild(paths: string[], options: RunOptions, loader: ConfigLoader, io: Io): Promise<number> {
  const expansion = await expandInputs(paths.length > 0 ? paths : ['content'], io.cwd);
  const outDir = resolve(io.cwd, options.out);
  const outLabel = options.out.replace(/(?<!\/)\/+$/u, '') || options.out;
  await checkOutDir(outDir, outLabel, expansion.roots, expansion.files, io.cwd);
  noteSkipped(io, expansion.skipped);

  // Lock the output directory and finish or undo an interrupted build before anything else.
  const out = await OutputDir.open(outDir, {
    label: outLabel,
    onWait: (h) => io.stderr(`roadmap: ${outLabel}/: waiting for ${h ? `${h.what} (process ${h.pid})` : 'another build'} to finish\n`),
    onRecover: (note) => io.stderr(`roadmap: ${note}\n`),
  });
  try {
    return await build(expansion.files, expansion.roots, out, outLabel, options, loader, io);
  } finally {
    await out.close();
  }
}

async function build(
  files: string[],
  roots: string[],
  out: OutputDir,
  outLabel: string,
  options: RunOptions,
  loader: ConfigLoader,
  io: Io,
): Promise<number> {
  const workspace = new Workspace(loader, io.cwd);
  let linted: Checked[];
  let errors: InputError[];
  let cache: LintCache | undefined;
  if (!options.links) {
    // One file at a time (on worker processes when there are many): each document's outputs are
    // made right after it is linted, so no tree outlives its file; unchanged files come from the cache.
    cache = options.cache ? await LintCache.open(options.cacheLocation ?? CACHE_FILE, io.cwd, (m) => io.stderr(`roadmap: warning: ${m}\n`)) : undefined;
    ({ checked: linted, errors } = await checkFiles(files, { workspace, options, io, emit: true, cache }));
  } else {
    const all = await loadAll(files, workspace);
    const { loaded } = all;
    errors = all.errors;
    const links = await linkLint(loaded, options, io);
    const lintedDocs = await lintLoaded(loaded, workspace, io, links);
    // build --links: each resource gets what its link check found; the model is validated again.
    for (const { doc } of loaded) {
      for (const { resource } of resourcesOf(doc.roadmap)) {
        const link = links!.run.linkFor(resource.url);
        if (link) resource.link = link;
      }
      doc.schemaErrors = validateRoadmap(doc.roadmap);
    }
    linted = checkedOf(lintedDocs).map((c, i) => {
      const { doc } = lintedDocs[i]!.loaded;
      if (c.schemaErrors.length > 0) return c;
      try {
        const emitted = { roadmap: doc.roadmap, json: emitJson(doc.roadmap), csv: emitCsv(doc.roadmap, { links: true }), markdown: cleanedMarkdown(doc) };
        return { ...c, emitted };
      } catch (error) {
        // A bug, caught at the document's boundary: this document is not written, the others are.
        return { ...c, emitFailure: internalError(doc.path, 'emit', error) };
      }
    });
  }
  const previous = await out.readIndex();
  const root = commonRoot(roots);

  const failures: InputError[] = [];
  const outputs: OutputFile[] = [];
  const entries: IndexEntry[] = [];
  const stems = new Map<string, string>();
  for (const doc of linted) {
    if (doc.schemaErrors.length > 0) {
      for (const e of doc.schemaErrors) {
        failures.push(new InputError(doc.path, `the model does not match schema/roadmap.schema.json at ${e.path}: ${e.message}; not written`, EXIT_CONTENT));
      }
      continue;
    }
    const stem = outputStem(doc.path, root, io.cwd);
    if (stem === 'index') {
      failures.push(new InputError(doc.path, `a document named "index" would overwrite ${outLabel}/index.json; rename it; not written`, EXIT_CONTENT));
      continue;
    }
    const twin = stems.get(stem);
    if (twin !== undefined) {
      failures.push(new InputError(doc.path, `would write the same outputs as ${twin} (${outLabel}/${stem}.*); not written`, EXIT_CONTENT));
      continue;
    }
    stems.set(stem, doc.path);
    const { emitted } = doc;
    if (!emitted) {
      if (doc.emitFailure) failures.push(doc.emitFailure);
      continue;
    }
    outputs.push(
      { name: `${stem}.json`, content: emitted.json },
      { name: `${stem}.csv`, content: emitted.csv },
      { name: `${stem}.md`, content: emitted.markdown },
    );
    entries.push(indexEntry(emitted.roadmap, stem));
  }

  const code = await report(linted, options, io, [...errors, ...failures]);
  const hasErrors = errors.length > 0 || failures.length > 0 || linted.some((l) => (l.internal ?? []).length > 0 || l.findings.some((f) => f.severity === 'error'));
  if (options.noEmitOnError && hasErrors) {
    io.stderr(`roadmap: --no-emit-on-error: nothing written to ${outLabel}/\n`);
    return code;
  }
  if (outputs.length === 0) {
    io.stderr(`roadmap: nothing written to ${outLabel}/\n`);
    return Math.max(code, EXIT_CONTENT);
  }
  outputs.push({ name: 'index.json', content: emitIndex(entries, previous, SCHEMA_VERSION) });
  await out.write(outputs);
  if (cache && code <= EXIT_CONTENT) await cache.save();
  const written = outputs.map((o) => `${outLabel}/${o.name}`);
  io.stderr(`roadmap: wrote ${neutralizeTerminalLine(written.length > 8 ? `${written.length} files to ${outLabel}/` : written.join(', '))}\n`);
  return code;
}
