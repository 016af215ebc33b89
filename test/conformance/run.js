// Run mojibake conformance cases (the JSON format of ftfy's test cases) through a repair function.
// Each file is an array of { label, original, fixed, fixed-encoding?, expect: "pass" | "fail" };
// the expected repair is `fixed-encoding` when present, else `fixed`. Development tooling, kept
// out of the published package: the command line (cli.js) passes the built engine, the test
// passes the engine's source.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * @typedef {{ label: string, original: string, expected: string, actual: string, ok: boolean, expect: 'pass' | 'fail' }} CaseResult
 * @typedef {{ file: string, cases: CaseResult[], passed: number, total: number, knownFailuresFixed: number, knownFailures: number }} FileResult
 * @typedef {(text: string) => string} Repair
 */

/**
 * @param {string} path
 * @param {string} name
 * @param {Repair} repair
 * @returns {Promise<FileResult>}
 */
export async function runConformanceFile(path, name, repair) {
  let cases;
  try {
    cases = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read conformance cases: ${error.message}`);
  }
  if (!Array.isArray(cases)) throw new Error(`${path}: expected a JSON array of cases`);
  const results = cases.map((c, i) => {
    if (typeof c?.original !== 'string' || typeof c?.fixed !== 'string') {
      throw new Error(`${path}: case ${i} has no "original" or "fixed" string`);
    }
    const expected = c['fixed-encoding'] ?? c.fixed;
    const actual = repair(c.original);
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

/**
 * Every *.json file of a directory, in name order.
 * @param {string} dir
 * @param {Repair} repair
 * @returns {Promise<FileResult[]>}
 */
export async function runConformance(dir, repair) {
  let names;
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new Error(`${dir}: cannot read the conformance directory: ${error.message}`);
  }
  if (names.length === 0) throw new Error(`${dir}: no .json case files`);
  return Promise.all(names.map((n) => runConformanceFile(join(dir, n), n, repair)));
}
