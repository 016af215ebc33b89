/** What the build and lint commands share: options, linting a set of files, reporting, exit codes. */
import { resolve } from 'node:path';
import { ConfigError, ConfigLoader, type ResolvedConfig } from '../config/load.js';
import { applyBaseline, BASELINE_FILE, readBaseline } from '../lint/baseline.js';
import type { Finding } from '../lint/finding.js';
import { lintDocument, type LintOptions } from '../lint/run.js';
import { SettingsError, type SettingsLayer } from '../lint/settings.js';
import type { Limits } from '../pipeline/limits.js';
import { EXIT_CONTENT, EXIT_INTERNAL, EXIT_OK, InputError, internalError } from '../pipeline/read.js';
import type { LoadedDocument, Workspace } from '../project/workspace.js';
import { loadReporter, type ReporterName } from '../report/load.js';
import { summarize, type FileResult } from '../report/types.js';
import { RULES } from '../rules/index.js';
import { neutralizeTerminalLine } from '../util/terminal.js';
import type { CheckerOptions } from '../links/http.js';
import type { Checked } from './batch.js';
import type { LinkRun } from './links.js';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input; when it is longer than `maxBytes`, its first `maxBytes` + 1 bytes. */
  readStdin: (maxBytes: number) => Promise<Uint8Array>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** Link checker options for tests (a resolver and a route to a local mirror); the command line never sets them. */
  linkChecker?: Partial<CheckerOptions>;
  /** The script that starts this CLI, for worker processes; without it a run stays in one process. */
  workerScript?: string;
}

export interface RunOptions {
  format: string;
  quiet: boolean;
  maxWarnings?: number;
  /** --rule flags, as one settings layer. */
  ruleFlags: SettingsLayer;
  configPath?: string;
  noConfig: boolean;
  fix: boolean;
  fixDryRun: boolean;
  stdinFilename?: string;
  writeBaseline: boolean;
  baselineTarget?: string;
  baselinePath?: string;
  noBaseline: boolean;
  out: string;
  noEmitOnError: boolean;
  /** --links: check links over the network (fresh cache entries reused), or report from the cache only. */
  links?: 'network' | 'cached';
  linksCache?: string;
  diffBase?: string;
  /** roadmap links: run only the link rules. */
  linksOnly?: boolean;
  /** --threads: how many worker processes check files (default: one per core, for runs big enough; 1: this process only). */
  threads?: number;
  /** --max-nesting, --max-file-size, --max-findings: over the configuration's limits. */
  limits?: Partial<Limits>;
  /** --cache / --cache-location. */
  cache?: boolean;
  cacheLocation?: string;
}

export interface Linted {
  loaded: LoadedDocument;
  /** The rules' findings (what a baseline can accept). */
  findings: Finding[];
  /** internal-error findings: rules that threw. Never baselined. */
  internal?: Finding[];
}

/** What the report keeps of a linted document. */
export const checkedOf = (linted: readonly Linted[]): Checked[] =>
  linted.map(({ loaded, findings, internal }) => ({
    path: loaded.doc.path,
    config: loaded.config,
    findings,
    schemaErrors: loaded.doc.schemaErrors,
    ...(internal && internal.length > 0 ? { internal } : {}),
  }));

/** The run's configuration loader (the main thread and every worker make the same one). */
export function createLoader(options: RunOptions, cwd: string): ConfigLoader {
  return new ConfigLoader({
    cwd,
    rules: RULES,
    ...(options.configPath ? { configPath: options.configPath } : {}),
    noConfig: options.noConfig,
    extra: options.ruleFlags,
    ...(options.limits ? { limits: options.limits } : {}),
  });
}

/** Colour when writing to a terminal, unless NO_COLOR; FORCE_COLOR forces it (FORCE_COLOR=0 turns it off). */
export function useColor(io: Io): boolean {
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  return io.stdoutIsTTY;
}

/** A progress line on stderr for longer runs on a terminal. */
/** The note for each special file a folder held (a FIFO, a socket): skipped, not read. */
export function noteSkipped(io: Io, skipped: readonly { path: string; kind: string }[]): void {
  for (const s of skipped) io.stderr(`roadmap: ${neutralizeTerminalLine(s.path)}: skipped: a ${s.kind}, not a file\n`);
}

