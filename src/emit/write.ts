/**
 * Writing the output directory (dist/) so that a run killed at any moment loses nothing.
 *
 * dist/ itself is never moved, replaced or copied: it stays the real directory git commits, with
 * its own mode. Each build works in one place beside it, `.roadmap-pipeline/<out>/`:
 *
 *   lock           who is building into this output directory (see util/lock.ts)
 *   staging/       the new files, at their paths relative to the output directory
 *   journal.json   the commit record: the list of staged files to move into place
 *
 * A build (1) takes the lock, (2) recovers from a run that was killed, (3) writes every output
 * into staging/ and syncs it, (4) writes journal.json (under a temporary name, synced, then
 * renamed: the commit point), (5) renames each staged file over its target in dist/, and (6)
 * deletes journal.json and staging/.
 *
 * Recovery, before anything else: a journal means the run was killed after its commit point, so
 * the remaining staged files are moved into place (roll forward; moving is idempotent, files
 * already moved are simply gone from staging/). Staging without a journal means the run was
 * killed before its commit point, so staging/ is deleted (roll back) and dist/ was never touched.
 * Either way dist/ ends as the complete old set or the complete new set.
 *
 * Nothing is written through a symbolic link: the output directory, every directory on the way
 * to an output and every output itself must not be a link, or the build is refused before it
 * writes. Files are created new in staging/ and renamed into place, never opened for writing
 * where they stand.
 */
import { constants, type Stats } from 'node:fs';
import { access, lstat, mkdir, open, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { validate as compiledIndexValidator } from '../generated/validate-index.js';
import type { Roadmap } from '../model/types.js';
import { formatAjvErrors, type CompiledValidator } from '../util/schema-errors.js';
import { asWriteError, FileWriteError } from '../util/io-error.js';
import { acquireLock, type Lock, type LockHolder } from '../util/lock.js';

export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  name: string;
  content: string;
}

export interface IndexEntry {
  document: string;
  source: string;
  title: string;
  officialOnly: boolean;
  counts: Roadmap['counts'];
  outputs: { json: string; csv: string; markdown: string };
}

export interface DistIndex {
  schemaVersion: string;
  documents: IndexEntry[];
}

/** The index entry of a built document; `stem` is its output path without extension ("backend/acid"). */
export function indexEntry(roadmap: Roadmap, stem: string = roadmap.document): IndexEntry {
  return {
    document: roadmap.document,
    source: roadmap.source,
    title: roadmap.title,
    officialOnly: roadmap.officialOnly,
    counts: { ...roadmap.counts },
    outputs: { json: `${stem}.json`, csv: `${stem}.csv`, markdown: `${stem}.md` },
  };
}

/** dist/index.json: the documents built now merged with those an earlier run listed, sorted by output path. */
export function emitIndex(entries: IndexEntry[], previous: DistIndex | null, schemaVersion: string): string {
  const byOutput = new Map<string, IndexEntry>();
  for (const e of previous?.documents ?? []) byOutput.set(e.outputs.json, e);
  for (const e of entries) byOutput.set(e.outputs.json, e);
  const documents = [...byOutput.values()].sort((a, b) => (a.outputs.json < b.outputs.json ? -1 : a.outputs.json > b.outputs.json ? 1 : 0));
  return `${JSON.stringify({ schemaVersion, documents }, null, 2)}\n`;
}

const indexValidator = compiledIndexValidator as unknown as CompiledValidator;

/** Thrown when a state file the tool reads back (dist/index.json, a journal) is not what it wrote. */
export class StateFileError extends FileWriteError {}

/** Check parsed dist/index.json; throws StateFileError naming the file and the first bad place. */
export function checkIndex(data: unknown, label: string): DistIndex {
  if (indexValidator(data)) return data as DistIndex;
  const [first] = formatAjvErrors(indexValidator.errors ?? []);
  throw new StateFileError(label, `not a valid build index at ${first?.path ?? '/'}: ${first?.message ?? 'invalid'}; fix or delete it`, 'EBADSTATE');
}

