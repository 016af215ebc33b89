/**
 * Lock files that a killed run cannot leave stuck. A lock is a small file naming its holder
 * (process id, host, a random nonce). It is created complete and atomically: written under a
 * private name, then hard-linked to the lock's name, which fails when the lock is held.
 *
 * A lock whose holder is a process on this host that no longer exists is stale: the next run
 * breaks it at once. Breaking moves the lock aside under a private name and checks it moved the
 * lock it judged stale; if it took a fresh one by accident, it puts it back. A holder on another
 * host, or a live process, is waited for until the timeout; then the run fails with a message
 * naming the holder and the lock file.
 */
import { hostname } from 'node:os';
import { link, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomHex } from './digest.js';

export interface LockHolder {
  pid: number;
  host: string;
  nonce: string;
  since: string;
  what: string;
}

export class LockTimeoutError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `locked by ${holder.what} (process ${holder.pid} on ${holder.host}, since ${holder.since}); gave up waiting. If no such run is active, delete ${lockPath}`
        : `locked (${lockPath}); gave up waiting`,
    );
    this.name = 'LockTimeoutError';
  }
}

export interface Lock {
  readonly path: string;
  readonly nonce: string;
  /** Whether the lock file still names this holder. */
  held(): Promise<boolean>;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Give up after this many milliseconds of waiting (default 60 s, or ROADMAP_LOCK_TIMEOUT seconds). */
  timeoutMs?: number;
  /** Called once when the lock is busy and the run starts waiting. */
  onWait?: (holder: LockHolder | null) => void;
  /** What holds the lock, for messages ("roadmap build"). */
  what?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export function lockTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env['ROADMAP_LOCK_TIMEOUT'];
  const seconds = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
}

/** Whether a process id names a live process on this host. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder> | null;
    if (!v || typeof v !== 'object') return null;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.nonce !== 'string') return null;
    return { pid: v.pid, host: v.host, nonce: v.nonce, since: String(v.since ?? ''), what: String(v.what ?? 'another run') };
  } catch {
    return null;
  }
}

async function readHolder(path: string): Promise<LockHolder | null | 'gone'> {
  try {
    return parseHolder(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

/** A holder that cannot be running any more: a process of this host that has ended. */
function isStale(holder: LockHolder | null): boolean {
  // A lock file that cannot be read as a holder was not made by this code (it links complete files).
  if (holder === null) return false;
  return holder.host === hostname() && !processAlive(holder.pid);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Remove private files a killed run left beside the lock (`<lock>.<pid>.<nonce>`). */
async function cleanLeftovers(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (pid !== process.pid && !processAlive(pid)) await unlink(join(dir, name)).catch(() => undefined);
  }
}

export async function acquireLock(path: string, options: LockOptions = {}): Promise<Lock> {
  const timeoutMs = options.timeoutMs ?? lockTimeoutFromEnv();
  const nonce = randomHex(8);
  const holder: LockHolder = { pid: process.pid, host: hostname(), nonce, since: new Date().toISOString(), what: options.what ?? 'another run' };
  const mine = `${path}.${process.pid}.${nonce}`;
  // A holder that finishes removes the lock's directory, and its parent, when they are empty,
  // which they may be until this file is in them: on ENOENT, make them again and retry.
  const claim = async (flag: 'wx' | 'w'): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(mine, `${JSON.stringify(holder)}\n`, { flag });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 100) throw error;
      }
    }
  };
  await cleanLeftovers(path);
  await claim('wx');
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  let delay = 20;
  try {
    for (;;) {
      try {
        await link(mine, path);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          // The directory was removed by a holder that just finished: make it again.
          await claim('w');
          continue;
        }
        if (code !== 'EEXIST') throw error;
      }
      const current = await readHolder(path);
      if (current === 'gone') continue;
      if (isStale(current)) {
        await breakStale(path, current!);
        continue;
      }
      if (Date.now() >= deadline) throw new LockTimeoutError(path, current);
      if (!waited) {
        waited = true;
        options.onWait?.(current);
      }
      await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
      delay = Math.min(delay * 2, 250);
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }
  return {
    path,
    nonce,
    async held() {
      const h = await readHolder(path);
      return h !== 'gone' && h?.nonce === nonce;
    },
    async release() {
      const h = await readHolder(path);
      if (h !== 'gone' && h?.nonce === nonce) await unlink(path).catch(() => undefined);
    },
  };
}

async function breakStale(path: string, stale: LockHolder): Promise<void> {
  const aside = `${path}.${process.pid}.${randomHex(8)}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved !== 'gone' && moved?.nonce !== stale.nonce) {
    // Another run broke the stale lock and took a fresh one in between: give it back.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}
