#!/usr/bin/env node
// npm run conformance -- <dir> [--min-pass-rate 1] [--min-known-failures 6]
//
// Prints pass counts per file and every failing case; exits 1 below the thresholds, 2 on bad usage.
// The defaults are the figures this engine reached on ftfy's published cases: every case ftfy
// passes, and 6 of its 10 known failures.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runConformance } from './run.js';

const DEFAULT_MIN_PASS_RATE = 1;
const DEFAULT_MIN_KNOWN_FAILURES = 6;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const show = (s) => JSON.stringify(s);

async function main() {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        'min-pass-rate': { type: 'string' },
        'min-known-failures': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`conformance: ${error.message}\n`);
    return 2;
  }
  if (values.help || positionals.length !== 1) {
    process.stderr.write('usage: npm run conformance -- <dir> [--min-pass-rate 1] [--min-known-failures 6]\n');
    return values.help ? 0 : 2;
  }
  const minRate = Number(values['min-pass-rate'] ?? DEFAULT_MIN_PASS_RATE);
  const minKnown = Number(values['min-known-failures'] ?? DEFAULT_MIN_KNOWN_FAILURES);
  if (!(minRate >= 0 && minRate <= 1) || !Number.isInteger(minKnown) || minKnown < 0) {
    process.stderr.write('conformance: --min-pass-rate takes 0..1, --min-known-failures a whole number\n');
    return 2;
  }
  const { repairText } = await import(join(root, 'build/encoding/index.js'));
  let files;
  try {
    files = await runConformance(positionals[0], (text) => repairText(text).text);
  } catch (error) {
    process.stderr.write(`conformance: ${error.message}\n`);
    return 2;
  }
  let passed = 0;
  let total = 0;
  let knownFixed = 0;
  let known = 0;
  for (const f of files) {
    const extra = f.knownFailures > 0 ? `, known failures repaired ${f.knownFailuresFixed}/${f.knownFailures}` : '';
    process.stdout.write(`${f.file}: ${f.passed}/${f.total} passed${extra}\n`);
    for (const c of f.cases) {
      if (c.ok || c.expect === 'fail') continue;
      process.stdout.write(`  FAIL ${c.label}\n    original: ${show(c.original)}\n    expected: ${show(c.expected)}\n    actual:   ${show(c.actual)}\n`);
    }
    passed += f.passed;
    total += f.total;
    knownFixed += f.knownFailuresFixed;
    known += f.knownFailures;
  }
  const rate = total === 0 ? 1 : passed / total;
  process.stdout.write(`total: ${passed}/${total} passed, known failures repaired ${knownFixed}/${known}\n`);
  if (rate < minRate || knownFixed < minKnown) {
    process.stdout.write(`below the threshold (pass rate ${minRate}, known failures ${minKnown})\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
