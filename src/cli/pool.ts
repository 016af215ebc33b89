/**
 * A pool of worker processes for runs over many files: one per core the machine gives this process
 * (os.availableParallelism()), each with its own configuration loader and workspace, each file
 * handed to whichever worker is free. Every worker returns plain results (findings, schema errors,
 * emitted outputs); the caller puts them back in the files' order. The main process only hands
 * out files and collects results.
 *
 * Workers are processes (child_process.fork of the same command), not threads, for the V8 flags
 * they start with (WORKER_V8_FLAGS), which apply to a whole process:
 * - `--single-threaded-gc`: the garbage collector works on the worker's own thread. By default a
 *   lone lint keeps about one and a half cores busy (V8's helper threads collect and compile
 *   beside it), so two workers with helpers fought over two cores: each took 1.6 times as long as
 *   alone, and two worker threads got through the package documents of `npm run bench` no faster
 *   than one thread. Without the collector's helpers, two workers run side by side each about as
 *   fast as one alone. The optimizing compiler keeps its thread: without it a short run is half
 *   as fast again.
 * - `--max-semi-space-size=64`: the parser's events live until a document is compiled, so with
 *   the default young generation (16 MB semi-spaces) they are copied by several scavenges each.
 *   64 MB took a sixth off the CPU time of a parse.
 *
 * Below MIN_FILES files or MIN_BYTES bytes a run stays in this process. Each worker starts Node and
 * compiles the hot code of the parser for itself, with both workers' compilers competing for the
 * same two cores: on two cores one process took 1.6 s over the first megabyte of the package
 * documents and two workers 2.0 s, 2.9 s against 2.9 s over two megabytes, 4.0 s against 3.8 s
 * over three, and 19.5 s against 14.3 s over the whole 20 MB.
 */
import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { FileOutcome } from './batch.js';
import type { RunOptions } from './shared.js';
import { WORKER_FLAG } from './worker-flag.js';

export const MIN_FILES = 24;
export const MIN_BYTES = 2.5 * 1024 * 1024;
/** A batch of files sent to a worker in one message holds at most this many files, and stops growing at this many bytes. */
export const BATCH_FILES = 64;
export const BATCH_BYTES = 16 * 1024;
/** Files this big go to the workers first (see runOnPool). */
export const BIG_FILE = 1024 * 1024;

/** Signals that stop the workers with the main process (SIGKILL cannot be caught). */
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The V8 flags a worker process starts with (see above). bin/roadmap.js keeps a code cache made under them. */
export const WORKER_V8_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=64'] as const;

/** How many workers to use: 1 means this process only. `threads` is --threads when given. */
export function poolSize(sizes: readonly number[], threads: number | undefined, canSpawn: boolean): number {
  if (!canSpawn || sizes.length < 2) return 1;
  if (threads !== undefined) return Math.max(1, Math.min(threads, sizes.length));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  if (sizes.length < MIN_FILES || bytes < MIN_BYTES) return 1;
  return Math.max(1, Math.min(availableParallelism(), sizes.length));
}

export interface WorkerInit {
  cwd: string;
  options: RunOptions;
  emit: boolean;
}

type ToWorker = { type: 'init'; init: WorkerInit } | { type: 'files'; files: { id: number; path: string }[] };

type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; results: { id: number; outcome: FileOutcome }[] }
  | { type: 'failed'; id: number; name: string; message: string; file?: string; reason?: string; stack?: string };

interface PoolOptions {
  workers: number;
  script: string;
  cwd: string;
  env: Record<string, string | undefined>;
  options: RunOptions;
  emit: boolean;
}

/** An error a worker hit, raised again here: a configuration error keeps its class and message. */
async function rethrow(m: Extract<FromWorker, { type: 'failed' }>): Promise<never> {
  if (m.name === 'ConfigError' && m.file !== undefined && m.reason !== undefined) {
    const { ConfigError } = await import('../config/load.js');
    throw new ConfigError(m.file, m.reason);
  }
  const error = new Error(m.message);
  error.name = m.name;
  if (m.stack) error.stack = m.stack;
  throw error;
}

/**
 * A worker stopped by a signal (killed from outside, or by the out-of-memory killer; V8 aborts on
 * a full heap): the machine's doing, not a bug, so the command exits 2 rather than 3.
 */
export class WorkerStoppedError extends Error {
  override name = 'WorkerStoppedError';
}

/** The last line a worker wrote on its standard error, for the message when it stops early. */
function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 ? `: ${lines[lines.length - 1]!.trim().slice(0, 300)}` : '';
}

