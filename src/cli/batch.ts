/**
 * Checking many files: each document is read, processed, linted and (for build) emitted, then let
 * go, so a run over thousands of files never holds every tree at once. Files the cache knows
 * unchanged are not processed at all; the rest run in this process or, when there are enough of
 * them, on a pool of worker processes. Results come back in the files' order whatever the process
 * that made them, so the report is the same bytes either way.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import type { Finding } from '../lint/finding.js';
import { lintDocument } from '../lint/run.js';
import type { Roadmap } from '../model/types.js';
import type { SchemaError } from '../model/validate.js';
import type { ProcessedDocument } from '../pipeline/process.js';
import { ConfigError } from '../config/load.js';
import { SettingsError } from '../lint/settings.js';
import { InputError, internalError } from '../pipeline/read.js';
import type { Workspace } from '../project/workspace.js';
import { RULES } from '../rules/index.js';
import type { CacheDeps, LintCache } from './cache.js';
import { poolSize, runOnPool } from './pool.js';
import { problemFinding, progress, type Io, type RunOptions } from './shared.js';

/** A document's outputs, made while its tree is alive. */
export interface Emitted {
  roadmap: Roadmap;
  json: string;
  csv: string;
  markdown: string;
}

/** What a run keeps of one checked document. */
export interface Checked {
  path: string;
  config: ResolvedConfig;
  findings: Finding[];
  schemaErrors: SchemaError[];
  emitted?: Emitted;
  /** internal-error findings: rules that threw. Never baselined. */
  internal?: Finding[];
  /** Why the outputs could not be made (a bug caught at the document's boundary). */
  emitFailure?: InputError;
}

/** An InputError as plain data, to cross threads and sit in the cache. */
type InputErrorData = { file: string; reason: string; exitCode: InputError['exitCode']; line?: number; kind: InputError['kind'] };
const dataOf = (e: InputError): InputErrorData => ({ file: e.file, reason: e.reason, exitCode: e.exitCode, ...(e.line !== undefined ? { line: e.line } : {}), kind: e.kind });
const errorOf = (d: InputErrorData): InputError => new InputError(d.file, d.reason, d.exitCode, d.line, d.kind);

/** What a thread returns for one file (no configuration object: the main thread has it). */
export interface FileOutcome {
  path: string;
  findings: Finding[];
  schemaErrors: SchemaError[];
  emitted?: Emitted;
  deps?: CacheDeps;
  internal?: Finding[];
  /** The file was refused (bad content, I/O, or a bug while reading and processing it). */
  inputError?: InputErrorData;
  emitFailure?: InputErrorData;
}

export interface CheckContext {
  workspace: Workspace;
  options: RunOptions;
  io: Io;
  emit: boolean;
  cache?: LintCache | undefined;
}

/** Emit a processed document's three outputs (the CSV writer and remark-stringify load here, for build only). */
export async function emitDocument(doc: ProcessedDocument): Promise<Emitted> {
  const [{ emitJson }, { emitCsv }, { cleanedMarkdown }] = await Promise.all([import('../emit/json.js'), import('../emit/csv.js'), import('../emit/markdown.js')]);
  return { roadmap: doc.roadmap, json: emitJson(doc.roadmap), csv: emitCsv(doc.roadmap), markdown: cleanedMarkdown(doc) };
}

