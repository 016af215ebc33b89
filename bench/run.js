#!/usr/bin/env node
// npm run bench [-- --quick] [--only engine|compare] [--corpus name | --corpus-dir path] [--rounds n] [--compare-threads]
//
// 1. the repair engine and the pipeline in process (bench/engine.js), and any other bench/*.bench.js
//    module (each exports `run({ root, quick, log })` and returns its figures);
// 2. this tool beside markdownlint-cli2, remark-cli and a bare remark-parse run on real Markdown
//    (bench/corpora.js, bench/compare.js).
// Writes bench/results/<date>.json and bench/results/<date>.md, and puts the summary in README.md
// between the "benchmarks" markers. --quick takes a tenth of the corpora and fewer rounds, for
// development; its results go to bench/results/<date>-quick.* and README.md is left alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compare, goals, prepareParseFloor, summary } from './compare.js';
import { CORPUS_NAMES, describe, prepareCorpora, prepareDirCorpus } from './corpora.js';
import { runEngine } from './engine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : null;
// --rounds <n>: rounds on the two big corpora (packages, large), 3 by default; --compare-threads
// adds a one-thread run of this tool beside the pool.
const roundsAt = args.indexOf('--rounds');
const bigRounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : undefined;
const compareThreads = args.includes('--compare-threads');
// --corpus <name>: compare on that corpus only (packages, lists, large, roadmap); its results are
// written under their own name and leave the README alone.
const corpusAt = args.indexOf('--corpus');
const onlyCorpus = corpusAt >= 0 ? (args[corpusAt + 1] ?? '') : null;
const log = (line) => process.stderr.write(`${line}\n`);
if (onlyCorpus !== null && (!CORPUS_NAMES.includes(onlyCorpus) || only === 'engine')) {
  log(only === 'engine' ? 'bench: --corpus goes with the comparison, not --only engine' : `bench: --corpus takes one of ${CORPUS_NAMES.join(', ')}${onlyCorpus ? `, not "${onlyCorpus}"` : ''}`);
  process.exit(2);
}
// --corpus-dir <path>: compare on the Markdown files of a tree of one's own, and nothing else.
const dirAt = args.indexOf('--corpus-dir');
const corpusDir = dirAt >= 0 ? (args[dirAt + 1] ?? '') : null;
let dirCorpus = null;
if (corpusDir !== null) {
  if (only === 'engine' || onlyCorpus !== null) {
    log(`bench: --corpus-dir goes with the comparison alone, not ${only === 'engine' ? '--only engine' : '--corpus'}`);
    process.exit(2);
  }
  if (corpusDir === '' || corpusDir.startsWith('--') || !existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) {
    log(`bench: --corpus-dir takes a directory${corpusDir && !corpusDir.startsWith('--') ? `; ${corpusDir} is not one` : ''}`);
    process.exit(2);
  }
  const prepared = prepareDirCorpus(corpusDir);
  if (!prepared) {
    log(`bench: ${corpusDir} holds no Markdown file (.md, .markdown) outside .git and node_modules`);
    process.exit(2);
  }
  dirCorpus = prepared;
}

if (spawnSync('/usr/bin/time', ['-V'], { stdio: 'ignore' }).error) {
  log('bench: /usr/bin/time is missing; install Debian\'s "time" package (apt-get install time)');
  process.exit(2);
}

const date = new Date().toISOString().slice(0, 10);
const run = {
  date,
  quick,
  ...(onlyCorpus ? { corpus: onlyCorpus } : {}),
  ...(dirCorpus ? { corpus: dirCorpus.corpus.name, corpusDir: basename(resolve(corpusDir)) } : {}),
  node: process.version,
  machine: `${process.arch}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
};

if (!dirCorpus && (only === null || only === 'engine')) {
  log('engine and pipeline, in process:');
  run.engine = await runEngine({ root, quick, log: (l) => log(`  ${l}`) });
  for (const f of readdirSync(join(root, 'bench')).filter((n) => n.endsWith('.bench.js')).sort()) {
    log(`${f}:`);
    const mod = await import(pathToFileURL(join(root, 'bench', f)).href);
    run[f.replace(/\.bench\.js$/u, '')] = await mod.run({ root, quick, log: (l) => log(`  ${l}`) });
  }
}

if (only === null || only === 'compare') {
  log('corpora:');
  let base;
  let corpora;
  if (dirCorpus) {
    ({ base } = dirCorpus);
    corpora = [dirCorpus.corpus];
  } else {
    const prepared = prepareCorpora({ root, quick, log: (l) => log(`  ${l}`) });
    ({ base } = prepared);
    corpora = prepared.corpora.filter((c) => onlyCorpus === null || c.name === onlyCorpus);
    if (prepared.corpora.map((c) => c.name).join() !== CORPUS_NAMES.join()) throw new Error('bench: CORPUS_NAMES in bench/corpora.js no longer names the corpora it prepares');
  }
  for (const c of corpora) log(`  ${describe(c)}`);
  const pkgs = corpora.find((c) => c.name === 'packages');
  if (pkgs && !quick && (pkgs.files.length < 3000 || pkgs.bytes < 20e6)) log('  warning: the packages corpus is under 3,000 files or 20 MB');
  log('comparison (tools take turns in each round):');
  run.corpora = corpora.map((c) => ({ name: c.name, files: c.files.length, bytes: c.bytes, note: c.note }));
  const scratch = join(base, 'scratch');
  const floor = corpora.some((c) => c.name === 'roadmap') ? await prepareParseFloor({ root, scratch }) : undefined;
  run.comparison = compare({ root, corpora, scratch, quick, log, bigRounds, compareThreads, floor });
  run.goals = goals(run.comparison);
}

const dir = join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const name = [date, quick ? 'quick' : null, onlyCorpus, dirCorpus?.corpus.name].filter(Boolean).join('-');
writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
if (run.comparison) {
  const md = summary(run);
  writeFileSync(join(dir, `${name}.md`), `# Benchmark ${name}\n\n${md}`);
  process.stdout.write(md);
  if (!quick && onlyCorpus === null && !dirCorpus) {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = '<!-- benchmarks:start -->';
    const end = '<!-- benchmarks:end -->';
    const a = readme.indexOf(start);
    const b = readme.indexOf(end);
    if (a >= 0 && b > a) {
      writeFileSync(join(root, 'README.md'), `${readme.slice(0, a + start.length)}\n${md}${readme.slice(b)}`);
      log('README.md: benchmark summary updated');
    }
  }
}
log(`written to bench/results/${name}.json${run.comparison ? ` and ${name}.md` : ''}`);
