// The worker pool (src/cli/pool.ts): when a run uses it, how a worker process talks to the main
// one, what the main process says when a worker dies, and the workers' own code cache.
// test/cli/threads.test.ts compares whole runs with and without the pool.
import { fork, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_BYTES, MIN_FILES, poolSize, runOnPool, WORKER_V8_FLAGS } from '../../src/cli/pool.js';
import type { RunOptions } from '../../src/cli/shared.js';
import { WORKER_FLAG } from '../../src/cli/worker-flag.js';
import { BIN, cli, ROADMAP, ROOT, tempDir } from '../helpers.js';

const OPTIONS: RunOptions = {
  format: 'json',
  quiet: false,
  ruleFlags: { source: '--rule', rules: undefined },
  noConfig: true,
  fix: false,
  fixDryRun: false,
  writeBaseline: false,
  noBaseline: false,
  out: 'dist',
  noEmitOnError: false,
};

const sizes = (n: number, each: number): number[] => Array.from({ length: n }, () => each);

describe('the pool size', () => {
  it('stays in this process for few or small files, or when it cannot start workers', () => {
    expect(poolSize(sizes(MIN_FILES - 1, MIN_BYTES), undefined, true)).toBe(1);
    expect(poolSize(sizes(MIN_FILES, Math.floor(MIN_BYTES / MIN_FILES) - 1), undefined, true)).toBe(1);
    expect(poolSize(sizes(1000, MIN_BYTES), undefined, false)).toBe(1);
    expect(poolSize(sizes(1, MIN_BYTES), 4, true)).toBe(1);
  });

  it('uses one worker per core for a run big enough, and --threads when given, never more than the files', () => {
    expect(poolSize(sizes(MIN_FILES, Math.ceil(MIN_BYTES / MIN_FILES)), undefined, true)).toBe(Math.min(availableParallelism(), MIN_FILES));
    expect(poolSize(sizes(3, 10), 2, true)).toBe(2);
    expect(poolSize(sizes(3, 10), 8, true)).toBe(3);
    expect(poolSize(sizes(3000, 1e6), 1, true)).toBe(1);
  });
});

/** A script that kills itself with SIGKILL, standing for a worker the machine kills. */
function killsItself(): string {
  const script = join(tempDir(), 'killed.cjs');
  writeFileSync(script, "process.kill(process.pid, 'SIGKILL');\n");
  return script;
}

/** A directory with a long list (half a minute of work) and the roadmap: two workers, one busy for long. */
function longRunDir(): string {
  const dir = tempDir();
  const items = Array.from({ length: 120_000 }, (_, i) => `- [Item ${i}](https://example.com/${i}) - a resource\n`).join('');
  writeFileSync(join(dir, 'long.md'), `# Long\n\n## Section\n\n${items}`);
  writeFileSync(join(dir, 'roadmap.md'), readFileSync(ROADMAP));
  return dir;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The two workers of a pool run, once both have started. */
async function twoWorkersOf(parent: number): Promise<number[]> {
  let workers: number[] = [];
  for (let tries = 0; workers.length < 2 && tries < 200; tries++) {
    await pause(25);
    workers = workersOf(parent);
  }
  return workers;
}

/** Those of `pids` still running after a wait of up to `ms`. */
async function stillRunning(pids: number[], ms: number): Promise<number[]> {
  let alive = pids.filter(running);
  for (let waited = 0; alive.length > 0 && waited < ms; waited += 25) {
    await pause(25);
    alive = alive.filter(running);
  }
  return alive;
}

/** Whether a process is still running (not gone, not a zombie left for its new parent to reap), from /proc (Linux). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The pool workers a process started, from /proc (Linux). */
function workersOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(WORKER_FLAG)) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

type Outcome = { path: string; findings: { ruleId: string }[] };
type Message = { type: string; id?: number; name?: string; results?: { id: number; outcome: Outcome }[] };

