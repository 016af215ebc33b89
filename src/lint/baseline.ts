/**
 * Baselines: accept the findings a document has today, report only new ones. Entries are keyed by
 * file, rule and fingerprint (the content a finding is about: a normalised URL, a title), never by
 * line, so edits elsewhere in the file do not invalidate them.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { validate as compiledBaselineValidator } from '../generated/validate-baseline.js';
import { readProblem, readSettingsText, writeFileAtomic } from '../util/atomic.js';
import { deepestError, type CompiledValidator } from '../util/schema-errors.js';
import type { Finding } from './finding.js';

export const BASELINE_FILE = 'roadmap-baseline.json';

export interface BaselineEntry {
  /** File path relative to the baseline file. */
  file: string;
  ruleId: string;
  fingerprint: string;
  /** How many findings share this identity. */
  count: number;
  /** The message when the baseline was written, for people reading the file. */
  message: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export class BaselineError extends Error {}

const baselineValidator = compiledBaselineValidator as unknown as CompiledValidator;

const key = (file: string, fingerprint: string): string => `${file}\u0000${fingerprint}`;

function relativeTo(baselinePath: string, file: string, cwd: string): string {
  return relative(dirname(baselinePath), resolve(cwd, file)).split(sep).join('/');
}

export function createBaseline(findings: readonly Finding[], baselinePath: string, cwd: string): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const file = relativeTo(baselinePath, f.file, cwd);
    const k = key(file, f.fingerprint);
    const entry = byKey.get(k);
    if (entry) entry.count++;
    else byKey.set(k, { file, ruleId: f.ruleId, fingerprint: f.fingerprint, count: 1, message: f.message });
  }
  const entries = [...byKey.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  return { version: 1, entries };
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

export async function readBaseline(path: string): Promise<Baseline | null> {
  let text: string;
  try {
    text = readSettingsText(path, 256 * 1024 * 1024);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BaselineError(`${path}: cannot read the baseline: ${readProblem(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${path}: the baseline is not valid JSON: ${(error as Error).message}`);
  }
  // Validated before use (schema/baseline.schema.json): `entries: [null]` is a message, not a TypeError.
  if (!baselineValidator(data)) {
    const { error } = deepestError(baselineValidator.errors ?? []);
    throw new BaselineError(`${path}: not a valid roadmap baseline at ${error.path}: ${error.message}; rewrite it with --write-baseline`);
  }
  return data as Baseline;
}

export interface BaselineMatch {
  /** Findings the baseline does not cover: report these. */
  fresh: Finding[];
  /** How many findings it accepted, per file. */
  accepted: Map<string, number>;
  /** Entries that matched nothing in the files linted. */
  stale: BaselineEntry[];
}

/** Split findings into new ones and accepted ones; entries for files not linted this run are not stale. */
export function applyBaseline(
  baseline: Baseline,
  findings: readonly Finding[],
  lintedFiles: readonly string[],
  baselinePath: string,
  cwd: string,
): BaselineMatch {
  const remaining = new Map<string, number>();
  for (const e of baseline.entries) remaining.set(key(e.file, e.fingerprint), e.count);
  const fresh: Finding[] = [];
  const accepted = new Map<string, number>();
  for (const f of findings) {
    const k = key(relativeTo(baselinePath, f.file, cwd), f.fingerprint);
    const left = remaining.get(k) ?? 0;
    if (left > 0) {
      remaining.set(k, left - 1);
      accepted.set(f.file, (accepted.get(f.file) ?? 0) + 1);
    } else fresh.push(f);
  }
  const linted = new Set(lintedFiles.map((f) => relativeTo(baselinePath, f, cwd)));
  const stale = baseline.entries.filter((e) => linted.has(e.file) && (remaining.get(key(e.file, e.fingerprint)) ?? 0) === e.count);
  return { fresh, accepted, stale };
}
