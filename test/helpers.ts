import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROADMAP = join(ROOT, 'content/backend-roadmap.md');
export const BIN = join(ROOT, 'bin/roadmap.js');

export const roadmapText = (): string => readFileSync(ROADMAP, 'utf8');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would. */
export function cli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'roadmap-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The shared ftfy conformance cases, when present beside the project (never copied into it). */
export const FTFY_CASES = process.env['FTFY_CASES'] ?? join(ROOT, '..', 'shared', 'conformance', 'ftfy');

/** The shared real lists beside the project (never copied into it); empty when absent. */
export const SHARED_CORPUS = process.env['SHARED_CORPUS'] ?? join(ROOT, '..', 'shared', 'corpus', 'lists');

export function sharedCorpus(): { name: string; text: string }[] {
  if (!existsSync(SHARED_CORPUS)) return [];
  return readdirSync(SHARED_CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SHARED_CORPUS, name), 'utf8') }));
}

/** README.md of the installed packages (real Markdown nobody here wrote), in a fixed order. */
export function packageReadmes(): { name: string; text: string }[] {
  const dir = join(ROOT, 'node_modules');
  const out: { name: string; text: string }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const pkgs = entry.startsWith('@') ? readdirSync(join(dir, entry)).sort().map((p) => join(entry, p)) : [entry];
    for (const pkg of pkgs) {
      for (const name of ['README.md', 'readme.md', 'Readme.md']) {
        const path = join(dir, pkg, name);
        try {
          if (statSync(path).isFile()) {
            out.push({ name: pkg, text: readFileSync(path, 'utf8') });
            break;
          }
        } catch {
          // no readme under this name
        }
      }
    }
  }
  return out;
}
