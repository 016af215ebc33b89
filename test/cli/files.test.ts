/**
 * What build and --fix do to files when something is in the way: symbolic links, an --out that
 * would overwrite sources, read-only files and directories, other owners, hard links, a full
 * disk, FIFOs, a broken index, a closed pipe. Every case is run through the real command.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROADMAP, cli, tempDir } from '../helpers.js';

const SMALL = '# Small list\n\n## 1. One\n\n* [Python Docs](https://docs.python.org/3/)\n';
const MOJIBAKE = '# Caf\u00c3\u00a9 list\n\n## 1. One\n\n* [Python Docs](https://docs.python.org/3/) \u00e2\u20ac\u201d the reference\n';
const FIXED = '# Café list\n\n## 1. One\n\n* [Python Docs](https://docs.python.org/3/) — the reference\n';

function project(files: Record<string, string> = { 'content/backend-roadmap.md': readFileSync(ROADMAP, 'utf8') }): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Every file under a directory (relative path → content), following nothing. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const queue = [''];
  while (queue.length > 0) {
    const rel = queue.shift()!;
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const info = lstatSync(join(dir, path));
      if (info.isDirectory()) queue.push(path);
      else out[path] = info.isSymbolicLink() ? `-> symlink` : readFileSync(join(dir, path), 'utf8');
    }
  }
  return out;
}

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** Running as root, and the unprivileged user can read the checkout (not so under a 0700 folder). */
const canDropPrivileges =
  isRoot && spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(BIN)}, 4)`], { uid: NOBODY, gid: NOBODY }).status === 0;
if (isRoot && !canDropPrivileges) console.warn('files.test: the unprivileged user cannot read this checkout; its permission tests are skipped');

/** Run the command as an unprivileged user (when this test runs as root), so permissions apply. */
function cliAs(uid: number, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, uid, gid: uid, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('symbolic links in the output directory are never written through', () => {
  it('refuses a dist/ entry that is a symlink, and leaves its target alone', () => {
    const dir = project();
    const outside = join(tempDir(), 'precious.txt');
    writeFileSync(outside, 'do not overwrite\n');
    mkdirSync(join(dir, 'dist'));
    symlinkSync(outside, join(dir, 'dist/backend-roadmap.json'));
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roadmap: dist/backend-roadmap.json: is a symbolic link; refusing to write through it');
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(readFileSync(outside, 'utf8')).toBe('do not overwrite\n');
    expect(tree(join(dir, 'dist'))).toEqual({ 'backend-roadmap.json': '-> symlink' });
  });

  it('refuses a directory on the way that is a symlink, and an output directory that is one', () => {
    const dir = project({ 'content/sub/a.md': SMALL, 'content/b.md': SMALL });
    const elsewhere = tempDir();
    mkdirSync(join(dir, 'dist'));
    symlinkSync(elsewhere, join(dir, 'dist/sub'));
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roadmap: dist/sub: is a symbolic link; refusing to write through it');
    expect(readdirSync(elsewhere)).toEqual([]);

    const linked = project({ 'content/a.md': SMALL });
    symlinkSync(elsewhere, join(linked, 'out'));
    const l = cli(['build', '--out', 'out'], { cwd: linked });
    expect(l.code).toBe(2);
    expect(l.stderr).toContain('roadmap: out: is a symbolic link; refusing to write through it');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a dist/index.json that is a symlink', () => {
    const dir = project({ 'content/a.md': SMALL });
    const outside = join(tempDir(), 'index.json');
    writeFileSync(outside, '{"schemaVersion":"1.0.0","documents":[]}\n');
    mkdirSync(join(dir, 'dist'));
    symlinkSync(outside, join(dir, 'dist/index.json'));
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dist/index.json: is a symbolic link');
    expect(readFileSync(outside, 'utf8')).toBe('{"schemaVersion":"1.0.0","documents":[]}\n');
  });
});

describe('--out may not overwrite sources or the project', () => {
  const cases: [string, string[], RegExp][] = [
    ['a source folder', ['build', 'content', '--out', 'content'], /^roadmap: --out content: is a source folder; outputs would overwrite the sources$/mu],
    ['the project root', ['build', '--out', '.'], /^roadmap: --out \.: is the project root; choose an output folder of its own, such as dist$/mu],
    ['above the project', ['build', '--out', '..'], /^roadmap: --out \.\.: is the project root or above it/mu],
    ['a folder holding the sources', ['build', 'content/deep', '--out', 'content'], /^roadmap: --out content: contains the source folder content\/deep/mu],
    ['a folder inside the sources', ['build', 'content', '--out', 'content/dist'], /^roadmap: --out content\/dist: is inside the source folder content/mu],
  ];
  it.each(cases)('refuses %s with one line, exit 2, nothing changed', (_name, args, message) => {
    const dir = project({ 'package.json': '{}\n', 'content/deep/crlf.md': '# CRLF\r\n\r\n## 1. One\r\n\r\n* [Python Docs](https://docs.python.org/3/)\r\n' });
    const before = tree(dir);
    const r = cli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(tree(dir)).toEqual(before);
  });
});

describe('building a folder', () => {
  it('mirrors the input tree, so equal names never collide, and the index lists every document', () => {
    const dir = project({ 'roadmaps/backend/content/acid.md': '# ACID\n\n## 1. One\n\n* [PostgreSQL Docs](https://www.postgresql.org/docs/)\n', 'roadmaps/nodejs/content/acid.md': SMALL });
    const r = cli(['build', 'roadmaps'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(Object.keys(tree(join(dir, 'dist'))).sort()).toEqual([
      'backend/content/acid.csv',
      'backend/content/acid.json',
      'backend/content/acid.md',
      'index.json',
      'nodejs/content/acid.csv',
      'nodejs/content/acid.json',
      'nodejs/content/acid.md',
    ]);
    const index = JSON.parse(readFileSync(join(dir, 'dist/index.json'), 'utf8'));
    expect(index.documents.map((d: { source: string; outputs: { json: string } }) => [d.source, d.outputs.json])).toEqual([
      ['roadmaps/backend/content/acid.md', 'backend/content/acid.json'],
      ['roadmaps/nodejs/content/acid.md', 'nodejs/content/acid.json'],
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'dist/backend/content/acid.json'), 'utf8')).title).toBe('ACID');
  });

  it('a refused document does not stop the others; its earlier outputs stay as they were', () => {
    const dir = project({ 'content/a/topic.md': SMALL, 'content/b/topic.md': SMALL });
    expect(cli(['build'], { cwd: dir }).code).toBe(0);
    const earlier = readFileSync(join(dir, 'dist/b/topic.json'), 'utf8');
    writeFileSync(join(dir, 'content/a/topic.md'), SMALL.replace('Small list', 'Changed list'));
    writeFileSync(join(dir, 'content/b/topic.md'), Buffer.from([0x23, 0x20, 0, 1, 2]));
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/b/topic.md: binary file');
    expect(JSON.parse(readFileSync(join(dir, 'dist/a/topic.json'), 'utf8')).title).toBe('Changed list');
    expect(readFileSync(join(dir, 'dist/b/topic.json'), 'utf8')).toBe(earlier);
    const index = JSON.parse(readFileSync(join(dir, 'dist/index.json'), 'utf8'));
    expect(index.documents.map((d: { outputs: { json: string } }) => d.outputs.json)).toEqual(['a/topic.json', 'b/topic.json']);
  });

  it('skips a FIFO inside a directory with a note, and refuses one named on the command line at once', () => {
    const dir = project({ 'content/a.md': SMALL });
    execFileSync('mkfifo', [join(dir, 'content/pipe.md')]);
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('roadmap: content/pipe.md: skipped: a FIFO (named pipe), not a file');
    expect(existsSync(join(dir, 'dist/a.json'))).toBe(true);
    // Opened for reading the ordinary way, the FIFO would block until the guard's timeout kills the run.
    const named = spawnSync(process.execPath, [BIN, 'lint', 'content/pipe.md'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(named.signal).toBeNull();
    expect(named.status).toBe(2);
    expect(named.stderr).toContain('roadmap: content/pipe.md: is a FIFO (named pipe), not a file');
  });

  it('refuses a device and a socket named on the command line, and skips a socket inside a folder', async () => {
    const dir = project({ 'content/a.md': SMALL });
    const device = cli(['lint', '/dev/null'], { cwd: dir });
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('roadmap: /dev/null: is a character device, not a file');
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'content/sock.md'), done));
    try {
      const named = cli(['lint', 'content/sock.md'], { cwd: dir });
      expect(named.code).toBe(2);
      expect(named.stderr).toContain('roadmap: content/sock.md: is a socket, not a file');
      const folder = cli(['lint', 'content'], { cwd: dir });
      expect(folder.code).toBe(0);
      expect(folder.stderr).toContain('roadmap: content/sock.md: skipped: a socket, not a file');
    } finally {
      server.close();
    }
  });

  it.runIf(canDropPrivileges)('as an unprivileged user: an unreadable source and an unwritable dist/ are one line each, exit 2', () => {
    const dir = project({ 'content/a.md': SMALL, 'content/b.md': SMALL });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'content'), 0o755);
    chmodSync(join(dir, 'content/a.md'), 0o644);
    chmodSync(join(dir, 'content/b.md'), 0o600); // root's, unreadable to others
    const lint = cliAs(NOBODY, ['lint', '--no-config', 'content'], dir);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain('roadmap: content/b.md: permission denied');
    expect(lint.stderr).not.toMatch(/\n\s+at /u);
    chmodSync(join(dir, 'content/b.md'), 0o644);
    mkdirSync(join(dir, 'dist'), { mode: 0o755 }); // root's: nobody cannot write into it
    mkdirSync(join(dir, '.roadmap-pipeline'));
    chmodSync(join(dir, '.roadmap-pipeline'), 0o777); // the lock can be taken; dist/ itself is the problem
    const build = cliAs(NOBODY, ['build', '--no-config'], dir);
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(/^roadmap: dist: permission denied$/mu);
    expect(build.stderr.trim().split('\n').filter((l) => l.startsWith('roadmap: dist'))).toHaveLength(1);
    expect(build.stderr).not.toMatch(/\n\s+at /u);
    expect(readdirSync(join(dir, 'dist'))).toEqual([]);
  });
});

describe('state files are validated before use', () => {
  const broken: [string, string, RegExp][] = [
    ['documents: [null]', '{"schemaVersion":"1.0.0","documents":[null]}', /^roadmap: dist\/index\.json: not a valid build index at \/documents\/0: must be object; fix or delete it$/mu],
    ['an entry with an output outside dist/', '{"schemaVersion":"1.0.0","documents":[{"document":"x","source":"x.md","title":"X","officialOnly":false,"counts":{},"outputs":{"json":"../x.json","csv":"x.csv","markdown":"x.md"}}]}', /not a valid build index at \/documents\/0\/outputs\/json: must match pattern/u],
    ['not JSON', '{"documents": [', /^roadmap: dist\/index\.json: not valid JSON/mu],
    ['no documents', '{"schemaVersion":"1.0.0"}', /must have required property 'documents'/u],
  ];
  it.each(broken)('dist/index.json with %s: a clear message, exit 2, nothing written', (_name, text, message) => {
    const dir = project({ 'content/a.md': SMALL, 'dist/index.json': text });
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/TypeError|\n\s+at /u);
    expect(tree(join(dir, 'dist'))).toEqual({ 'index.json': text });
  });
});

describe('dist/ keeps its mode and stays a real directory', () => {
  it.each([0o755, 0o775, 0o750])('mode %o', (mode) => {
    const dir = project({ 'content/a.md': SMALL });
    mkdirSync(join(dir, 'dist'));
    chmodSync(join(dir, 'dist'), mode);
    const ino = statSync(join(dir, 'dist')).ino;
    expect(cli(['build'], { cwd: dir }).code).toBe(0);
    const info = lstatSync(join(dir, 'dist'));
    expect(info.isDirectory()).toBe(true);
    expect(info.mode & 0o777).toBe(mode);
    expect(info.ino).toBe(ino);
    expect(existsSync(join(dir, '.roadmap-pipeline'))).toBe(false);
  });
});

describe('--fix keeps what the file is, or refuses', () => {
  it('does not replace a read-only file', () => {
    const dir = project({ 'x.md': MOJIBAKE });
    chmodSync(join(dir, 'x.md'), 0o444);
    const r = cli(['lint', '--fix', '--no-config', 'x.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roadmap: x.md: is read-only (mode 0444); not changed');
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe(MOJIBAKE);
    expect(statSync(join(dir, 'x.md')).mode & 0o777).toBe(0o444);
  });

  it('does not write into a read-only directory', () => {
    const dir = project({ 'docs/x.md': MOJIBAKE });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'docs'), 0o555);
    try {
      const r = cli(['lint', '--fix', '--no-config', 'docs/x.md'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^roadmap: docs\/x\.md: its directory .*docs is (read-only \(mode 0555\)|not writable); not changed$/mu);
      expect(readFileSync(join(dir, 'docs/x.md'), 'utf8')).toBe(MOJIBAKE);
      expect(readdirSync(join(dir, 'docs'))).toEqual(['x.md']);
    } finally {
      chmodSync(join(dir, 'docs'), 0o755);
    }
  });

  it.runIf(canDropPrivileges)('as an unprivileged user: a read-only directory and a file of another owner are refused, not replaced', () => {
    const dir = project({ 'docs/x.md': MOJIBAKE, 'mine/y.md': MOJIBAKE });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'docs'), 0o555);
    chownSync(join(dir, 'docs/x.md'), NOBODY, NOBODY);
    chownSync(join(dir, 'mine'), NOBODY, NOBODY);
    chmodSync(join(dir, 'mine/y.md'), 0o666); // writable by anyone, but owned by root
    const r = cliAs(NOBODY, ['lint', '--fix', '--no-config', 'docs/x.md', 'mine/y.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roadmap: docs\/x\.md: .*(not writable|read-only).*; not changed$/mu);
    expect(r.stderr).toContain('roadmap: mine/y.md: is owned by another user (uid 0); replacing it would change its owner; not changed');
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(readFileSync(join(dir, 'docs/x.md'), 'utf8')).toBe(MOJIBAKE);
    expect(readFileSync(join(dir, 'mine/y.md'), 'utf8')).toBe(MOJIBAKE);
    expect(statSync(join(dir, 'mine/y.md')).uid).toBe(0);
  });

  it.runIf(isRoot)('as root, keeps the owner, group and mode of a file owned by another user', () => {
    const dir = project({ 'x.md': MOJIBAKE });
    chownSync(join(dir, 'x.md'), NOBODY, NOBODY);
    chmodSync(join(dir, 'x.md'), 0o604);
    const r = cli(['lint', '--fix', '--no-config', 'x.md'], { cwd: dir });
    expect(r.stderr).toContain('applied 2 fixes');
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe(FIXED);
    const info = statSync(join(dir, 'x.md'));
    expect([info.uid, info.gid, info.mode & 0o7777]).toEqual([NOBODY, NOBODY, 0o604]);
  });

  it('refuses to detach hard links', () => {
    const dir = project({ 'x.md': MOJIBAKE });
    linkSync(join(dir, 'x.md'), join(dir, 'twin.md'));
    const r = cli(['lint', '--fix', '--no-config', 'x.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roadmap: x.md: has 2 hard links; replacing it would detach them; not changed');
    expect(statSync(join(dir, 'x.md')).ino).toBe(statSync(join(dir, 'twin.md')).ino);
    expect(readFileSync(join(dir, 'twin.md'), 'utf8')).toBe(MOJIBAKE);
  });

  it('removes temporary files that a killed run left, and leaves no lock behind', () => {
    const dir = project({ 'x.md': MOJIBAKE });
    // A process id that cannot be running: above the kernel's maximum.
    writeFileSync(join(dir, '.x.md.99999999.deadbeef.roadmap-tmp'), 'half a file');
    writeFileSync(join(dir, '.other.md.99999998.cafebabe.roadmap-tmp'), 'half of another file');
    writeFileSync(join(dir, '.x.md.roadmap-lock'), JSON.stringify({ pid: 99999999, host: hostname(), nonce: 'stale', since: '', what: 'roadmap lint --fix' }));
    const r = cli(['lint', '--fix', '--no-config', 'x.md'], { cwd: dir });
    expect(r.stderr).toContain('applied 2 fixes');
    expect(readdirSync(dir).sort()).toEqual(['x.md']);
  });

  it('a second --fix on the same file waits for the first, and fails clearly when it waits too long', async () => {
    const dir = project({ 'x.md': MOJIBAKE });
    // A live holder: a process that sleeps while "holding" the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, '.x.md.roadmap-lock'), JSON.stringify({ pid: holder.pid, host: hostname(), nonce: 'live', since: 'now', what: 'roadmap lint --fix' }));
      const r = cli(['lint', '--fix', '--no-config', 'x.md'], { cwd: dir, env: { ROADMAP_LOCK_TIMEOUT: '1' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`roadmap: x.md: waiting for roadmap lint --fix (process ${holder.pid}) to finish`);
      expect(r.stderr).toMatch(/^roadmap: x\.md: locked by roadmap lint --fix \(process \d+ on .*\); gave up waiting\. If no such run is active, delete .*\.x\.md\.roadmap-lock$/mu);
      expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe(MOJIBAKE);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

// A small file system to fill: a tmpfs mounted for the test (needs root and mount permission).
const mounts: string[] = [];
function smallDisk(kb: number): string | null {
  if (!isRoot) return null;
  const dir = tempDir('roadmap-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});
const diskAvailable = smallDisk(64) !== null;

describe('a full disk', () => {
  it.skipIf(!diskAvailable)('build: one line naming the file, exit 2, dist/ as it was and no staging left', () => {
    const disk = smallDisk(256)!;
    const dir = join(disk, 'p');
    mkdirSync(join(dir, 'content'), { recursive: true });
    cpSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/keep.txt'), 'previous\n');
    // Fill the disk but for a few kilobytes: enough to read, not enough to write the outputs.
    const free = Number(execFileSync('df', ['--output=avail', '-k', disk], { encoding: 'utf8' }).trim().split('\n')[1]);
    writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, (free - 24) * 1024)));
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(2);
    // The outputs are written side by side: whichever meets the full disk first is named.
    expect(r.stderr).toMatch(/^roadmap: dist\/(backend-roadmap\.(json|csv|md)|index\.json): no space left on device$/mu);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(tree(join(dir, 'dist'))).toEqual({ 'keep.txt': 'previous\n' });
    expect(existsSync(join(dir, '.roadmap-pipeline'))).toBe(false);
  });

  it.skipIf(!diskAvailable)('--fix: one line naming the file, exit 2, the file as it was and no temporary file left', () => {
    const disk = smallDisk(64)!;
    const big = MOJIBAKE + `\nfiller ${'x'.repeat(70)}\n`.repeat(300);
    writeFileSync(join(disk, 'x.md'), big);
    const free = Number(execFileSync('df', ['--output=avail', '-k', disk], { encoding: 'utf8' }).trim().split('\n')[1]);
    writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, (free - 8) * 1024)));
    const r = cli(['lint', '--fix', '--no-config', 'x.md'], { cwd: disk });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roadmap: x\.md: no space left on device$/mu);
    expect(readFileSync(join(disk, 'x.md'), 'utf8')).toBe(big);
    expect(readdirSync(disk).sort()).toEqual(['filler', 'x.md']);
  });

  it.skipIf(diskAvailable)('skipped: mounting a small tmpfs needs root and mount permission here', () => undefined);
});

describe('a reader that stops early', () => {
  it('lint --format json big.md | head -1 ends quietly', () => {
    const dir = project();
    const body = Array.from({ length: 3000 }, (_, i) => `* [Item ${i}](https://example.com/${i}) \u00e2\u20ac\u201d text`).join('\n');
    writeFileSync(join(dir, 'big.md'), `# Big\n\n## 1. One\n\n${body}\n`);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" lint --no-config --format json big.md | head -c 10`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout.startsWith('{')).toBe(true);
    expect(r.stderr).toBe('');
  });
});
