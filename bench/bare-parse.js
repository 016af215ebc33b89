// The floor the comparison measures against: remark-parse alone, in one thread, over the same
// files, keeping nothing. Usage: node bench/bare-parse.js <file|directory>…
// Prints {"files": n, "nodes": n} on stdout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const MARKDOWN = /\.(md|markdown)$/iu;
const files = [];
for (const arg of process.argv.slice(2)) {
  if (statSync(arg).isDirectory()) {
    for (const name of readdirSync(arg).sort()) if (MARKDOWN.test(name)) files.push(join(arg, name));
  } else {
    files.push(arg);
  }
}
const processor = unified().use(remarkParse);
let nodes = 0;
for (const f of files) nodes += processor.parse(readFileSync(f, 'utf8')).children.length;
process.stdout.write(`${JSON.stringify({ files: files.length, nodes })}\n`);
