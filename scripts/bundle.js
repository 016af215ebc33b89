#!/usr/bin/env node
// Bundle the command line into one file, build/roadmap.cjs, with esbuild (run by `npm run build`
// after tsc). Node then reads one file instead of resolving and loading some 300 modules on every
// start; modules the CLI imports with import() stay lazy inside the bundle (esbuild wraps them and
// evaluates them on first use), so `--version` and `--help` run no stage.
//
// The bundle is a CommonJS script so that bin/roadmap.js can compile it with V8's code cache:
// after bundling, one lint run of content/backend-roadmap.md (the default format, with the
// configuration it finds) records the compiled code of what a run uses in build/roadmap.v8cache. Compiling half a megabyte of JavaScript was the largest single
// cost of a start; with the cache V8 skips it. A cache V8 rejects (another Node version) is ignored.
//
// Two source patterns need care in one file:
// - `import.meta.url` means the source file's own place (version.ts finds package.json from it,
//   rules/options-schema.ts the config schema); in the bundle it is rewritten to the URL that file
//   has in build/, next to the bundle.
// - the generated validators call require() for ajv's runtime helpers through createRequire; that
//   local require is dropped so esbuild bundles the helpers.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parserPatches } from './parser-patches.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** @type {import('esbuild').Plugin} */
const sourcePlaces = {
  name: 'source-places',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      const rel = relative(src, args.path).split('\\').join('/').replace(/\.ts$/u, '.js');
      if (text.includes('import.meta.url')) {
        text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, __roadmapBundleUrl).href`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

/**
 * micromark-extension-gfm-table's EditMap is not exported; src/pipeline/table-fix.ts patches its
 * quadratic `add`. Inside the bundle the class is left under a global symbol for it to find.
 * @type {import('esbuild').Plugin}
 */
const tableEditMap = {
  name: 'gfm-table-edit-map',
  setup(b) {
    b.onLoad({ filter: /micromark-extension-gfm-table[\\/]lib[\\/]edit-map\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: `${text}\nglobalThis[Symbol.for('roadmap-pipeline:gfm-table-edit-map')] = EditMap;\n`, loader: 'js' };
    });
  },
};

/**
 * fdir (tinyglobby's directory walker) loads picomatch through a require of its own, made with
 * createRequire, which esbuild cannot follow: Node then resolved and compiled a second picomatch
 * from node_modules, outside the bundle and its code cache, whenever fdir loaded. A plain require
 * lets esbuild bundle it (the same copy tinyglobby uses).
 * @type {import('esbuild').Plugin}
 */
const fdirPicomatch = {
  name: 'fdir-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const patched = text.replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/u, 'pm = require("picomatch");');
      if (patched === text) throw new Error(`fdir-picomatch: the picomatch require in ${args.path} has changed; update scripts/bundle.js`);
      return { contents: patched, loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(src, 'cli/run.ts')],
  outfile: join(root, 'build/roadmap.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  // import() of a bundled module becomes a lazy require inside the bundle; none is left for vm.Script.
  supported: { 'dynamic-import': false },
  // Dependencies' own import.meta.url (fdir makes a require with it): the bundle's URL.
  define: { 'import.meta.url': '__roadmapBundleUrl' },
  banner: { js: "const __roadmapBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [sourcePlaces, tableEditMap, fdirPicomatch, parserPatches],
  // undici (the link checker's HTTP client) stays a runtime dependency: it is needed only with
  // --links, and bundled it would double the file every start reads.
  external: ['undici'],
  legalComments: 'none',
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
  metafile: process.argv.includes('--metafile'),
}).then(async (result) => {
  if (result.metafile) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(root, 'build/roadmap.meta.json'), JSON.stringify(result.metafile));
  }
});

// ASCII only, so that bin/roadmap.js can read the bundle as latin1, a copy with no decoding
// (UTF-8 decoding of the file was a millisecond of every start). esbuild escapes strings and
// templates itself but leaves characters in regular expression literals ("–—" in separator
// classes); a \u escape means the same there, with or without the u flag.
{
  const out = join(root, 'build/roadmap.cjs');
  const text = await readFile(out, 'utf8');
  if (/String\.raw/u.test(text) && /[^\x00-\x7f]/u.test(text)) throw new Error('bundle: String.raw and non-ASCII text in one bundle; escaping could change a raw string');
  const ascii = text.replace(/[^\x00-\x7f]/gu, (ch) => [...ch].map((c) => c.charCodeAt(0)).map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join(''));
  await writeFile(out, ascii);
}

// The code caches: written by bin/roadmap.js at the end of a run when ROADMAP_WRITE_CODE_CACHE is set.
// - roadmap.v8cache, from the run a pre-commit hook makes: the default report format, with the
//   configuration it finds;
// - roadmap-worker.v8cache, for pool workers: V8 takes a cache only under the flags it was made
//   with, so it comes from the same run under the workers' flags (src/cli/pool.ts), which compiles
//   what a worker runs (reading, parsing, the rules).
const { WORKER_V8_FLAGS } = await import('../build/cli/pool.js');
const sample = join(root, 'content/backend-roadmap.md');
for (const [name, flags] of [
  ['roadmap.v8cache', []],
  ['roadmap-worker.v8cache', WORKER_V8_FLAGS],
]) {
  const cache = join(root, 'build', name);
  await rm(cache, { force: true });
  if (!existsSync(sample)) continue;
  spawnSync(process.execPath, [...flags, join(root, 'bin/roadmap.js'), 'lint', sample], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, ROADMAP_WRITE_CODE_CACHE: cache },
  });
}