export function progress(io: Io, total: number): (done: number, file: string) => void {
  if (!io.stderrIsTTY || total <= 5) return () => undefined;
  return (done, file) => {
    io.stderr(done >= total ? '\r\x1b[K' : `\r\x1b[K[${done + 1}/${total}] ${neutralizeTerminalLine(file)}`);
  };
}

/** The rule ids of findings that are not about a rule: a document refused, and a bug of ours. */
export const REFUSED_DOCUMENT = 'refused-document';
export const INTERNAL_ERROR = 'internal-error';
const PROBLEM_DOCS = 'https://github.com/roadmap-pipeline/roadmap-pipeline#exit-codes';

/** A refused document or an internal error as a finding, so every report format shows it. */
export function problemFinding(error: InputError): Finding {
  const ruleId = error.kind === 'internal' ? INTERNAL_ERROR : REFUSED_DOCUMENT;
  const point = { line: error.line ?? 1, column: 1, offset: 0 };
  return {
    file: error.file,
    ruleId,
    messageId: error.kind,
    severity: 'error',
    message: error.reason,
    docUrl: PROBLEM_DOCS,
    start: point,
    end: point,
    fingerprint: `${ruleId}:${error.kind}:${error.file}`,
  };
}

/** What the link step adds to linting: each document's checked links, and whether only the link rules run. */
export interface LinkLint {
  run: LinkRun;
  only?: readonly string[];
}

/** Lint one loaded document (as read, or a fixed text of it), with its checked links when there are. */
export function lintOne(
  l: LoadedDocument,
  workspace: Workspace,
  links?: LinkLint,
  onRuleError?: LintOptions['onRuleError'],
  maxFindings = l.config.limits.maxFindings,
): Promise<Finding[]> {
  return lintDocument(l.doc, {
    rules: RULES,
    settings: l.config.settings,
    maxFindings,
    others: (globs) => workspace.others(globs, l.config),
    ...(links ? { links: links.run.reportsFor(l.doc, l.config.links) } : {}),
    ...(links?.only ? { only: links.only } : {}),
    ...(onRuleError ? { onRuleError } : {}),
  });
}

/**
 * Lint documents that are already loaded. A rule that throws is a bug: it becomes an
 * internal-error finding naming the rule, and the other rules and documents go on.
 */
export async function lintLoaded(loaded: LoadedDocument[], workspace: Workspace, io: Io, links?: LinkLint): Promise<Linted[]> {
  const tick = progress(io, loaded.length);
  const out: Linted[] = [];
  for (const [i, l] of loaded.entries()) {
    tick(i, l.doc.path);
    const internal: Finding[] = [];
    let findings: Finding[];
    try {
      findings = await lintOne(l, workspace, links, (ruleId, error) => internal.push(problemFinding(internalError(l.doc.path, `rule ${ruleId}`, error))));
    } catch (error) {
      findings = [];
      internal.push(problemFinding(internalError(l.doc.path, 'lint', error)));
    }
    out.push({ loaded: l, findings, internal });
  }
  tick(loaded.length, '');
  return out;
}

/** The link step for these documents when the run checks links (loads src/links/ then, and only then). */
export async function linkLint(loaded: readonly LoadedDocument[], options: RunOptions, io: Io): Promise<LinkLint | undefined> {
  if (!options.links) return undefined;
  const { runLinkStep } = await import('./links.js');
  const { LINK_RULE_IDS } = await import('../rules/link-checks.js');
  const run = await runLinkStep(
    loaded.map((l) => ({ doc: l.doc, links: l.config.links })),
    {
      mode: options.links,
      ...(options.linksCache !== undefined ? { cacheFile: options.linksCache } : {}),
      ...(options.diffBase !== undefined ? { diffBase: options.diffBase } : {}),
    },
    io,
  );
  return { run, ...(options.linksOnly ? { only: LINK_RULE_IDS } : {}) };
}

