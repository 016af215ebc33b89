#!/usr/bin/env node
// The command line, bundled into one CommonJS file by scripts/bundle.js (npm run build) and
// compiled here with the V8 code cache made at build time, when this Node accepts it.
// CommonJS itself (bin/package.json says so): Node starts a CommonJS entry sooner than a module.
// The bundle is ASCII (scripts/bundle.js makes sure), so it is read as latin1: no decoding.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const filename = join(__dirname, '..', 'build', 'roadmap.cjs');
// A pool worker (src/cli/pool.ts, src/cli/worker-flag.ts) runs under V8 flags of its own, and V8
// takes only a cache made under the same flags: workers have theirs.
const cacheFile = join(__dirname, '..', 'build', process.argv[2] === '--roadmap-pool-worker' ? 'roadmap-worker.v8cache' : 'roadmap.v8cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'latin1').replace(/^#!.*/u, '')}\n})`, {
  filename,
  ...(cachedData ? { cachedData } : {}),
});
const writeCache = process.env.ROADMAP_WRITE_CODE_CACHE;
if (writeCache) process.once('exit', () => writeFileSync(writeCache, script.createCachedData()));
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, dirname(filename));