/** Check the files on a pool of workers; results in the order of `files`. */
export async function runOnPool(files: readonly { path: string; size: number }[], pool: PoolOptions, onDone: (path: string) => void): Promise<FileOutcome[]> {
  // Loaded here, not at the top: batch.ts imports this module on every run, and most runs are one process.
  const { fork } = await import('node:child_process');
  const results = new Array<FileOutcome>(files.length);
  // Big files first, largest first, so no worker is left with one at the end while the others
  // idle; the rest in the order given. Handing out every file largest first made each of two
  // workers spend a fifth more CPU time on the package documents of `npm run bench` (18.4 s
  // against 15.6 s, little of it in the garbage collector).
  const queue = files
    .map((f, id) => ({ ...f, id }))
    .sort((a, b) => (a.size >= BIG_FILE || b.size >= BIG_FILE ? b.size - a.size : 0) || a.id - b.id);
  let remaining = files.length;
  const init: WorkerInit = { cwd: pool.cwd, options: pool.options, emit: pool.emit };
  // A worker must not write the code cache a build is recording (bin/roadmap.js).
  const env = { ...pool.env };
  delete env.ROADMAP_WRITE_CODE_CACHE;
  const workers: ChildProcess[] = [];
  return new Promise<FileOutcome[]>((resolvePool, rejectPool) => {
    let settled = false;
    // Stopped by a signal (a CI job's timeout, a terminal closed, Ctrl-C sent to this process
    // alone), take the workers along, then stop as the signal would have: a worker in the middle
    // of a long document would otherwise notice that its parent is gone only after it.
    const onSignal = (signal: NodeJS.Signals): void => {
      for (const w of workers) w.kill('SIGKILL');
      stopListening();
      process.kill(process.pid, signal);
    };
    const stopListening = (): void => {
      for (const signal of FORWARDED_SIGNALS) process.removeListener(signal, onSignal);
    };
    for (const signal of FORWARDED_SIGNALS) process.once(signal, onSignal);
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      stopListening();
      for (const w of workers) {
        if (error) w.kill();
        else if (w.connected) w.disconnect();
      }
      if (error) rejectPool(error);
      else resolvePool(results);
    };
    const send = (w: ChildProcess, m: ToWorker): void => {
      w.send(m, (error) => {
        if (error) finish(error);
      });
    };
    // Files go out in batches of up to BATCH_FILES files or BATCH_BYTES bytes, two batches in
    // flight per worker: one message per file left workers idle half the time on tiny files
    // (7,425 tldr pages: 10 s of wall time for 5 s of CPU time per worker).
    let handedOut = 0;
    const feed = (w: ChildProcess): void => {
      const batch: { id: number; path: string }[] = [];
      let bytes = 0;
      while (handedOut < queue.length && batch.length < BATCH_FILES && (batch.length === 0 || bytes < BATCH_BYTES)) {
        const next = queue[handedOut++]!;
        batch.push({ id: next.id, path: next.path });
        bytes += next.size;
      }
      if (batch.length > 0) send(w, { type: 'files', files: batch });
    };
    for (let n = 0; n < pool.workers; n++) {
      const w = fork(pool.script, [WORKER_FLAG], {
        cwd: pool.cwd,
        env,
        execArgv: [...WORKER_V8_FLAGS],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      workers.push(w);
      let stderr = '';
      w.stderr!.setEncoding('utf8');
      w.stderr!.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-4096);
      });
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          feed(w);
          feed(w);
        } else if (m.type === 'done') {
          for (const { id, outcome } of m.results) {
            results[id] = outcome;
            onDone(outcome.path);
          }
          remaining -= m.results.length;
          if (remaining === 0) finish();
          else feed(w);
        } else {
          rethrow(m).catch(finish);
        }
      });
      w.on('error', (error) => finish(error));
      // 'close', not 'exit': by then the worker's standard error has been read to the end.
      w.on('close', (code, signal) => {
        if (settled || remaining === 0) return;
        if (signal) finish(new WorkerStoppedError(`a worker process was stopped by ${signal} before the run was done (killed from outside, or out of memory); nothing was reported${lastLine(stderr)}`));
        else finish(new Error(`a worker process stopped (exit code ${code}) before the run was done${lastLine(stderr)}`));
      });
      send(w, { type: 'init', init });
    }
  });
}

/** The worker's side: set up once, then check each file it is sent, one after another. */
export function serveAsWorker(): void {
  const reply = (m: FromWorker): void => void process.send!(m);
  let check: ((path: string) => Promise<FileOutcome>) | undefined;
  let chain = Promise.resolve();
  process.on('message', (m: ToWorker) => {
    chain = chain.then(async () => {
      let current = -1;
      try {
        if (m.type === 'init') {
          const [{ Workspace }, { checkOne }, { createLoader }] = await Promise.all([import('../project/workspace.js'), import('./batch.js'), import('./shared.js')]);
          const workspace = new Workspace(createLoader(m.init.options, m.init.cwd), m.init.cwd);
          check = (path) => checkOne(path, workspace, m.init.emit);
          reply({ type: 'ready' });
        } else {
          const results: { id: number; outcome: FileOutcome }[] = [];
          for (const { id, path } of m.files) {
            current = id;
            results.push({ id, outcome: await check!(path) });
          }
          reply({ type: 'done', results });
        }
      } catch (error) {
        const e = error as Error & { file?: string; reason?: string };
        reply({
          type: 'failed',
          id: current,
          name: e.name ?? 'Error',
          message: e.message ?? String(error),
          ...(typeof e.file === 'string' ? { file: e.file } : {}),
          ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
          ...(e.stack ? { stack: e.stack } : {}),
        });
      }
    });
  });
  // The main process is done with this worker, or gone: nothing more will be asked.
  process.on('disconnect', () => process.exit(0));
}
