// The comparison benchmark's corpora: real Markdown nobody here wrote, laid out once in a
// temporary directory so that every tool reads exactly the same files.
//
//   packages  README, CHANGELOG, HISTORY and docs/ Markdown files of the packages in this project's
//             node_modules and of a fixed set of well-known packages installed into a temporary
//             directory (at least 3,000 files and 20 MB)
//   lists     the awesome lists in ../shared/corpus/lists, read in place
//   large     one file of at least 5 MB made of whole package documents, one after another, with
//             their link reference definitions left in
//   roadmap   content/backend-roadmap.md, with the project's configuration
// and, on request (--corpus-dir), a tree of one's own, laid out the same way.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { packageDocFiles } from '../test/realworld/corpus.js';

/**
 * Installed into the temporary directory, with their dependencies, for their documentation:
 * large dependency trees of popular tools, so the corpus is the kind of Markdown packages ship.
 * Fixed versions keep the corpus the same from run to run.
 */
export const DOC_PACKAGES = [
  'jest@27.5.1',
  'webpack@5.112.2',
  'eslint@8.57.1',
  '@babel/preset-env@7.29.14',
  '@aws-sdk/client-s3@3.1173.0',
  'npm@11.21.2',
  'typescript-eslint@8.73.0',
  'vite@8.3.8',
  '@octokit/rest@22.0.1',
  'react-scripts@5.0.1',
  'aws-cdk-lib@2.276.0',
  '@angular/cli@21.2.28',
  'mocha@12.0.3',
  'lerna@10.1.1',
];

const MARKDOWN = /\.(md|markdown)$/iu;

