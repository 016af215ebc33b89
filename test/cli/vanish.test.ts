import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROADMAP, tempDir } from '../helpers.js';

// Delete the file being fixed while its fixes are computed: the run must notice and write nothing.
let victim: string | null = null;
vi.mock(import('../../src/lint/fix.js'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    fixUntilStable: async (...args: Parameters<typeof actual.fixUntilStable>) => {
      const result = await actual.fixUntilStable(...args);
      if (victim) rmSync(victim);
      return result;
    },
  };
});

const { main } = await import('../../src/cli/main.js');

describe('a file that vanishes mid-run', () => {
  it('ends with a clear message and no partial write', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'content'));
    victim = join(dir, 'content/backend-roadmap.md');
    cpSync(ROADMAP, victim);
    let stderr = '';
    const code = await main(['lint', '--fix', '--no-config', 'content/backend-roadmap.md'], {
      cwd: dir,
      stdout: () => undefined,
      stderr: (t) => {
        stderr += t;
      },
      readStdin: async () => new Uint8Array(),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toBe('roadmap: content/backend-roadmap.md: the file vanished during the run; nothing written\n');
    expect(existsSync(victim)).toBe(false);
    expect(readdirSync(join(dir, 'content'))).toEqual([]); // no temporary file left behind
  });
});
