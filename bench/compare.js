// This tool beside markdownlint-cli2, remark-cli with remark-preset-lint-recommended, and a bare
// single-threaded remark-parse run, on the same files in the same run, taking turns (A B A B).
// Every run goes through /usr/bin/time -v (peak RSS) and coreutils' timeout; wall time is Node's
// clock around the process. A run counts only if it ended with exit 0 or 1 and reported every
// file: a crashed, killed or incomplete run is recorded as failed, never as fast.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => (xs.length === 0 ? null : { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), samples: xs });

/** Files a `roadmap lint --format json` run reported: its results, plus the input errors on stderr. */
function roadmapReported(stdout, stderr) {
  const files = new Set();
  try {
    for (const r of JSON.parse(stdout).results) files.add(r.file);
  } catch {
    return null;
  }
  for (const line of stderr.split('\n')) {
    const m = /^roadmap: (.+?\.(?:md|markdown))(?::\d+)?: /iu.exec(line);
    if (m) files.add(m[1]);
  }
  return files;
}

/** Files remark-cli reported: each file's heading line on stderr ("file.md" or "file.md: no issues found"). */
function remarkReported(stderr) {
  const files = new Set();
  for (const line of stderr.split('\n')) {
    const m = /^(\S.*?\.(?:md|markdown))(?:: no issues found)?$/iu.exec(line.replace(/\x1b\[[0-9;]*m/gu, ''));
    if (m) files.add(m[1]);
  }
  return files;
}

function checkSet(reported, expected) {
  if (!reported) return 'its report could not be read';
  const missing = expected.filter((f) => !reported.has(f));
  return missing.length === 0 ? null : `did not report ${missing.length} of ${expected.length} files (first: ${missing[0]})`;
}

/** The start-up floor's name in the results (bench/parse-floor.js). */
export const FLOOR = 'remark-parse alone, bundled';

/**
 * Bundle bench/parse-floor.js as scripts/bundle.js bundles the CLI (one minified CommonJS file,
 * ASCII, with the same micromark changes from scripts/parser-patches.js), and make its code cache
 * with one untimed run, as the build makes the CLI's. Returns the files toolsFor runs.
 */
export async function prepareParseFloor({ root, scratch }) {
  const { build } = await import('esbuild');
  const { parserPatches } = await import(pathToFileURL(join(root, 'scripts/parser-patches.js')).href);
  mkdirSync(scratch, { recursive: true });
  const bundle = join(scratch, 'parse-floor.cjs');
  const cache = join(scratch, 'parse-floor.v8cache');
  await build({ entryPoints: [join(root, 'bench/parse-floor.js')], bundle: true, platform: 'node', format: 'cjs', target: 'node20.19', minify: true, charset: 'ascii', outfile: bundle, plugins: [parserPatches], logLevel: 'error' });
  rmSync(cache, { force: true });
  const made = spawnSync(process.execPath, [join(root, 'bench/cached-run.cjs'), bundle, cache, join(root, 'content/backend-roadmap.md')], { encoding: 'utf8' });
  if (made.status !== 0 || !existsSync(cache)) throw new Error(`bench: the parse floor did not run: ${made.stderr}`);
  return { bundle, cache };
}

/** The tools, as commands for one corpus. */
export function toolsFor(corpus, { root, scratch, floor }) {
  const node = process.execPath;
  const single = corpus.files.length === 1;
  const targets = single ? corpus.files : ['.'];
  const roadmap = join(root, 'bin/roadmap.js');
  const config = corpus.config ? [] : ['--no-config'];
  const mdl = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const remark = join(root, 'node_modules/remark-cli/cli.js');
  const preset = require.resolve('remark-preset-lint-recommended', { paths: [root] });
  const expectedRoadmap = corpus.files;
  const tools = [
    {
      name: 'roadmap lint',
      argv: [node, roadmap, 'lint', ...config, '--format', 'json', ...targets],
      check: (out, err) => checkSet(roadmapReported(out, err), expectedRoadmap),
    },
    {
      name: 'markdownlint-cli2',
      argv: [node, mdl, ...(single ? corpus.files : ['**/*.{md,markdown}'])],
      check: (out, err) => {
        const m = /Linting: (\d+) file/u.exec(out + err);
        return m && Number(m[1]) === corpus.files.length ? null : `reported ${m ? m[1] : 'no'} files of ${corpus.files.length}`;
      },
    },
    {
      name: 'remark-cli',
      argv: [node, remark, '--no-config', '--no-ignore', '--no-stdout', '--no-color', '--use', preset, ...targets],
      check: (_out, err) => checkSet(remarkReported(err), corpus.files),
    },
    {
      name: 'bare remark-parse',
      argv: [node, join(root, 'bench/bare-parse.js'), ...targets],
      check: (out) => {
        try {
          return JSON.parse(out).files === corpus.files.length ? null : 'parsed the wrong number of files';
        } catch {
          return 'printed no count';
        }
      },
    },
  ];
  if (corpus.name === 'roadmap') {
    tools.push(
      { name: "node -e ''", argv: [node, '-e', ''], check: () => null },
      ...(floor ? [{
        name: FLOOR,
        argv: [node, join(root, 'bench/cached-run.cjs'), floor.bundle, floor.cache, ...corpus.files],
        check: (out, err) => (err.includes('rejected') ? err.trim() : /^\{"files":1,/u.test(out) ? null : 'printed no count'),
      }] : []),
      { name: 'roadmap --version', argv: [node, roadmap, '--version'], check: (out) => (/^\d+\.\d+\.\d+/u.test(out) ? null : 'printed no version') },
    );
  }
  if (corpus.name === 'large' || corpus.name === 'roadmap') {
    // Files without an H1 are input errors, and build writes nothing then (most package documents
    // and the shared lists have none): compare build with lint on the corpora whose files build.
    const out = join(scratch, `dist-${corpus.name}`);
    tools.push({
      name: 'roadmap build',
      argv: [node, roadmap, 'build', ...config, '--format', 'json', '--out', out, ...targets],
      before: () => rmSync(out, { recursive: true, force: true }),
      check: (o, e) => checkSet(roadmapReported(o, e), expectedRoadmap) ?? (existsSync(join(out, 'index.json')) ? null : 'wrote no outputs'),
    });
  }
  if (corpus.name === 'packages' && corpus.supportsCache) {
    const cacheFile = join(scratch, 'roadmap-cache.json');
    const argv = [node, roadmap, 'lint', ...config, '--format', 'json', '--cache', '--cache-location', cacheFile, ...targets];
    tools.push(
      { name: 'roadmap lint --cache (cold)', argv, before: () => rmSync(cacheFile, { force: true }), check: (o, e) => checkSet(roadmapReported(o, e), expectedRoadmap) },
      { name: 'roadmap lint --cache (warm)', argv, check: (o, e) => checkSet(roadmapReported(o, e), expectedRoadmap) },
    );
  }
  if (corpus.supportsThreads && !single && corpus.compareThreads) {
    tools.push({
      name: 'roadmap lint, one thread',
      argv: [node, roadmap, 'lint', ...config, '--format', 'json', '--threads', '1', ...targets],
      check: (out, err) => checkSet(roadmapReported(out, err), expectedRoadmap),
    });
  }
  return tools;
}

/** Run one command under /usr/bin/time -v and timeout; returns the sample or the failure. */
function timeOne(tool, cwd, scratch, timeoutSeconds) {
  tool.before?.();
  const timeFile = join(scratch, 'time.txt');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, 'timeout', '-k', '5', String(timeoutSeconds), ...tool.argv], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const ms = performance.now() - t0;
  const timeReport = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(timeReport);
  const code = r.status;
  let failure = null;
  if (code === 124 || code === 137) failure = `killed after the ${timeoutSeconds} s limit`;
  else if (code !== 0 && code !== 1) failure = `exit ${code}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
  else failure = tool.check(r.stdout ?? '', r.stderr ?? '', code);
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : null, code, failure };
}

/** Measure every tool on every corpus, taking turns within each round. */
export function compare({ root, corpora, scratch, quick, log, bigRounds, compareThreads, floor }) {
  mkdirSync(scratch, { recursive: true });
  const help = spawnSync(process.execPath, [join(root, 'bin/roadmap.js'), '--help'], { encoding: 'utf8' }).stdout ?? '';
  const results = [];
  for (const corpus of corpora) {
    corpus.supportsCache = help.includes('--cache');
    corpus.supportsThreads = help.includes('--threads');
    corpus.compareThreads = compareThreads;
    const big = corpus.name === 'packages' || corpus.name === 'large';
    const rounds = quick ? (corpus.name === 'roadmap' ? 5 : corpus.name === 'large' ? 1 : 2) : big && bigRounds ? bigRounds : corpus.name === 'roadmap' ? 15 : corpus.name === 'lists' ? 5 : 3;
    const timeout = quick ? 120 : 600;
    const tools = toolsFor(corpus, { root, scratch, floor });
    // Warm the page cache with one untimed bare parse.
    spawnSync(tools.at(3).argv[0], tools.at(3).argv.slice(1), { cwd: corpus.cwd, stdio: 'ignore' });
    const samples = new Map(tools.map((t) => [t.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const tool of tools) {
        const s = timeOne(tool, corpus.cwd, scratch, timeout);
        samples.get(tool.name).push(s);
        if (s.failure) log(`  ${corpus.name} / ${tool.name}: FAILED (${s.failure})`);
      }
      log(`  ${corpus.name}: round ${round + 1}/${rounds} done`);
    }
    const byTool = {};
    for (const tool of tools) {
      const ss = samples.get(tool.name);
      const ok = ss.filter((s) => !s.failure);
      byTool[tool.name] = {
        // Paths of this machine stay out of the results: the project is ".", the scratch space $TMPDIR.
        command: tool.argv.slice(1).map((a) => a.replace(root, '.').replace(tmpdir(), '$TMPDIR')).join(' '),
        runs: ss.length,
        ok: ok.length,
        failures: [...new Set(ss.filter((s) => s.failure).map((s) => s.failure))],
        exitCodes: [...new Set(ss.map((s) => s.code))],
        // A tool with any failed run has no time: a crash is never a fast run.
        wallMs: ok.length === ss.length ? stats(ok.map((s) => +s.ms.toFixed(1))) : null,
        peakRssMiB: ok.length === ss.length ? stats(ok.map((s) => +(s.rssMiB ?? 0).toFixed(1))) : null,
      };
    }
    results.push({ corpus: corpus.name, files: corpus.files.length, bytes: corpus.bytes, note: corpus.note, rounds, tools: byTool });
  }
  return results;
}

const ratio = (a, b) => (a && b ? +(a.median / b.median).toFixed(2) : null);

/** The figures the performance goals are stated in, each a ratio within this run. */
export function goals(results) {
  const get = (corpus, tool) => results.find((r) => r.corpus === corpus)?.tools[tool];
  const out = [];
  const add = (what, corpus, a, b, field, limit) => {
    if (!results.some((r) => r.corpus === corpus)) return;
    const x = get(corpus, a)?.[field];
    const y = get(corpus, b)?.[field];
    const value = ratio(x, y);
    out.push({ what, corpus, of: a, to: b, measure: field === 'wallMs' ? 'wall time' : 'peak RSS', limit, value, met: value === null ? null : value <= limit });
  };
  add('cold start vs markdownlint-cli2', 'roadmap', 'roadmap lint', 'markdownlint-cli2', 'wallMs', 0.35);
  add("cold start vs node -e ''", 'roadmap', 'roadmap lint', "node -e ''", 'wallMs', 2.2);
  add('many small files vs markdownlint-cli2', 'packages', 'roadmap lint', 'markdownlint-cli2', 'wallMs', 0.6);
  add('many small files vs the bare parse', 'packages', 'roadmap lint', 'bare remark-parse', 'wallMs', 1.0);
  add('second run with --cache vs the first', 'packages', 'roadmap lint --cache (warm)', 'roadmap lint --cache (cold)', 'wallMs', 0.15);
  add('one large file vs the bare parse', 'large', 'roadmap lint', 'bare remark-parse', 'wallMs', 1.3);
  add('one large file vs the bare parse', 'large', 'roadmap lint', 'bare remark-parse', 'peakRssMiB', 1.2);
  add('build vs lint (large file)', 'large', 'roadmap build', 'roadmap lint', 'wallMs', 1.3);
  add('build vs lint (large file)', 'large', 'roadmap build', 'roadmap lint', 'peakRssMiB', 1.3);
  add('build vs lint (roadmap)', 'roadmap', 'roadmap build', 'roadmap lint', 'wallMs', 1.3);
  return out;
}

const room = (ms) => (ms >= 0.5 ? `${ms.toFixed(0)} ms left` : `${(-ms).toFixed(0)} ms short before anything`);
const fmtMs = (s) => (s.median >= 1000 ? `${(s.median / 1000).toFixed(2)} s (${(s.min / 1000).toFixed(2)}–${(s.max / 1000).toFixed(2)})` : `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`);
const fmtMiB = (s) => `${s.median.toFixed(0)} MiB (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;

/** The Markdown summary of a run. */
export function summary(run) {
  const lines = [];
  const selection = run.corpusDir ? ` --corpus-dir ${run.corpusDir}` : run.corpus ? ` --only compare --corpus ${run.corpus}` : '';
  lines.push(`Measured ${run.date} with \`npm run bench${run.quick || selection ? ' --' : ''}${run.quick ? ' --quick' : ''}${selection}\` on ${run.machine}, Node ${run.node}. ` +
    'Medians of whole-process runs, with the range in brackets; every tool takes its turn in each round. ' +
    '"ours ÷" is `roadmap lint`\'s median divided by the row\'s.');
  for (const r of run.comparison) {
    lines.push('', `**${r.corpus}**: ${r.files} file${r.files === 1 ? '' : 's'}, ${(r.bytes / 1e6).toFixed(2)} MB; ${r.note}; ${r.rounds} rounds.`, '');
    lines.push('| tool | runs ok | wall time | ours ÷ | peak RSS | ours ÷ |', '|---|---|---|---|---|---|');
    const ours = r.tools['roadmap lint'];
    for (const [name, t] of Object.entries(r.tools)) {
      if (!t.wallMs) {
        lines.push(`| ${name} | ${t.ok}/${t.runs} | failed: ${t.failures[0]?.replace(/\|/gu, '\\|') ?? ''} | | | |`);
        continue;
      }
      lines.push(`| ${name} | ${t.ok}/${t.runs} | ${fmtMs(t.wallMs)} | ${ratio(ours?.wallMs, t.wallMs) ?? '–'} | ${fmtMiB(t.peakRssMiB)} | ${ratio(ours?.peakRssMiB, t.peakRssMiB) ?? '–'} |`);
    }
  }
  const roadmap = run.comparison.find((r) => r.corpus === 'roadmap')?.tools;
  const floor = roadmap?.[FLOOR]?.wallMs;
  const peer = roadmap?.['markdownlint-cli2']?.wallMs;
  const bare = roadmap?.["node -e ''"]?.wallMs;
  if (floor && peer && bare) {
    lines.push('', `**Start-up floor**: a program that starts like ours (one bundle, a V8 code cache) and only parses the roadmap with remark-parse, GFM and front matter takes ${floor.median.toFixed(0)} ms, ` +
      `${ratio(floor, peer)}× markdownlint-cli2 (Node alone: ${bare.median.toFixed(0)} ms, ${ratio(bare, peer)}×). ` +
      `The cold-start goal, 0.35× markdownlint-cli2, is ${(0.35 * peer.median).toFixed(0)} ms: ${room(0.35 * peer.median - floor.median)} for everything a lint does besides that parse.`);
  }
  if (run.goals.length === 0) return `${lines.join('\n')}\n`;
  lines.push('', '**Goals** (each a ratio of medians from this run):', '', '| goal | corpus | measure | ratio | limit | met |', '|---|---|---|---|---|---|');
  for (const g of run.goals) {
    lines.push(`| ${g.of} ÷ ${g.to} | ${g.corpus} | ${g.measure} | ${g.value ?? 'not measured'} | ${g.limit} | ${g.met === null ? '–' : g.met ? 'yes' : 'no'} |`);
  }
  return `${lines.join('\n')}\n`;
}
