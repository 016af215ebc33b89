import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

/** The modules a command loads, from the unbundled build (the bundle keeps the same imports lazy). */
function loads(args: string[]): string[] {
  const trace = join(tempDir(), 'loads.txt');
  rmSync(trace, { force: true });
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/links/trace-loads.mjs'), join(ROOT, 'build/cli/run.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, TRACE_LOADS: trace },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).not.toBeNull();
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

describe('the link checker loads only when links are checked', () => {
  it('roadmap lint without --links loads nothing of src/links/, nor undici', () => {
    const urls = loads(['lint', '--format', 'json', 'content/']);
    expect(urls.some((u) => u.includes('/build/rules/'))).toBe(true);
    expect(urls.filter((u) => u.includes('/build/links/') || u.includes('/undici/') || u.endsWith('/build/cli/links.js'))).toEqual([]);
  });

  it('roadmap lint --links=cached loads it', () => {
    const cache = join(tempDir(), 'links.json');
    const urls = loads(['lint', '--format', 'json', '--links=cached', '--links-cache', cache, 'content/']);
    expect(urls.some((u) => u.endsWith('/build/links/index.js'))).toBe(true);
  });
});
