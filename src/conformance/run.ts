/**
 * Run mojibake conformance cases (the JSON format of ftfy's test cases) through the repair engine.
 * Each file is an array of { label, original, fixed, fixed-encoding?, expect: "pass" | "fail" }.
 * The expected repair is `fixed-encoding` when present, else `fixed`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repairText } from '../encoding/index.js';

export interface ConformanceCase {
  label?: string;
  comment?: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
  expect: 'pass' | 'fail';
}

export interface CaseResult {
  label: string;
  original: string;
  expected: string;
  actual: string;
  ok: boolean;
  expect: 'pass' | 'fail';
}

export interface FileResult {
  file: string;
  cases: CaseResult[];
  /** Cases the reference tool passes that we pass too. */
  passed: number;
  /** Cases the reference tool passes. */
  total: number;
  /** Known failures of the reference tool that we repair. */
  knownFailuresFixed: number;
  knownFailures: number;
}

export async function runConformanceFile(path: string, name: string): Promise<FileResult> {
  let cases: ConformanceCase[];
  try {
    cases = JSON.parse(await readFile(path, 'utf8')) as ConformanceCase[];
  } catch (error) {
    throw new Error(`${path}: cannot read conformance cases: ${(error as Error).message}`);
  }
  if (!Array.isArray(cases)) throw new Error(`${path}: expected a JSON array of cases`);
  const results: CaseResult[] = cases.map((c, i) => {
    if (typeof c.original !== 'string' || typeof c.fixed !== 'string') {
      throw new Error(`${path}: case ${i} has no "original" or "fixed" string`);
    }
    const expected = c['fixed-encoding'] ?? c.fixed;
    const actual = repairText(c.original).text;
    return { label: c.label ?? `case ${i}`, original: c.original, expected, actual, ok: actual === expected, expect: c.expect };
  });
  const pass = results.filter((r) => r.expect !== 'fail');
  const fail = results.filter((r) => r.expect === 'fail');
  return {
    file: name,
    cases: results,
    passed: pass.filter((r) => r.ok).length,
    total: pass.length,
    knownFailuresFixed: fail.filter((r) => r.ok).length,
    knownFailures: fail.length,
  };
}

export async function runConformance(dir: string): Promise<FileResult[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new Error(`${dir}: cannot read the conformance directory: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new Error(`${dir}: no .json case files`);
  return Promise.all(names.map((n) => runConformanceFile(join(dir, n), n)));
}
