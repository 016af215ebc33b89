// The start-up floor for one document: the least a program can do that parses Markdown the way
// roadmap-pipeline must (remark-parse with GFM and YAML/TOML front matter, as
// src/pipeline/parse.ts sets it up) and nothing else. The bench bundles it with esbuild and starts
// it from a V8 code cache through bench/cached-run.cjs, as bin/roadmap.js starts the CLI, so the
// two differ only in what runs after the parse's share.
// Usage (bundled): node bench/cached-run.cjs <bundle> <cache> <file>…
// Prints {"files": n, "nodes": n} on stdout.
import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const files = process.argv.slice(2);
let nodes = 0;
for (const f of files) nodes += processor.parse(readFileSync(f, 'utf8')).children.length;
process.stdout.write(`${JSON.stringify({ files: files.length, nodes })}\n`);