/** Load every file, collecting input errors instead of stopping at the first. */
export async function loadAll(files: string[], workspace: Workspace): Promise<{ loaded: LoadedDocument[]; errors: InputError[] }> {
  const loaded: LoadedDocument[] = [];
  const errors: InputError[] = [];
  for (const f of files) {
    try {
      const l = await workspace.load(f);
      if (!l.config.ignored) loaded.push(l);
    } catch (error) {
      // A broken configuration stops the run; anything else is caught at the document's boundary,
      // and the other documents go on.
      if (error instanceof ConfigError || error instanceof SettingsError) throw error;
      errors.push(error instanceof InputError ? error : internalError(workspace.display(f), 'reading and processing', error));
    }
  }
  return { loaded, errors };
}

export function baselinePathFor(options: RunOptions, configs: ResolvedConfig[], cwd: string, writing: boolean): string | null {
  if (options.noBaseline && !writing) return null;
  const explicit = (writing ? options.baselineTarget : undefined) ?? options.baselinePath;
  if (explicit) return resolve(cwd, explicit);
  const configured = configs.find((c) => c.baseline)?.baseline;
  if (configured) return configured;
  // The default file applies whenever it exists, so --write-baseline followed by lint uses it.
  return resolve(cwd, BASELINE_FILE);
}

/** Apply the baseline, print the report, and return the exit code. */
export async function report(linted: readonly Checked[], options: RunOptions, io: Io, extraErrors: InputError[] = []): Promise<number> {
  const all = linted.flatMap((l) => l.findings);
  const baselinePath = baselinePathFor(options, linted.map((l) => l.config), io.cwd, false);
  let shown = all;
  const accepted = new Map<string, number>();
  const staleFindings: Finding[] = [];
  if (baselinePath) {
    const baseline = await readBaseline(baselinePath);
    if (baseline) {
      const files = linted.map((l) => l.path);
      const match = applyBaseline(baseline, all, files, baselinePath, io.cwd);
      shown = match.fresh;
      for (const [k, v] of match.accepted) accepted.set(k, v);
      for (const e of match.stale) {
        const file = linted.find((l) => resolve(io.cwd, l.path) === resolve(baselinePath, '..', e.file))?.path ?? e.file;
        staleFindings.push({
          file,
          ruleId: 'baseline',
          messageId: 'stale',
          severity: 'warn',
          message: `Stale baseline entry ${e.ruleId} "${e.fingerprint}" matches nothing any more; rewrite the baseline with --write-baseline`,
          docUrl: 'https://github.com/roadmap-pipeline/roadmap-pipeline#baselines',
          start: { line: 1, column: 1, offset: 0 },
          end: { line: 1, column: 1, offset: 0 },
          fingerprint: `baseline:stale:${e.fingerprint}`,
        });
      }
    }
  }
  const byFile = new Map<string, Finding[]>();
  for (const l of linted) byFile.set(l.path, []);
  // Refused documents and internal errors are findings too, in every format, never baselined.
  const problems = [...extraErrors.map(problemFinding), ...linted.flatMap((l) => l.internal ?? [])];
  for (const f of [...problems, ...shown, ...staleFindings]) byFile.get(f.file)?.push(f) ?? byFile.set(f.file, [f]);
  let results: FileResult[] = [...byFile].map(([file, findings]) => ({ file, findings, baselined: accepted.get(file) ?? 0 }));
  const fullSummary = summarize(results, staleFindings.length);
  if (options.quiet) results = results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  const reporter = await loadReporter(options.format as ReporterName);
  io.stdout(reporter(results, { color: useColor(io), summary: summarize(results, staleFindings.length), rules: RULES.map((r) => r.meta) }));
  for (const e of extraErrors) io.stderr(`roadmap: ${e.message}\n`);
  for (const f of linted.flatMap((l) => l.internal ?? [])) io.stderr(`roadmap: ${f.file}: ${f.message}\n`);
  const codes = extraErrors.map((e) => e.exitCode);
  if (problems.some((f) => f.ruleId === INTERNAL_ERROR)) codes.push(EXIT_INTERNAL);
  if (codes.length > 0) return Math.max(...codes);
  if (fullSummary.errors > 0) return EXIT_CONTENT;
  if (options.maxWarnings !== undefined && fullSummary.warnings > options.maxWarnings) {
    io.stderr(`roadmap: ${fullSummary.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT_CONTENT;
  }
  return EXIT_OK;
}
