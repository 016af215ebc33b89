/**
 * A pool of worker threads for runs over many files: one worker per core the process may use
 * (os.availableParallelism()) but one, each with its own configuration loader and workspace, each file
 * handed to whichever worker is free, largest files first. Every worker returns plain results
 * (findings, schema errors, emitted outputs); the caller puts them back in the files' order.
 *
 * Below MIN_FILES files or MIN_BYTES bytes a run stays in one thread: starting a worker (loading
 * the bundle, the registry, the parser) costs about as much as checking a few dozen small files,
 * which is what these thresholds were measured from (npm run bench: packages and lists corpora).
 *
 * One core is left to the main thread and to V8's own threads (garbage collection, compilation):
 * on a machine reporting two cores, two busy workers got through 3,153 package documents 10%
 * slower than one thread (two single-threaded runs side by side each took 1.6 times as long as one
 * alone), so there the default is one thread, and `--threads 2` asks for the pool anyway.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FileOutcome } from './batch.js';
import type { RunOptions } from './shared.js';
import { WORKER_FLAG } from './worker-flag.js';

export const MIN_FILES = 24;
export const MIN_BYTES = 256 * 1024;

/** How many threads to use: 1 means this thread only. `threads` is --threads when given. */
export function poolSize(sizes: readonly number[], threads: number | undefined, canSpawn: boolean): number {
  if (!canSpawn || sizes.length < 2) return 1;
  if (threads !== undefined) return Math.max(1, Math.min(threads, sizes.length));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  if (sizes.length < MIN_FILES || bytes < MIN_BYTES) return 1;
  const workers = Math.min(availableParallelism() - 1, sizes.length);
  return workers >= 2 ? workers : 1;
}

export interface WorkerInit {
  roadmapWorker: true;
  cwd: string;
  options: RunOptions;
  emit: boolean;
}

type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: FileOutcome }
  | { type: 'failed'; id: number; name: string; message: string; file?: string; reason?: string; stack?: string };

interface PoolOptions {
  workers: number;
  script: string;
  cwd: string;
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

/** Check the files on a pool of workers; results in the order of `files`. */
export async function runOnPool(files: readonly { path: string; size: number }[], pool: PoolOptions, onDone: (path: string) => void): Promise<FileOutcome[]> {
  // Loaded here, not at the top: batch.ts imports this module on every run, and most runs are one thread.
  const { Worker } = await import('node:worker_threads');
  const results = new Array<FileOutcome>(files.length);
  // Largest first, so no worker is left with a big file at the end while the others idle.
  const queue = files.map((f, id) => ({ ...f, id })).sort((a, b) => b.size - a.size || a.id - b.id);
  let remaining = files.length;
  const init: WorkerInit = { roadmapWorker: true, cwd: pool.cwd, options: pool.options, emit: pool.emit };
  const workers: Worker[] = [];
  return new Promise<FileOutcome[]>((resolvePool, rejectPool) => {
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) rejectPool(error);
      else resolvePool(results);
    };
    const feed = (w: Worker): void => {
      const next = queue.shift();
      if (next) w.postMessage({ id: next.id, path: next.path });
    };
    for (let n = 0; n < pool.workers; n++) {
      const w = new Worker(pool.script, { workerData: init, argv: [WORKER_FLAG], stdout: false, stderr: false });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          // Two files in flight per worker hide the round trip of a message.
          feed(w);
          feed(w);
        } else if (m.type === 'done') {
          results[m.id] = m.outcome;
          onDone(m.outcome.path);
          remaining--;
          if (remaining === 0) finish();
          else feed(w);
        } else {
          rethrow(m).catch(finish);
        }
      });
      w.on('error', (error) => finish(error));
      w.on('exit', (code) => {
        if (!settled && remaining > 0) finish(new Error(`a worker thread stopped (exit code ${code}) before the run was done`));
      });
    }
  });
}

/** The worker's side: set up once, then check each file it is sent, one after another. */
export async function serveAsWorker(init: WorkerInit): Promise<void> {
  const port = (await import('node:worker_threads')).parentPort!;
  const [{ Workspace }, { checkOne }, { createLoader }] = await Promise.all([import('../project/workspace.js'), import('./batch.js'), import('./shared.js')]);
  const workspace = new Workspace(createLoader(init.options, init.cwd), init.cwd);
  let chain = Promise.resolve();
  port.on('message', (task: { id: number; path: string }) => {
    chain = chain.then(async () => {
      try {
        const outcome = await checkOne(task.path, workspace, init.emit);
        port.postMessage({ type: 'done', id: task.id, outcome } satisfies FromWorker);
      } catch (error) {
        const e = error as Error & { file?: string; reason?: string };
        port.postMessage({
          type: 'failed',
          id: task.id,
          name: e.name ?? 'Error',
          message: e.message ?? String(error),
          ...(typeof e.file === 'string' ? { file: e.file } : {}),
          ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
          ...(e.stack ? { stack: e.stack } : {}),
        } satisfies FromWorker);
      }
    });
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
