#!/usr/bin/env node
// npm run bench:mojibake [-- --docs-per-language N] [-- --out file]
// The mixed-document benchmark alone (bench/mojibake.bench.js; npm run bench runs it too).
// Writes bench/results/mojibake.json; exits 1 when a target is missed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { run } from './mojibake.bench.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'docs-per-language': { type: 'string' }, out: { type: 'string' } } });
const outFile = values.out ?? join(root, 'bench/results/mojibake.json');
const results = await run({ root, docsPerLanguage: Number(values['docs-per-language'] ?? 3) });
if (!results.skipped) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), node: process.version, ...results }, null, 2)}\n`);
  console.log(`written to ${outFile}`);
}
process.exitCode = results.skipped || results.met ? 0 : 1;
