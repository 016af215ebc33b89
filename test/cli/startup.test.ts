// Start-up: the command line ships as one bundled file with a V8 code cache, and loads nothing a
// command does not use. Which modules load is observed on the unbundled build (build/cli/run.js),
// whose import graph the bundle keeps (esbuild evaluates a module reached by import() on first use).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const UNBUNDLED = join(ROOT, 'build/cli/run.js');

/** The project's own modules (build/…) that a run of the unbundled CLI loads, in load order. */
function loadedModules(args: string[]): { modules: string[]; stdout: string } {
  const dir = tempDir();
  const hook = join(dir, 'hook.mjs');
  const body = 'import{writeSync}from"node:fs";export async function load(u,c,n){if(u.startsWith("file:"))writeSync(2,"LOADED "+u+"\\n");return n(u,c)}';
  writeFileSync(hook, `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(body)}));\n`);
  const r = spawnSync(process.execPath, ['--import', hook, UNBUNDLED, ...args], { cwd: ROOT, encoding: 'utf8' });
  const modules = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length))
    .filter((u) => u.includes('/build/'))
    .map((u) => u.slice(u.indexOf('/build/') + '/build/'.length));
  return { modules, stdout: r.stdout };
}

describe('start-up', () => {
  it('--version and --help load no stage: only the entry, the argument parser and the version', () => {
    for (const flag of ['--version', '--help']) {
      const { modules, stdout } = loadedModules([flag]);
      expect(stdout.length).toBeGreaterThan(0);
      expect(modules.sort()).toEqual(['cli/main.js', 'cli/run.js', 'cli/worker-flag.js', 'version.js']);
    }
  });

  it('a usage error loads no stage either', () => {
    expect(loadedModules(['frobnicate']).modules.sort()).toEqual(['cli/main.js', 'cli/run.js', 'cli/worker-flag.js', 'version.js']);
  });

  it('lint loads the stages it needs (parse, rules, report)', () => {
    const { modules } = loadedModules(['lint', 'content/backend-roadmap.md', '--format', 'compact']);
    for (const m of ['pipeline/parse.js', 'lint/run.js', 'cli/lint.js', 'report/compact.js']) expect(modules).toContain(m);
    expect(modules).not.toContain('cli/build.js');
    // One report format per run: the others, SARIF's rule table among them, stay unloaded.
    for (const m of ['report/sarif.js', 'report/stylish.js', 'report/json.js', 'report/github.js']) expect(modules).not.toContain(m);
    // Outputs and the link checker belong to other commands and flags.
    for (const m of ['emit/csv.js', 'emit/markdown.js', 'links/index.js']) expect(modules).not.toContain(m);
  });

  it('a lint of one file loads no Node module it does not use: no worker threads, no hashing, no second picomatch', () => {
    // The bundled command, observed through Node's own list of the built-in modules it loaded and
    // the CommonJS files it compiled outside the bundle.
    const dir = tempDir();
    const probe = join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `const M = require('node:module');\nconst files = [];\nconst compile = M.prototype._compile;\nM.prototype._compile = function (c, f) { files.push(f); return compile.apply(this, arguments); };\nprocess.on('exit', () => require('node:fs').writeSync(2, 'PROBE ' + JSON.stringify({ builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)), files }) + '\\n'));\n`,
    );
    const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin/roadmap.js'), 'lint', 'content/backend-roadmap.md'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.startsWith('PROBE '));
    const { builtins, files } = JSON.parse(line!.slice('PROBE '.length)) as { builtins: string[]; files: string[] };
    for (const m of ['worker_threads', 'crypto', 'child_process', 'dns', 'zlib']) expect(builtins).not.toContain(m);
    // Only the command and the bundle are compiled: every dependency it uses is inside the bundle.
    expect(files.map((f) => f.slice(ROOT.length + 1).split('\\').join('/')).filter((f) => f !== 'bin/roadmap.js')).toEqual([]);
  });

  it('ships one bundled file with a code cache this Node accepts', () => {
    const bundle = join(ROOT, 'build/roadmap.cjs');
    const cache = join(ROOT, 'build/roadmap.v8cache');
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(cache)).toBe(true);
    expect(readFileSync(join(ROOT, 'bin/roadmap.js'), 'utf8')).toContain("join(__dirname, '..', 'build', 'roadmap.cjs')");
    // The command itself is CommonJS, which Node starts sooner than a module.
    expect(JSON.parse(readFileSync(join(ROOT, 'bin/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const source = readFileSync(bundle, 'utf8').replace(/^#!.*/u, '');
    // ASCII, as the command reads it (latin1).
    expect(/[^\x00-\x7f]/u.test(source)).toBe(false);
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: bundle,
      cachedData: readFileSync(cache),
    });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('the bundle reports exactly what the unbundled build reports', () => {
    const args = ['lint', 'content/backend-roadmap.md', '--format', 'json'];
    const bundled = cli(args);
    const plain = spawnSync(process.execPath, [UNBUNDLED, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(bundled.code).toBe(plain.status);
    expect(bundled.stdout).toBe(plain.stdout);
    expect(JSON.parse(bundled.stdout).summary.errors).toBeGreaterThan(0);
  });
});
