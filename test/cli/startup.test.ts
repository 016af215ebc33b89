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
      expect(modules).toEqual(['cli/run.js', 'cli/main.js', 'version.js']);
    }
  });

  it('a usage error loads no stage either', () => {
    expect(loadedModules(['frobnicate']).modules).toEqual(['cli/run.js', 'cli/main.js', 'version.js']);
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

  it('ships one bundled file with a code cache this Node accepts', () => {
    const bundle = join(ROOT, 'build/roadmap.cjs');
    const cache = join(ROOT, 'build/roadmap.v8cache');
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(cache)).toBe(true);
    expect(readFileSync(join(ROOT, 'bin/roadmap.js'), 'utf8')).toContain("join(__dirname, '..', 'build', 'roadmap.cjs')");
    // The command itself is CommonJS, which Node starts sooner than a module.
    expect(JSON.parse(readFileSync(join(ROOT, 'bin/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const source = readFileSync(bundle, 'utf8').replace(/^#!.*/u, '');
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
