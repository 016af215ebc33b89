/**
 * Writing dist/ all at once or not at all. Outputs are written into a fresh directory next to the
 * output directory, together with the files already there that this run does not replace; then the
 * two directories are swapped with renames. A run that fails before the swap leaves dist/ as it was.
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Roadmap } from '../model/types.js';

export interface OutputFile {
  /** Path relative to the output directory. */
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

export function indexEntry(roadmap: Roadmap): IndexEntry {
  return {
    document: roadmap.document,
    source: roadmap.source,
    title: roadmap.title,
    officialOnly: roadmap.officialOnly,
    counts: { ...roadmap.counts },
    outputs: { json: `${roadmap.document}.json`, csv: `${roadmap.document}.csv`, markdown: `${roadmap.document}.md` },
  };
}

/** dist/index.json: the documents built now merged with those an earlier run listed, sorted by name. */
export function emitIndex(entries: IndexEntry[], previous: DistIndex | null, schemaVersion: string): string {
  const byName = new Map<string, IndexEntry>();
  for (const e of previous?.documents ?? []) byName.set(e.document, e);
  for (const e of entries) byName.set(e.document, e);
  const documents = [...byName.values()].sort((a, b) => a.document.localeCompare(b.document, 'en'));
  return `${JSON.stringify({ schemaVersion, documents }, null, 2)}\n`;
}

export async function readPreviousIndex(outDir: string): Promise<DistIndex | null> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, 'index.json'), 'utf8')) as DistIndex;
    return Array.isArray(parsed.documents) ? parsed : null;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Replace the given files in `outDir`, keeping its other files; all or nothing. */
export async function writeOutputs(outDir: string, files: OutputFile[]): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}-staging-`));
  try {
    if (await exists(target)) await cp(target, staging, { recursive: true, preserveTimestamps: true });
    for (const f of files) {
      const path = join(staging, f.name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.content);
    }
    const retired = `${staging}-old`;
    const hadTarget = await exists(target);
    if (hadTarget) await rename(target, retired);
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadTarget) await rename(retired, target);
      throw error;
    }
    if (hadTarget) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
