import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript: development tooling outside the published package
import { runConformance } from '../conformance/run.js';
import { repairText } from '../../src/encoding/index.js';
import { FTFY_CASES } from '../helpers.js';

// ftfy's own test cases, read in place from the shared conformance directory (FTFY_CASES to point
// elsewhere). They are external data and are never copied into this repository.
const present = existsSync(FTFY_CASES);

describe.runIf(present || process.env['CI'] === 'true')('conformance with ftfy test cases', async () => {
  type FileResult = { file: string; cases: { ok: boolean; expect: string; label: string }[]; passed: number; total: number; knownFailures: number; knownFailuresFixed: number };
  const results: FileResult[] = present ? await runConformance(FTFY_CASES, (t: string) => repairText(t).text) : [];
  const file = (name: string) => {
    const r = results.find((f) => f.file === name);
    if (!r) throw new Error(`${FTFY_CASES}/${name} is missing`);
    return r;
  };

  it.each([
    ['in-the-wild.json', 70],
    ['synthetic.json', 30],
    ['negative.json', 31],
  ])('%s: every case ftfy passes', (name, total) => {
    const r = file(name);
    expect(r.total).toBe(total);
    expect(r.cases.filter((c) => !c.ok && c.expect === 'pass').map((c) => c.label)).toEqual([]);
    expect(r.passed).toBe(total);
  });

  it('repairs at least 6 of the 10 known failures of ftfy', () => {
    const r = file('known-failures.json');
    expect(r.knownFailures).toBe(10);
    expect(r.knownFailuresFixed).toBeGreaterThanOrEqual(6);
  });
});
