// The real-world regression corpus: Markdown nobody here wrote.
//   - the README, CHANGELOG, HISTORY and docs/ Markdown of the packages in test/realworld/packages
//     and their dependencies (pinned by their own lock file, so the corpus does not move when the
//     project's dependencies do), installed once into node_modules/.cache/roadmap-realworld;
//   - the lists in ../shared/corpus/lists, read in place, when they are there;
//   - optionally (withProject) the same files of the project's own node_modules.
// Files are deduplicated by content and sorted, so a corpus is the same from run to run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const DOC_FILE = /^(readme|changelog|history|changes)([.-][^/]*)?\.(md|markdown)$/iu;
const MARKDOWN = /\.(md|markdown)$/iu;

/** README, CHANGELOG, HISTORY and docs/ Markdown below a folder, in name order; dot folders skipped. */
export function packageDocFiles(dir, out = [], inDocs = false) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.')) continue; // node_modules/.cache and the like
      packageDocFiles(p, out, inDocs || /^docs?$/iu.test(e.name));
    } else if (e.isFile() && (DOC_FILE.test(e.name) || (inDocs && MARKDOWN.test(e.name)))) {
      out.push(p);
    }
  }
  return out;
}

/** Install the corpus packages once (again when their lock file changes); returns their directory. */
export function installCorpusPackages(root, log = () => undefined) {
  const source = join(root, 'test/realworld/packages');
  const dir = join(root, 'node_modules/.cache/roadmap-realworld');
  const lock = readFileSync(join(source, 'package-lock.json'));
  const stamp = createHash('sha256').update(lock).digest('hex');
  const marker = join(dir, 'installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === stamp) return dir;
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(source, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(source, 'package-lock.json'), join(dir, 'package-lock.json'));
  log(`installing the corpus packages into ${relative(root, dir)} (once)…`);
  const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (npm.status !== 0) throw new Error(`npm ci of the corpus packages failed (exit ${npm.status}): ${npm.stderr.trim().split('\n').pop()}`);
  writeFileSync(marker, `${stamp}\n`);
  return dir;
}

/** Every corpus file as { name, text }: name is "<origin>:<path>", stable across machines. */
export function corpusFiles(root, { installed, shared, withProject = false }) {
  const sources = [
    ['packages', join(installed, 'node_modules'), packageDocFiles(join(installed, 'node_modules'))],
    ['shared', shared, existsSync(shared) ? readdirSync(shared).filter((f) => MARKDOWN.test(f)).sort().map((f) => join(shared, f)) : []],
    ...(withProject ? [['project', join(root, 'node_modules'), packageDocFiles(join(root, 'node_modules'))]] : []),
  ];
  const seen = new Set();
  const files = [];
  for (const [origin, base, paths] of sources) {
    for (const path of paths) {
      const bytes = readFileSync(path);
      const hash = createHash('sha1').update(bytes).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      files.push({ name: `${origin}:${relative(base, path).split('\\').join('/')}`, path, bytes });
    }
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Lint every file with the library (`api`: the built index or src/index.ts) and count: findings
 * per rule, files refused (with the reason's first words), and crashes (anything else thrown).
 */
export async function lintCorpus(files, api) {
  const findings = {};
  const refused = {};
  const crashes = [];
  let bytes = 0;
  for (const file of files) {
    bytes += file.bytes.length;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
      const list = await api.lintRoadmap(text, { path: file.name });
      for (const f of list) findings[f.ruleId] = (findings[f.ruleId] ?? 0) + 1;
    } catch (error) {
      if (error instanceof TypeError && error.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
        refused['not UTF-8'] = (refused['not UTF-8'] ?? 0) + 1;
      } else if (error instanceof api.InputError) {
        const reason = error.reason.split(/[:(]/u)[0].trim();
        refused[reason] = (refused[reason] ?? 0) + 1;
      } else {
        crashes.push(`${file.name}: ${error?.stack ?? error}`);
      }
    }
  }
  const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    files: files.length,
    bytes,
    crashes: crashes.length,
    refused: sorted(refused),
    findings: sorted(findings),
    totalFindings: Object.values(findings).reduce((a, b) => a + b, 0),
    crashList: crashes,
  };
}
