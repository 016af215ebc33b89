// Start a CommonJS bundle the way bin/roadmap.js starts the CLI: read it as latin1 (bundles here
// are ASCII), compile it with a V8 code cache, run it. Without the cache file it writes one at
// the end of the run, from what that run compiled.
// Usage: node bench/cached-run.cjs <bundle.cjs> <cache file> [arguments for the bundle…]
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, resolve } = require('node:path');
const { Script } = require('node:vm');

const [, , bundleArg, cacheArg, ...rest] = process.argv;
const filename = resolve(bundleArg);
const cacheFile = resolve(cacheArg);
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'latin1')}\n})`, {
  filename,
  ...(cachedData ? { cachedData } : {}),
});
if (cachedData && script.cachedDataRejected) process.stderr.write(`cached-run: V8 rejected ${cacheArg}\n`);
if (!cachedData) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
process.argv = [process.argv[0], filename, ...rest];
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, dirname(filename));
