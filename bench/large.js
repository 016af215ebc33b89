#!/usr/bin/env node
// npm run bench:large — time and peak memory of the whole lint pipeline on the generated shapes
// that were once superlinear (bench/large-docs.js), each at three sizes doubling, beside the bare
// whole-document parse (mdast-util-from-markdown as published). Each run is its own process.
// Read the growth columns: about 2 per doubling is linear. CPU time is reported as well as wall
// time because on a shared machine wall time mostly measures the neighbours.
// Writes bench/large-results.json. Usage: node bench/large.js [--shape name] [--scale k]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--shape') ? args[args.indexOf('--shape') + 1] : null;
const scale = args.includes('--scale') ? Number(args[args.indexOf('--scale') + 1]) : 1;

const PLAN = [
  ['links', 10_000],
  ['one-list', 5_000],
  ['references', 5_000],
  ['nested-lists', 10_000],
  ['nested-quotes', 5_000],
  ['disable-comments', 5_000],
  ['emphasis', 10_000],
];

function run(shape, count, mode) {
  const out = execFileSync(process.execPath, [join(here, 'large-child.js'), shape, String(count), mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}

const results = [];
for (const [shape, base] of PLAN) {
  if (only && shape !== only) continue;
  const rows = [];
  for (const factor of [1, 2, 4]) {
    const count = Math.round(base * factor * scale);
    const pipeline = run(shape, count, 'pipeline');
    const bare = shape === 'emphasis' ? null : run(shape, count, 'bare');
    rows.push({ ...pipeline, bare: bare && { cpuMs: bare.cpuMs, wallMs: bare.wallMs, peakRssMb: bare.peakRssMb } });
  }
  for (const [i, r] of rows.entries()) {
    const growth = i > 0 ? (r.cpuMs / Math.max(rows[i - 1].cpuMs, 1)).toFixed(2) : '—';
    const bare = r.bare ? `bare ${r.bare.cpuMs} ms cpu, ${r.bare.peakRssMb} MB` : '';
    console.log(
      `${shape.padEnd(17)} ${String(r.bytes).padStart(9)} B  ${String(r.cpuMs).padStart(7)} ms cpu (x${growth})  ${String(r.wallMs).padStart(7)} ms wall  ${String(r.peakRssMb).padStart(5)} MB  ${bare}  ${r.outcome}`,
    );
    results.push(r);
  }
}
writeFileSync(join(here, 'large-results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