/** Install DOC_PACKAGES into a temporary directory once; later runs reuse it. */
function installDocPackages(base, log) {
  const key = createHash('sha256').update(DOC_PACKAGES.join('\n')).digest('hex').slice(0, 12);
  const dir = join(base, `packages-${key}`);
  if (existsSync(join(dir, 'installed'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "roadmap-bench-docs", "private": true }\n');
  log(`installing ${DOC_PACKAGES.length} packages for their documentation into ${dir} (once)…`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', '--loglevel=error', ...DOC_PACKAGES], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (npm.status !== 0) throw new Error(`npm install of the documentation packages failed (exit ${npm.status})`);
  writeFileSync(join(dir, 'installed'), `${new Date().toISOString()}\n`);
  return dir;
}

/** A flat file name for a document, unique within the corpus and stable from run to run. */
const flatName = (rel) => rel.replace(/^node_modules\//u, '').replace(/\/node_modules\//gu, '~').replace(/\//gu, '~');

/**
 * Lay out the corpora. `quick` takes a small part of each, for development.
 * @returns {{ base: string, corpora: { name: string, cwd: string, files: string[], bytes: number, args: string[], config: boolean, note: string }[] }}
 */
/** The corpora prepareCorpora makes, in its order (`npm run bench -- --corpus <name>`). */
export const CORPUS_NAMES = ['packages', 'lists', 'large', 'roadmap'];

export function prepareCorpora({ root, quick = false, log = () => undefined }) {
  const base = join(tmpdir(), 'roadmap-bench');
  mkdirSync(base, { recursive: true });
  const installed = installDocPackages(base, log);

  // Package documents, deduplicated by content (hoisting leaves identical copies).
  const seen = new Set();
  const docs = [];
  for (const [from, files] of [
    [root, packageDocFiles(join(root, 'node_modules'))],
    [installed, packageDocFiles(join(installed, 'node_modules'))],
  ]) {
    for (const f of files) {
      const size = statSync(f).size;
      if (size === 0) continue;
      const text = readFileSync(f);
      const hash = createHash('sha1').update(text).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      docs.push({ name: flatName(relative(from, f)), text });
    }
  }
  const names = new Set();
  for (const d of docs) {
    let n = d.name;
    for (let i = 2; names.has(n.toLowerCase()); i++) n = d.name.replace(/(\.[a-z]+)$/iu, `-${i}$1`);
    names.add(n.toLowerCase());
    d.name = n;
  }

  const corpora = [];
  const layOut = (name, chosen) => {
    const dir = join(base, quick ? `${name}-quick` : name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const d of chosen) writeFileSync(join(dir, d.name), d.text);
    return dir;
  };

  const packageDocs = quick ? docs.filter((_, i) => i % 10 === 0) : docs;
  const pkgDir = layOut('packages', packageDocs);
  corpora.push({
    name: 'packages',
    cwd: pkgDir,
    files: packageDocs.map((d) => d.name).sort(),
    bytes: packageDocs.reduce((n, d) => n + d.text.length, 0),
    config: false,
    note: `README/CHANGELOG/docs Markdown of ${quick ? 'a tenth of ' : ''}the installed packages`,
  });

  const lists = join(root, '../shared/corpus/lists');
  if (existsSync(lists)) {
    const files = readdirSync(lists).filter((f) => MARKDOWN.test(f)).sort();
    corpora.push({
      name: 'lists',
      cwd: lists,
      files,
      bytes: files.reduce((n, f) => n + statSync(join(lists, f)).size, 0),
      config: false,
      note: 'the awesome lists in the shared corpus',
    });
  } else {
    log('../shared/corpus/lists is absent: the lists corpus is skipped');
  }

  // The large file: whole package documents (largest first is not real; take them in corpus
  // order), each starting on its own line, until the target size. Reference definitions stay in.
  const target = quick ? 1_000_000 : 5_200_000;
  const parts = ['# Package documentation\n\n'];
  let size = parts[0].length;
  let definitions = 0;
  for (const d of docs) {
    if (size >= target) break;
    const text = d.text.toString('utf8');
    if (text.includes('\uFFFD')) continue;
    definitions += (text.match(/^ {0,3}\[[^\]\n]+\]:\s*\S/gmu) ?? []).length;
    parts.push(text.endsWith('\n') ? text : `${text}\n`, '\n');
    size += Buffer.byteLength(text) + 2;
  }
  const largeDir = join(base, quick ? 'large-quick' : 'large');
  rmSync(largeDir, { recursive: true, force: true });
  mkdirSync(largeDir, { recursive: true });
  writeFileSync(join(largeDir, 'package-docs.md'), parts.join(''));
  corpora.push({
    name: 'large',
    cwd: largeDir,
    files: ['package-docs.md'],
    bytes: statSync(join(largeDir, 'package-docs.md')).size,
    config: false,
    note: `one file of ${parts.length - 1 >> 1} whole package documents with ${definitions} reference definitions`,
  });

  corpora.push({
    name: 'roadmap',
    cwd: root,
    files: ['content/backend-roadmap.md'],
    bytes: statSync(join(root, 'content/backend-roadmap.md')).size,
    config: true,
    note: 'content/backend-roadmap.md with roadmap.config.json',
  });
  return { base, corpora };
}

export const describe = (c) => `${c.name}: ${c.files.length} file${c.files.length === 1 ? '' : 's'}, ${(c.bytes / 1e6).toFixed(2)} MB (${c.note})`;
export { basename };

/**
 * A tree of one's own (`npm run bench -- --corpus-dir <path>`): its Markdown files, outside `.git`
 * and `node_modules`, copied flat into the temporary directory under unique names, so that every
 * tool reads the same files the same way. Returns null when the tree has no Markdown file.
 */
export function prepareDirCorpus(tree) {
  const base = join(tmpdir(), 'roadmap-bench');
  const from = resolve(tree);
  const rels = readdirSync(from, { recursive: true })
    .map(String)
    .filter((rel) => MARKDOWN.test(rel) && !/(^|[\\/])(\.git|node_modules)([\\/]|$)/u.test(rel) && statSync(join(from, rel)).isFile())
    .sort();
  if (rels.length === 0) return null;
  const name = `dir-${basename(from)}`;
  const dir = join(base, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = new Set();
  const files = [];
  let bytes = 0;
  for (const rel of rels) {
    const flat = rel.replace(/[\\/]/gu, '~');
    let n = flat;
    for (let i = 2; names.has(n.toLowerCase()); i++) n = flat.replace(/(\.[a-z]+)$/iu, `-${i}$1`);
    names.add(n.toLowerCase());
    const text = readFileSync(join(from, rel));
    writeFileSync(join(dir, n), text);
    files.push(n);
    bytes += text.length;
  }
  return { base, corpus: { name, cwd: dir, files: files.sort(), bytes, config: false, note: `the Markdown files of ${basename(from)}, given with --corpus-dir` } };
}