/** Read dist/index.json: null when there is none; StateFileError when it is not valid. */
export async function readPreviousIndex(outDir: string, label = join(outDir, 'index.json')): Promise<DistIndex | null> {
  let text: string;
  try {
    text = await readFile(join(outDir, 'index.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw asWriteError(error, label);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(label, `not valid JSON (${(error as Error).message}); fix or delete it`, 'EBADSTATE');
  }
  return checkIndex(data, label);
}

/** A relative output path that stays inside the output directory. */
export function isSafeOutputName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

interface Journal {
  version: 1;
  files: string[];
}

function parseJournal(text: string): Journal | null {
  try {
    const data = JSON.parse(text) as Partial<Journal> | null;
    if (!data || data.version !== 1 || !Array.isArray(data.files)) return null;
    if (!data.files.every((f) => typeof f === 'string' && isSafeOutputName(f))) return null;
    return { version: 1, files: data.files };
  } catch {
    return null;
  }
}

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

async function syncPath(path: string): Promise<void> {
  try {
    const handle = await open(path, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every file system syncs directories; renames stay atomic.
  }
}

async function writeNewFile(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o666);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface OpenOptions {
  /** How messages name the output directory ("dist"). */
  label?: string;
  /** Called once when another build holds the lock and this one waits. */
  onWait?: (holder: LockHolder | null) => void;
  /** Called with a one-line note when an interrupted build was completed or rolled back. */
  onRecover?: (note: string) => void;
  timeoutMs?: number;
}

/** Where a build keeps its lock, journal and staging for an output directory. */
export function stateDirFor(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), '.roadmap-pipeline', basename(target));
}

/** The output directory, locked for one build. Open it, read its index, write once, close. */
export class OutputDir {
  private constructor(
    readonly dir: string,
    readonly label: string,
    private readonly state: string,
    private readonly lock: Lock,
  ) {}

  private get staging(): string {
    return join(this.state, 'staging');
  }

  private get journal(): string {
    return join(this.state, 'journal.json');
  }

  /** Take the lock, then finish or undo whatever a killed build left, before anything else. */
  static async open(outDir: string, options: OpenOptions = {}): Promise<OutputDir> {
    const dir = resolve(outDir);
    const label = options.label ?? outDir;
    const info = await lstatOrNull(dir).catch((error: unknown) => {
      throw asWriteError(error, label);
    });
    if (info?.isSymbolicLink()) throw new FileWriteError(label, 'is a symbolic link; refusing to write through it', 'ESYMLINK');
    if (info && !info.isDirectory()) throw new FileWriteError(label, 'is not a directory', 'ENOTDIR');
    const state = stateDirFor(dir);
    let lock: Lock;
    try {
      lock = await acquireLock(join(state, 'lock'), {
        what: 'roadmap build',
        ...(options.onWait ? { onWait: options.onWait } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'LockTimeoutError') throw new FileWriteError(label, error.message, 'ELOCKED');
      throw asWriteError(error, join(state, 'lock'));
    }
    const out = new OutputDir(dir, label, state, lock);
    try {
      await out.recover(options.onRecover ?? (() => undefined));
    } catch (error) {
      await lock.release();
      throw asWriteError(error, label);
    }
    return out;
  }

  private async recover(note: (text: string) => void): Promise<void> {
    await rm(`${this.journal}.tmp`, { force: true });
    let journalText: string | null = null;
    try {
      journalText = await readFile(this.journal, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const journal = journalText === null ? null : parseJournal(journalText);
    if (journal) {
      let moved = 0;
      for (const name of journal.files) {
        const from = join(this.staging, ...name.split('/'));
        if (!(await lstatOrNull(from))) continue;
        await this.checkTargets([name]);
        await this.place(name);
        moved++;
      }
      await this.syncTargets(journal.files);
      await unlink(this.journal);
      note(`${this.label}/: completed an interrupted build (${moved} of ${journal.files.length} files were still to move)`);
    } else if (journalText !== null) {
      // Written under a temporary name and renamed complete, so this was not made by a build.
      await unlink(this.journal);
      note(`${this.label}/: removed an unreadable build journal; ${this.label}/ was not changed by it`);
    }
    if (await lstatOrNull(this.staging)) {
      await rm(this.staging, { recursive: true, force: true });
      if (!journal) note(`${this.label}/: removed the staged files of an interrupted build; ${this.label}/ was not changed by it`);
    }
  }

  /** Read dist/index.json (validated): null when there is none. */
  async readIndex(): Promise<DistIndex | null> {
    const label = `${this.label}/index.json`;
    const info = await lstatOrNull(join(this.dir, 'index.json'));
    if (info?.isSymbolicLink()) throw new FileWriteError(label, 'is a symbolic link; refusing to read or write through it', 'ESYMLINK');
    return readPreviousIndex(this.dir, label);
  }

  /**
   * Refuse targets that are symbolic links, or that have a link or a non-directory on their way,
   * and directories this run cannot write into: all before the commit point, so a refusal leaves
   * nothing to finish.
   */
  private async checkTargets(names: readonly string[]): Promise<void> {
    const checked = new Set<string>();
    const writable = async (dir: string, label: string): Promise<void> => {
      try {
        await access(dir, constants.W_OK);
      } catch (error) {
        throw asWriteError(error, label);
      }
    };
    await writable((await lstatOrNull(this.dir)) ? this.dir : dirname(this.dir), this.label);
    for (const name of names) {
      if (!isSafeOutputName(name)) throw new FileWriteError(`${this.label}/${name}`, 'is outside the output directory; refused', 'EOUTSIDE');
      const parts = name.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const rel = parts.slice(0, i).join('/');
        if (checked.has(rel)) continue;
        checked.add(rel);
        const info = await lstatOrNull(join(this.dir, ...parts.slice(0, i)));
        if (!info) break;
        const label = `${this.label}/${rel}`;
        if (info.isSymbolicLink()) throw new FileWriteError(label, 'is a symbolic link; refusing to write through it', 'ESYMLINK');
        if (i < parts.length && !info.isDirectory()) throw new FileWriteError(label, 'is not a directory', 'ENOTDIR');
        if (i < parts.length) await writable(join(this.dir, ...parts.slice(0, i)), label);
        if (i === parts.length && !info.isFile()) throw new FileWriteError(label, 'is not a regular file; refusing to replace it', 'EEXIST');
      }
    }
  }

  private async place(name: string): Promise<void> {
    const parts = name.split('/');
    const target = join(this.dir, ...parts);
    await mkdir(dirname(target), { recursive: true });
    await rename(join(this.staging, ...parts), target);
  }

  private async syncTargets(names: readonly string[]): Promise<void> {
    const dirs = new Set(names.map((n) => dirname(join(this.dir, ...n.split('/')))));
    await inBatches(dirs.values(), WRITE_BATCH, syncPath);
  }

  /** Replace the given files in the output directory, keeping its other files; all or nothing. */
  async write(files: readonly OutputFile[]): Promise<void> {
    const names = files.map((f) => f.name);
    if (new Set(names).size !== names.length) throw new Error('two outputs with one name');
    await this.checkTargets(names);
    const staging = this.staging;
    let current = this.label;
    try {
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
      const paths = files.map((f) => join(staging, ...f.name.split('/')));
      for (const dir of new Set(paths.map((p) => dirname(p)))) await mkdir(dir, { recursive: true });
      // Written and synced many at a time: each sync waits on the disk, not on the others.
      await inBatches(files.keys(), WRITE_BATCH, async (i) => {
        try {
          await writeNewFile(paths[i]!, files[i]!.content);
        } catch (error) {
          current = `${this.label}/${files[i]!.name}`;
          throw error;
        }
      });
      // The commit point: once journal.json exists, the next run finishes this one.
      current = this.journal;
      const tmp = `${this.journal}.tmp`;
      await writeNewFile(tmp, `${JSON.stringify({ version: 1, files: names } satisfies Journal)}\n`);
      await rename(tmp, this.journal);
      await syncPath(this.state);
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      await rm(`${this.journal}.tmp`, { force: true }).catch(() => undefined);
      throw asWriteError(error, current);
    }
    try {
      await mkdir(this.dir, { recursive: true });
      await inBatches(names.values(), WRITE_BATCH, (name) => this.place(name));
      await this.syncTargets(names);
      await unlink(this.journal);
      await rm(staging, { recursive: true, force: true });
    } catch (error) {
      const e = asWriteError(error, this.label);
      if (!(e instanceof FileWriteError)) throw e;
      throw new FileWriteError(this.label, `${e.reason}; the build is journalled, and the next build completes it`, e.code);
    }
  }

  /** Release the lock and remove the state directory when nothing is left in it. */
  async close(): Promise<void> {
    await this.lock.release();
    await rmdir(this.state).catch(() => undefined);
    await rmdir(dirname(this.state)).catch(() => undefined);
  }
}

/** How many files are written, renamed or synced at once. */
const WRITE_BATCH = 32;

/** Run `task` on every item, at most `limit` at a time; the first failure is thrown once all settle. */
async function inBatches<T>(items: Iterable<T>, limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done && !failure; next = iterator.next()) {
      try {
        await task(next.value);
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}

/** Write files into `outDir` in one go: open, write, close. */
export async function writeOutputs(outDir: string, files: OutputFile[]): Promise<void> {
  const out = await OutputDir.open(outDir);
  try {
    await out.write(files);
  } finally {
    await out.close();
  }
}
