/**
 * Reading a file together with what it was when read, and replacing it atomically.
 *
 * Replacing writes a temporary file beside the original (`.<name>.<pid>.<random>.roadmap-tmp`),
 * gives it the original's owner, group and mode, syncs it, checks that the original has not
 * changed since it was read (size, modification time, inode and a SHA-256 of its bytes), and
 * renames it over the original. Readers see the old file or the new one, never half. What cannot
 * be kept is refused before anything is written: a read-only file or directory, a file owned by
 * someone else when not running as root, a file with other hard links (a rename would detach
 * them). Temporary files a killed run left behind are removed by the next write in that directory,
 * whichever file it is for.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { access, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomHex, sha256 } from './digest.js';
import { asWriteError, FileWriteError } from './io-error.js';
import { processAlive } from './lock.js';

export interface FileSnapshot {
  size: number;
  mtimeMs: number;
  ino: number;
  dev: number;
  sha256: string;
}

export type SpecialKind = 'directory' | 'FIFO (named pipe)' | 'socket' | 'character device' | 'block device' | 'special file';

export function specialKind(info: Stats): SpecialKind | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'FIFO (named pipe)';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'special file';
}

/** Thrown when a path names something that is not a regular file. */
/** A file larger than the caller accepts, found before any byte of it is read. */
export class FileTooLargeError extends Error {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${file}: ${size} bytes, more than ${limit}`);
    this.name = 'FileTooLargeError';
  }
}

export class NotAFileError extends Error {
  constructor(
    readonly file: string,
    readonly kind: SpecialKind,
  ) {
    super(`${file}: is a ${kind}, not a file`);
    this.name = 'NotAFileError';
  }
}

export function snapshotOf(info: Stats, bytes: Uint8Array): FileSnapshot {
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, dev: info.dev, sha256: sha256(bytes) };
}

/**
 * Read a regular file and what it was when read. Never blocks on a FIFO: the file is opened
 * non-blocking and anything but a regular file is refused with NotAFileError; a file over `maxBytes`
 * is refused with FileTooLargeError before it is read.
 *
 * The calls are synchronous: a run reads one document and then works on it, so there is nothing
 * to do meanwhile, and five round trips through libuv's thread pool per file left the thread idle
 * for a tenth of a many-file run.
 */
export async function readFileSnapshot(path: string, maxBytes = Infinity): Promise<{ bytes: Buffer; snapshot: FileSnapshot }> {
  const { bytes, info } = readFileChecked(path, maxBytes);
  return { bytes, snapshot: snapshotOf(info, bytes) };
}

/**
 * Read a regular file as readFileSnapshot does, with its status but no digest: for a reader that
 * will not write the file back (hashing loads node:crypto, a cost every start would pay).
 */
export function readFileChecked(path: string, maxBytes = Infinity): { bytes: Buffer; info: Stats } {
  const before = statSync(path);
  const kind = specialKind(before);
  if (kind) throw new NotAFileError(path, kind);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    const again = specialKind(info);
    if (again) throw new NotAFileError(path, again);
    if (info.size > maxBytes) throw new FileTooLargeError(path, info.size, maxBytes);
    return { bytes: readFileSync(fd), info };
  } finally {
    closeSync(fd);
  }
}

/**
 * A small file of settings or state (a configuration, a baseline, a cache) as text: a regular file
 * within `maxBytes`, read without waiting on a FIFO or reading a device without end, its UTF-8
 * byte order mark dropped. Errors as readFileChecked's; `readProblem` words them.
 */
export function readSettingsText(path: string, maxBytes: number): string {
  const text = readFileChecked(path, maxBytes).bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What went wrong reading a file, for a message that already names it. */
export function readProblem(error: unknown): string {
  if (error instanceof NotAFileError) return `is a ${error.kind}, not a file`;
  if (error instanceof FileTooLargeError) return `${error.size} bytes, more than the ${error.limit} a file of settings may have`;
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

const TEMP_SUFFIX = '.roadmap-tmp';

/** Remove temporary files of `name` (or of every file when null) that dead runs left in `dir`. */
export async function cleanTempFiles(dir: string, name: string | null = null): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith('.') || !n.endsWith(TEMP_SUFFIX)) continue;
    const parts = n.slice(0, -TEMP_SUFFIX.length).split('.');
    // .<name>.<pid>.<random>
    if (parts.length < 4) continue;
    if (name !== null && parts.slice(1, -2).join('.') !== name) continue;
    const pid = Number(parts[parts.length - 2]);
    if (pid === process.pid || processAlive(pid)) continue;
    await rm(join(dir, n), { force: true }).catch(() => undefined);
  }
}

export interface WriteOptions {
  /** What the file was when read: if it changed since, nothing is written. */
  expected?: FileSnapshot;
  /** How messages name the file (defaults to the path). */
  label?: string;
}

const cleaned = new Set<string>();

const isRoot = (): boolean => process.geteuid?.() === 0;
const octal = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0');

/** Why this file cannot be replaced keeping what it is, or null when it can. */
async function refusal(path: string, info: Stats): Promise<string | null> {
  if (!info.isFile()) return `is a ${specialKind(info)}, not a file; not changed`;
  if ((info.mode & 0o200) === 0) return `is read-only (mode ${octal(info.mode)}); not changed`;
  if (info.nlink > 1) return `has ${info.nlink} hard links; replacing it would detach them; not changed`;
  const uid = process.geteuid?.();
  if (uid !== undefined && !isRoot() && info.uid !== uid) return `is owned by another user (uid ${info.uid}); replacing it would change its owner; not changed`;
  try {
    await access(path, constants.W_OK);
  } catch {
    return 'permission denied; not changed';
  }
  const dir = dirname(path);
  const dirInfo = await stat(dir);
  try {
    await access(dir, constants.W_OK);
  } catch {
    return `its directory ${dir} is not writable; not changed`;
  }
  if ((dirInfo.mode & 0o200) === 0) return `its directory ${dir} is read-only (mode ${octal(dirInfo.mode)}); not changed`;
  return null;
}

async function checkUnchanged(path: string, expected: FileSnapshot, label: string): Promise<void> {
  const changed = (): never => {
    throw new FileWriteError(label, 'changed since it was read; not overwritten (run again)', 'ECHANGED');
  };
  const info = await stat(path).catch(() => null);
  if (!info) throw new FileWriteError(label, 'the file vanished during the run; nothing written', 'ENOENT');
  if (info.size !== expected.size || info.mtimeMs !== expected.mtimeMs || info.ino !== expected.ino || info.dev !== expected.dev) changed();
  const { bytes } = await readFileSnapshot(path);
  if (sha256(bytes) !== expected.sha256) changed();
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot sync a directory; the rename is still atomic.
  }
}

export async function writeFileAtomic(target: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const label = options.label ?? target;
  // Write through a symbolic link to the file it names, so the link stays a link.
  const path = await realpath(target).catch(() => target);
  let info: Stats | null;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw asWriteError(error, label);
    info = null;
  }
  if (options.expected && !info) throw new FileWriteError(label, 'the file vanished during the run; nothing written', 'ENOENT');
  if (info) {
    const why = await refusal(path, info);
    if (why) throw new FileWriteError(label, why, 'EREFUSED');
    if (options.expected) await checkUnchanged(path, options.expected, label);
  }
  const dir = dirname(path);
  // Once per directory and run: every temporary file a killed run left there, whatever it was for.
  if (!cleaned.has(dir)) {
    cleaned.add(dir);
    await cleanTempFiles(dir);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomHex(4)}${TEMP_SUFFIX}`);
  let handle;
  try {
    handle = await open(tmp, 'wx', info ? 0o600 : 0o666);
  } catch (error) {
    throw asWriteError(error, label);
  }
  try {
    await handle.writeFile(content);
    if (info) {
      const uid = process.geteuid?.();
      const gid = process.getegid?.();
      if (info.uid !== uid || info.gid !== gid) {
        try {
          await handle.chown(info.uid, info.gid);
        } catch {
          throw new FileWriteError(label, `cannot keep its owner and group (uid ${info.uid}, gid ${info.gid}); not changed`, 'EREFUSED');
        }
      }
      // After chown, which clears set-id bits.
      await handle.chmod(info.mode & 0o7777);
    }
    await handle.sync();
    await handle.close();
    handle = null;
    if (options.expected) await checkUnchanged(path, options.expected, label);
    await rename(tmp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    throw asWriteError(error, label);
  }
  await syncDirectory(dir);
}