/** Start the bundled command as a pool worker, as the pool does, and collect what it sends. */
function startWorker(): { messages: Message[]; next: () => Promise<Message>; send: (m: unknown) => void; exit: Promise<number | null>; disconnect: () => void } {
  const child = fork(BIN, [WORKER_FLAG], { cwd: ROOT, execArgv: [...WORKER_V8_FLAGS], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const messages: Message[] = [];
  const waiting: ((m: Message) => void)[] = [];
  child.on('message', (m: Message) => {
    const w = waiting.shift();
    if (w) w(m);
    else messages.push(m);
  });
  return {
    messages,
    next: () => (messages.length > 0 ? Promise.resolve(messages.shift()!) : new Promise((r) => waiting.push(r))),
    send: (m) => child.send(m as object),
    exit: new Promise((r) => child.on('exit', (code) => r(code))),
    disconnect: () => child.disconnect(),
  };
}

describe('a worker process', () => {
  it('is ready after its set-up, returns each file it is sent as the one-process lint does, and ends when let go', async () => {
    const w = startWorker();
    w.send({ type: 'init', init: { cwd: ROOT, options: OPTIONS, emit: false } });
    expect((await w.next()).type).toBe('ready');
    w.send({ type: 'files', files: [{ id: 7, path: 'content/backend-roadmap.md' }, { id: 2, path: 'README.md' }] });
    const done = await w.next();
    expect(done.type).toBe('done');
    expect(done.results!.map((r) => [r.id, r.outcome.path])).toEqual([
      [7, 'content/backend-roadmap.md'],
      [2, 'README.md'],
    ]);
    const report = JSON.parse(cli(['lint', '--no-config', '--format', 'json', 'content/backend-roadmap.md']).stdout) as { results: { findings: { ruleId: string }[] }[] };
    const roadmap = done.results![0]!.outcome;
    expect(roadmap.findings.map((f) => f.ruleId)).toEqual(report.results[0]!.findings.map((f) => f.ruleId));
    expect(roadmap.findings.length).toBeGreaterThan(5);
    w.disconnect();
    expect(await w.exit).toBe(0);
  }, 30_000);

  it('sends back a broken configuration as an error with its class, not a crash', async () => {
    const w = startWorker();
    w.send({ type: 'init', init: { cwd: ROOT, options: { ...OPTIONS, noConfig: false, configPath: 'no-such-config.json' }, emit: false } });
    expect((await w.next()).type).toBe('ready');
    w.send({ type: 'files', files: [{ id: 3, path: 'content/backend-roadmap.md' }] });
    const failed = await w.next();
    expect(failed).toMatchObject({ type: 'failed', id: 3, name: 'ConfigError' });
    w.disconnect();
    expect(await w.exit).toBe(0);
  }, 30_000);

  it('is only a worker with a channel to the process that started it: by hand, the flag is a usage error', () => {
    const r = spawnSync(process.execPath, [BIN, WORKER_FLAG], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(WORKER_FLAG);
  });

  it('that dies makes the run fail with its exit code and the last line it wrote', async () => {
    const dir = tempDir();
    const script = join(dir, 'dies.cjs');
    writeFileSync(script, "process.stderr.write('first\\nout of luck\\n'); process.exit(7);\n");
    await expect(runOnPool([{ path: 'a.md', size: 1 }, { path: 'b.md', size: 1 }], { workers: 2, script, cwd: dir, env: process.env, options: OPTIONS, emit: false }, () => {})).rejects.toThrow(
      /^a worker process stopped \(exit code 7\) before the run was done: out of luck$/u,
    );
  }, 30_000);

  it('killed by a signal, stops the run with exit 2 and one line naming the signal, not as a bug', async () => {
    await expect(runOnPool([{ path: 'a.md', size: 1 }, { path: 'b.md', size: 1 }], { workers: 1, script: killsItself(), cwd: tempDir(), env: process.env, options: OPTIONS, emit: false }, () => {})).rejects.toMatchObject({
      name: 'WorkerStoppedError',
      message: 'a worker process was stopped by SIGKILL before the run was done (killed from outside, or out of memory); nothing was reported',
    });
  }, 30_000);

  it.runIf(process.platform === 'linux')('killed from outside in a real run: exit 2, that one line, no report, no worker left', async () => {
    const run = spawn(process.execPath, [BIN, 'lint', '--no-config', '--threads', '2', 'long.md', 'roadmap.md'], { cwd: longRunDir() });
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (c: Buffer) => (stdout += c));
    run.stderr.on('data', (c: Buffer) => (stderr += c));
    const exited = new Promise<number | null>((r) => run.on('close', (code) => r(code)));
    const workers = await twoWorkersOf(run.pid!);
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, 'SIGKILL');
    expect(await exited).toBe(2);
    expect(stderr).toBe('roadmap: a worker process was stopped by SIGKILL before the run was done (killed from outside, or out of memory); nothing was reported\n');
    expect(stdout).toBe('');
    // The other worker was stopped too (one that outlived the run would be reparented, so it is looked up by id).
    expect(await stillRunning(workers, 2500)).toEqual([]);
  }, 60_000);

  it.runIf(process.platform === 'linux')('go with the main process on its SIGTERM, SIGINT or SIGHUP, and it still dies of that signal', async () => {
    const dir = longRunDir();
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      // Its own process group is not signalled: only the main process is.
      const run = spawn(process.execPath, [BIN, 'lint', '--no-config', '--threads', '2', 'long.md', 'roadmap.md'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((r) => run.on('close', (_code, s) => r(s)));
      const workers = await twoWorkersOf(run.pid!);
      expect(workers, signal).toHaveLength(2);
      // Well into the long list, where a worker reads no message.
      await pause(1500);
      run.kill(signal);
      expect(await exited, signal).toBe(signal);
      expect(await stillRunning(workers, 500), signal).toEqual([]);
    }
  }, 60_000);

  it('compiles the bundle with a code cache made under its own V8 flags', () => {
    expect(readFileSync(BIN, 'utf8')).toContain(`process.argv[2] === '${WORKER_FLAG}' ? 'roadmap-worker.v8cache'`);
    const probe = `const { readFileSync } = require('node:fs'); const { Script } = require('node:vm'); const f = ${JSON.stringify(join(ROOT, 'build/roadmap.cjs'))};
      const s = new Script('(function (exports, require, module, __filename, __dirname) {' + readFileSync(f, 'latin1').replace(/^#!.*/u, '') + '\\n})', { filename: f, cachedData: readFileSync(process.argv[1]) });
      process.stdout.write(String(s.cachedDataRejected));`;
    const rejected = (flags: readonly string[], cache: string): string =>
      spawnSync(process.execPath, [...flags, '-e', probe, join(ROOT, 'build', cache)], { encoding: 'utf8' }).stdout;
    expect(rejected(WORKER_V8_FLAGS, 'roadmap-worker.v8cache')).toBe('false');
    // Each cache is for its own flags: this is why there are two.
    expect(rejected(WORKER_V8_FLAGS, 'roadmap.v8cache')).toBe('true');
    expect(rejected([], 'roadmap-worker.v8cache')).toBe('true');
  });
});
