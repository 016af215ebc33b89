// One measurement for bench/large.js, in its own process so peak RSS is this run's alone.
// Usage: node bench/large-child.js <shape> <count> <pipeline|parse|bare>
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES } from './large-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [shape, count, mode] = process.argv.slice(2);
const text = SHAPES[shape](Number(count));
// The bare parse loads nothing of ours, so it runs micromark as published.
const api = mode === 'bare' ? null : await import(join(root, 'build/index.js'));
const { parseMarkdown } = mode === 'parse' ? await import(join(root, 'build/pipeline/parse.js')) : {};
const { fromMarkdown } = mode === 'bare' ? await import('mdast-util-from-markdown') : {};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let outcome = 'ok';
try {
  if (mode === 'bare') fromMarkdown(text);
  else if (mode === 'parse') parseMarkdown(text);
  else {
    const findings = await api.lintRoadmap(text, { path: `${shape}.md` });
    outcome = `${findings.length} findings`;
  }
} catch (error) {
  outcome = api && error instanceof api.InputError ? `refused: ${error.reason}` : `crash: ${error}`;
}
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    shape,
    count: Number(count),
    mode,
    bytes: Buffer.byteLength(text),
    wallMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    outcome,
  }),
);
