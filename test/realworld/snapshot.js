#!/usr/bin/env node
// npm run realworld:snapshot — lint the real-world corpus (test/realworld/corpus.js) with the built
// library and write test/realworld/snapshot.json: files, bytes, crashes (must be 0), refusals and
// findings per rule. test/realworld/realworld.test.ts compares a fresh run with it; when a change
// moves the counts on purpose, regenerate it and say why in the commit.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, installCorpusPackages, lintCorpus } from './corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.SHARED_CORPUS ?? join(root, '..', 'shared', 'corpus', 'lists');
const installed = installCorpusPackages(root, (m) => console.error(m));
const files = corpusFiles(root, { installed, shared });
const api = await import(join(root, 'build/index.js'));
const { crashList, ...snapshot } = await lintCorpus(files, api);
writeFileSync(join(root, 'test/realworld/snapshot.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
console.log(`${snapshot.files} files, ${(snapshot.bytes / 1e6).toFixed(1)} MB: ${snapshot.totalFindings} findings, ${snapshot.crashes} crashes`);
for (const c of crashList) console.log(c);
process.exitCode = snapshot.crashes === 0 ? 0 : 1;
