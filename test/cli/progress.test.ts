import { describe, expect, it } from 'vitest';
import { progress, useColor, type Io } from '../../src/cli/shared.js';

const io = (over: Partial<Io>): Io => ({
  cwd: '/',
  stdout: () => undefined,
  stderr: () => undefined,
  readStdin: async () => new Uint8Array(),
  stdoutIsTTY: false,
  stderrIsTTY: false,
  env: {},
  ...over,
});

describe('terminal behaviour', () => {
  it('shows a progress line on a terminal for more than a few files, and clears it', () => {
    let err = '';
    const tick = progress(io({ stderrIsTTY: true, stderr: (t) => (err += t) }), 8);
    tick(0, 'a.md');
    tick(7, 'h.md');
    tick(8, '');
    expect(err).toBe('\r\x1b[K[1/8] a.md\r\x1b[K[8/8] h.md\r\x1b[K');
  });

  it('shows none when not on a terminal, or for a few files', () => {
    let err = '';
    progress(io({ stderr: (t) => (err += t) }), 50)(0, 'a.md');
    progress(io({ stderrIsTTY: true, stderr: (t) => (err += t) }), 3)(0, 'a.md');
    expect(err).toBe('');
  });

  it('colours only on a terminal, unless NO_COLOR or FORCE_COLOR says otherwise', () => {
    expect(useColor(io({ stdoutIsTTY: true }))).toBe(true);
    expect(useColor(io({}))).toBe(false);
    expect(useColor(io({ stdoutIsTTY: true, env: { NO_COLOR: '1' } }))).toBe(false);
    expect(useColor(io({ env: { FORCE_COLOR: '1' } }))).toBe(true);
    expect(useColor(io({ stdoutIsTTY: true, env: { FORCE_COLOR: '0' } }))).toBe(false);
  });
});
