#!/usr/bin/env node
// The command line, bundled into one CommonJS file by scripts/bundle.js (npm run build) and
// compiled here with the V8 code cache made at build time, when this Node accepts it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const filename = fileURLToPath(new URL('../build/roadmap.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('../build/roadmap.v8cache', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'utf8').replace(/^#!.*/u, '')}\n})`, {
  filename,
  ...(cachedData ? { cachedData } : {}),
});
const writeCache = process.env.ROADMAP_WRITE_CODE_CACHE;
if (writeCache) process.once('exit', () => writeFileSync(writeCache, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
