#!/usr/bin/env node
// npm run fuzz -- --runs N [--seed S] [--jobs J] [--out file]
// Runs test/fuzz/fuzz.test.ts over documents 0..N-1 of the seed's sequence, split across J
// processes (default 1), each recording every broken invariant; then prints the document count and
// the failures by invariant, and writes them all (with each failing text) to --out
// (default fuzz-results.json, not committed). A failing document is reproduced by its seed and
// index: documentsOf(seed, index, 1) in test/fuzz/corpus.ts (each batch of 1,000 documents has its own
// seed, so any index is reached without generating the ones before it).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', 1000));
const seed = Number(opt('--seed', 20261124));
const jobs = Math.max(1, Number(opt('--jobs', 1)));
const outFile = opt('--out', join(root, 'fuzz-results.json'));

const per = Math.ceil(runs / jobs);
const started = Date.now();
const parts = await Promise.all(
  Array.from({ length: jobs }, (_, j) => {
    const from = j * per;
    const count = Math.max(0, Math.min(per, runs - from));
    const out = join(tmpdir(), `roadmap-fuzz-${process.pid}-${j}.json`);
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/fuzz/fuzz.test.ts', '--reporter=dot'], {
        cwd: root,
        env: { ...process.env, FUZZ_RUNS: String(count), FUZZ_SEED: String(seed), FUZZ_FROM: String(from), FUZZ_OUT: out },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('close', (code) => {
        let result = { checked: 0, failures: [] };
        try {
          result = JSON.parse(readFileSync(out, 'utf8'));
          rmSync(out);
        } catch {}
        resolve({ code, from, count, ...result });
      });
    });
  }),
);
const checked = parts.reduce((n, p) => n + p.checked, 0);
const failures = parts.flatMap((p) => p.failures).sort((a, b) => a.index - b.index);
const byInvariant = {};
for (const f of failures) for (const b of f.broken) byInvariant[b.invariant] = (byInvariant[b.invariant] ?? 0) + 1;
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {}
const summary = { commit, seed, runs, checked, failingDocuments: failures.length, byInvariant, seconds: Math.round((Date.now() - started) / 1000) };
writeFileSync(outFile, `${JSON.stringify({ ...summary, failures }, null, 1)}\n`);
console.log(`fuzz: ${checked} documents (seed ${seed}, commit ${commit ?? 'unknown'}), ${failures.length} failing: ${JSON.stringify(byInvariant)}; details in ${outFile}`);
process.exitCode = checked === runs && failures.length === 0 ? 0 : 1;