/** Lint one processed document, recording which globs a cross-file rule read other documents with. */
export async function lintWithDeps(
  doc: ProcessedDocument,
  config: ResolvedConfig,
  workspace: Workspace,
): Promise<{ findings: Finding[]; deps: CacheDeps; internal: Finding[] }> {
  const deps: CacheDeps = [];
  const internal: Finding[] = [];
  let findings: Finding[];
  try {
    findings = await lintDocument(doc, {
      rules: RULES,
      settings: config.settings,
      maxFindings: config.limits.maxFindings,
      others: async (globs) => {
        deps.push({ globs: [...globs], dir: config.dir });
        return workspace.others(globs, config);
      },
      // A rule that throws is a bug: an internal-error finding naming the rule; the others go on.
      onRuleError: (ruleId, error) => internal.push(problemFinding(internalError(doc.path, `rule ${ruleId}`, error))),
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SettingsError) throw error;
    findings = [];
    internal.push(problemFinding(internalError(doc.path, 'lint', error)));
  }
  return { findings, deps, internal };
}

/** Read, process, lint and optionally emit one file, keeping nothing of its tree. */
export async function checkOne(path: string, workspace: Workspace, emit: boolean): Promise<FileOutcome> {
  let loaded;
  try {
    loaded = await workspace.processText(path, await workspace.read(path));
  } catch (error) {
    // A broken configuration stops the run; anything else is caught at the document's boundary.
    if (error instanceof ConfigError || error instanceof SettingsError) throw error;
    const e = error instanceof InputError ? error : internalError(path, 'reading and processing', error);
    return { path, findings: [], schemaErrors: [], inputError: dataOf(e) };
  }
  const { doc, config } = loaded;
  const { findings, deps, internal } = await lintWithDeps(doc, config, workspace);
  let emitted: Emitted | undefined;
  let emitFailure: InputErrorData | undefined;
  if (emit && doc.schemaErrors.length === 0) {
    try {
      emitted = await emitDocument(doc);
    } catch (error) {
      emitFailure = dataOf(internalError(path, 'emit', error));
    }
  }
  return {
    path,
    findings,
    schemaErrors: doc.schemaErrors,
    ...(emitted ? { emitted } : {}),
    ...(emitFailure ? { emitFailure } : {}),
    ...(internal.length > 0 ? { internal } : {}),
    ...(deps.length > 0 ? { deps } : {}),
  };
}

/** How many file sizes are asked for at once. */
const STAT_BATCH = 64;

/** Check every file; input errors are collected, not thrown. Results keep the files' order. */
export async function checkFiles(files: readonly string[], ctx: CheckContext): Promise<{ checked: Checked[]; errors: InputError[] }> {
  const { workspace, io, cache } = ctx;
  // Configuration first, in this thread: ignored files drop out, and a broken configuration stops
  // the run here with its own message.
  const jobs: { path: string; config: ResolvedConfig; size: number }[] = [];
  for (const f of files) {
    const path = workspace.display(f);
    const config = await workspace.loader.forFile(path);
    if (!config.ignored) jobs.push({ path, config, size: 0 });
  }
  // Sizes, to share the files out among threads: asked for many at a time, not one after another.
  if (jobs.length > 1) {
    for (let from = 0; from < jobs.length; from += STAT_BATCH) {
      await Promise.all(
        jobs.slice(from, from + STAT_BATCH).map(async (job) => {
          job.size = await stat(resolve(workspace.cwd, job.path)).then(
            (s) => s.size,
            () => 0,
          );
        }),
      );
    }
  }

  const outcomes = new Array<FileOutcome | undefined>(jobs.length);
  const todo: number[] = [];
  for (const [i, job] of jobs.entries()) {
    const hit = cache ? await cache.lookup(job.path, job.config, ctx.emit) : undefined;
    if (hit) outcomes[i] = hit;
    else todo.push(i);
  }

  const tick = progress(io, todo.length);
  const workers = poolSize(
    todo.map((i) => jobs[i]!.size),
    ctx.options.threads,
    io.workerScript !== undefined,
  );
  if (workers > 1) {
    let done = 0;
    const results = await runOnPool(
      todo.map((i) => ({ path: jobs[i]!.path, size: jobs[i]!.size })),
      { workers, script: io.workerScript!, cwd: io.cwd, env: io.env, options: ctx.options, emit: ctx.emit },
      (path) => tick(done++, path),
    );
    for (const [k, i] of todo.entries()) outcomes[i] = results[k];
  } else {
    for (const [k, i] of todo.entries()) {
      tick(k, jobs[i]!.path);
      outcomes[i] = await checkOne(jobs[i]!.path, workspace, ctx.emit);
    }
  }
  tick(todo.length, '');

  const checked: Checked[] = [];
  const errors: InputError[] = [];
  const ran = new Set(todo);
  for (const [i, job] of jobs.entries()) {
    const o = outcomes[i]!;
    if (o.inputError) {
      errors.push(errorOf(o.inputError));
      continue;
    }
    if (cache && ran.has(i)) await cache.store(job.path, job.config, o);
    checked.push({
      path: o.path,
      config: job.config,
      findings: o.findings,
      schemaErrors: o.schemaErrors,
      ...(o.emitted ? { emitted: o.emitted } : {}),
      ...(o.internal ? { internal: o.internal } : {}),
      ...(o.emitFailure ? { emitFailure: errorOf(o.emitFailure) } : {}),
    });
  }
  return { checked, errors };
}
