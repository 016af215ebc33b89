// The start-up floor the bench measures beside `roadmap lint` on the roadmap: remark-parse with
// the CLI's parser set-up, bundled and started from a V8 code cache as bin/roadmap.js starts the
// CLI. It must parse the document as the pipeline does, start from its cache, and be reported.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript benchmark module, without types
import { FLOOR, prepareParseFloor, summary } from '../../bench/compare.js';
import { parseWhole } from '../../src/pipeline/parse.js';
import { ROADMAP, ROOT, tempDir } from '../helpers.js';

describe('bench: the start-up floor', () => {
  it('parses the roadmap into the tree the pipeline starts from, from a code cache V8 accepts', { timeout: 60_000 }, async () => {
    const scratch = tempDir();
    const { bundle, cache } = (await prepareParseFloor({ root: ROOT, scratch })) as { bundle: string; cache: string };
    const text = readFileSync(bundle, 'latin1');
    expect(/[^\x00-\x7f]/u.test(text)).toBe(false);
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/cached-run.cjs'), bundle, cache, ROADMAP], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const nodes = parseWhole(readFileSync(ROADMAP, 'utf8')).children.length;
    expect(JSON.parse(r.stdout)).toEqual({ files: 1, nodes });
  });

  it('states in the summary what the cold-start goal leaves beyond the parse, or that it is short', () => {
    const tool = (median: number) => ({ wallMs: { median, min: median, max: median }, peakRssMiB: { median: 50, min: 50, max: 50 }, ok: 1, runs: 1 });
    const run = (peer: number) => ({
      date: '2026-01-01',
      machine: 'x64',
      node: 'v20',
      goals: [],
      comparison: [{ corpus: 'roadmap', files: 1, bytes: 4000, note: 'n', rounds: 1, tools: { 'roadmap lint': tool(120), 'markdownlint-cli2': tool(peer), "node -e ''": tool(55), [FLOOR]: tool(90) } }],
    });
    expect(summary(run(280))).toContain('takes 90 ms, 0.32× markdownlint-cli2 (Node alone: 55 ms, 0.2×). The cold-start goal, 0.35× markdownlint-cli2, is 98 ms: 8 ms left for everything');
    expect(summary(run(240))).toContain('is 84 ms: 6 ms short before anything');
  });
});
