/**
 * Faults a hostile-input review found in the command: each case is one line and a documented exit
 * code now, never a stack trace, a hang or a silently skipped file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from '../helpers.js';

const SMALL = '# Small list\n\n## 1. One\n\n* [Python Docs](https://docs.python.org/3/)\n';

function project(files: Record<string, string> = { 'a.md': SMALL }): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const fifo = (path: string): void => {
  execFileSync('mkfifo', [path]);
};

describe.runIf(process.platform !== 'win32')('settings files that are FIFOs or devices are refused at once', () => {
  it.each([
    ['--config', (d: string) => ['lint', '--config', join(d, 'cfg.json'), 'a.md'], /^roadmap: .*cfg\.json: cannot read: is a FIFO \(named pipe\), not a file\n$/u, 2],
    ['--baseline', (d: string) => ['lint', '--no-config', '--baseline', join(d, 'cfg.json'), 'a.md'], /^roadmap: .*cfg\.json: cannot read the baseline: is a FIFO \(named pipe\), not a file\n$/u, 2],
  ] as const)('%s naming a FIFO', (_flag, args, message, code) => {
    const dir = project();
    fifo(join(dir, 'cfg.json'));
    const r = spawnSync(process.execPath, [BIN, ...args(dir)], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('a roadmap.config.json that is a FIFO, found on the way up, and /dev/zero as --config', () => {
    const dir = project();
    fifo(join(dir, 'roadmap.config.json'));
    const r = spawnSync(process.execPath, [BIN, 'lint', 'a.md'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^roadmap: .*roadmap\.config\.json: cannot read: is a FIFO \(named pipe\), not a file\n$/u);
    const zero = cli(['lint', '--config', '/dev/zero', join(dir, 'a.md')]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toBe('roadmap: /dev/zero: cannot read: is a character device, not a file\n');
  });
});

describe('the command line', () => {
  it('a configuration with a UTF-8 byte order mark is read', () => {
    const dir = project();
    writeFileSync(join(dir, 'roadmap.config.json'), '\ufeff{ "rules": { "insecure-url": "off" } }');
    const r = cli(['lint', 'a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('--rule __proto__=error is an unknown rule, and a setting nested 50,000 deep is one usage line', () => {
    const dir = project();
    for (const setting of ['error', '["error",{}]']) {
      const r = cli(['lint', '--rule', `__proto__=${setting}`, 'a.md'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('roadmap: --rule: unknown rule "__proto__"');
    }
    const deep = cli(['lint', '--rule', `mojibake=${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'a.md'], { cwd: dir });
    expect(deep.code).toBe(2);
    expect(deep.stderr).toBe('roadmap: --rule: rule "mojibake": severity a list is not error, warn or off\nTry "roadmap --help".\n');
  });

  it.runIf(existsSync('/dev/full'))('a report that cannot be written (a full disk) is one line and exit code 2', () => {
    const dir = project();
    const out = join(tempDir(), 'out');
    for (const command of ['lint', `build --out "${out}"`]) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command} --no-config a.md > /dev/full`], { cwd: dir, encoding: 'utf8' });
      expect(r.status, command).toBe(2);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('roadmap: cannot write'))).toEqual(['roadmap: cannot write the report to standard output: ENOSPC']);
      expect(r.stderr).not.toMatch(/\n\s+at /u);
    }
  });

  it('standard input is read no further than maxFileSize', () => {
    const r = cli(['lint', '--max-file-size', '1000', '-'], { input: Buffer.alloc(5_000_000, 0x61) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('roadmap: <stdin>: standard input is larger than maxFileSize (1,000 bytes)\n');
  });

  it.runIf(process.platform !== 'win32')('a folder as standard input is refused as one, not read as an empty document', () => {
    const dir = tempDir();
    const fd = openSync(dir, 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'lint', '--no-config', '--format', 'compact', '-'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('roadmap: <stdin>: is a directory, not a file\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a YAML tag the core schema does not know is no Node warning on stderr', () => {
    const dir = project({ 'a.md': `---\ntitle: !!js/function "x"\n---\n${SMALL}` });
    const r = cli(['lint', '--no-config', 'a.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('--write-baseline still names the files it could not check', () => {
    const dir = project({ 'a.md': SMALL, 'empty.md': '' });
    const r = cli(['lint', '--no-config', '--write-baseline', 'a.md', 'empty.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('roadmap: empty.md: empty file: a roadmap needs at least a "# Title"');
    expect(readFileSync(join(dir, 'roadmap-baseline.json'), 'utf8')).toContain('"entries"');
  });
});

describe.runIf(process.platform !== 'win32')('file names on stderr', () => {
  it("a refused file's name and build's list of outputs show control characters as escapes, on one line each", () => {
    const dir = tempDir();
    const evil = 'n\x1b]0;TITLE\x07vil\u202e\n.md';
    writeFileSync(join(dir, evil), '');
    writeFileSync(join(dir, 'ok\x1b[31m.md'), SMALL);
    const lint = cli(['lint', '--no-config', '--format', 'compact', '.'], { cwd: dir });
    expect(lint.stderr).toBe('roadmap: n\\x1b]0;TITLE\\x07vil\\u202e\\n.md: empty file: a roadmap needs at least a "# Title"\n');
    const build = cli(['build', '--no-config', '--format', 'compact', '--out', join(tempDir(), 'out'), 'ok\x1b[31m.md'], { cwd: dir });
    expect(build.stderr).toMatch(/^roadmap: wrote .*ok\\x1b\[31m\.json, .*index\.json\n$/u);
    expect(build.stderr).not.toContain('\x1b');
  });
});

describe.runIf(process.platform !== 'win32')('walking directories', () => {
  it('a link to a directory above the walk does not walk it again', () => {
    const dir = project({ 'd/ok.md': SMALL, 'content/a.md': SMALL });
    symlinkSync('..', join(dir, 'd/up'));
    const r = cli(['lint', '--no-config', '--format', 'json', 'd'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { results: { file: string }[] }).results.map((x) => x.file)).toEqual(['d/ok.md']);
  });

  it.runIf(typeof process.getuid === 'function' && process.getuid() !== 0)('a directory inside the tree that cannot be read stops the run, naming it', () => {
    const dir = project({ 'content/a.md': SMALL, 'content/sub/b.md': SMALL });
    execFileSync('chmod', ['000', join(dir, 'content/sub')]);
    try {
      const r = cli(['lint', '--no-config', 'content'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('roadmap: content/sub: permission denied\n');
    } finally {
      execFileSync('chmod', ['755', join(dir, 'content/sub')]);
    }
  });
});
