#!/usr/bin/env node
// npm run official-agreement -- <folder|file…> [--json] [--min <percent>]
//
// How far the official-source registry agrees with what authors mark official: every link whose
// text starts with the roadmap.sh marker @official@ is judged as the official-claim rule judges
// it (the technology from the link text first, then the document's H1), and each link the
// registry does not call official is listed with the reason. Exit 0, or 1 when --min is given and
// the agreement is below it, or 2 on a usage or I/O error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// npm runs scripts in the package folder; paths on the command line are relative to where npm was run.
const cwd = process.env.INIT_CWD ?? process.cwd();
const MARKER = /^@official@/iu;

function usage(message) {
  process.stderr.write(`official-agreement: ${message}\nusage: npm run official-agreement -- <folder|file…> [--json] [--min <percent>]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const paths = [];
let json = false;
let min = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') json = true;
  else if (a === '--min') {
    min = Number(args[++i]);
    if (!Number.isFinite(min) || min < 0 || min > 100) usage('--min needs a percentage from 0 to 100');
  } else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else paths.push(resolve(cwd, a));
}
if (paths.length === 0) usage('name at least one folder or file');

const { unified } = await import('unified');
const { default: remarkParse } = await import('remark-parse');
const { toString } = await import('mdast-util-to-string');
const { visit } = await import('unist-util-visit');
const { judgeOfficial, analyzeUrl } = await import(join(root, 'build/policy/match.js'));
const { getDefaultRegistry } = await import(join(root, 'build/policy/registry.js'));
const registry = getDefaultRegistry();

function markdownFiles(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    usage(`${path}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`);
  }
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? markdownFiles(join(path, e.name)) : /\.(md|markdown)$/iu.test(e.name) ? [join(path, e.name)] : []));
}

function reason(url, judgement) {
  const analysis = analyzeUrl(url, registry);
  if (analysis.problems.length > 0) return `the URL cannot be official (${analysis.problems.join(', ')})`;
  if (judgement.officialFor.length === 0) {
    const where = analysis.host ? registry.openAreaOf(analysis.host, new URL(url).pathname) : null;
    return where ? `${analysis.host} is a place where anyone can publish (${where}), and no registry entry names this project` : `${analysis.host} is not an official source of any technology in the registry`;
  }
  const names = (list) => list.map((t) => t.name).join(', ');
  return `${analysis.host} is official for ${names(judgement.officialFor)}, but the link is about ${names(judgement.about)}`;
}

const processor = unified().use(remarkParse);
const folders = [];
const disagreements = [];
let total = 0;
for (const path of paths) {
  const files = markdownFiles(path);
  let links = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      usage(`${file}: ${error.message}`);
    }
    const tree = processor.parse(text);
    let topic = null;
    visit(tree, 'heading', (h) => {
      if (h.depth === 1 && topic === null) topic = toString(h);
    });
    visit(tree, 'link', (link) => {
      const text = toString(link);
      if (!MARKER.test(text)) return;
      links++;
      const title = text.replace(MARKER, '').trim();
      const judgement = judgeOfficial({ url: link.url, title, label: topic }, registry);
      if (judgement.official) return;
      disagreements.push({
        file: relative(cwd, file),
        line: link.position.start.line,
        column: link.position.start.column,
        title,
        url: link.url,
        reason: reason(link.url, judgement),
      });
    });
  }
  folders.push({ path: relative(cwd, path) || '.', files: files.length, officialLinks: links });
  total += links;
}

const agreeing = total - disagreements.length;
const percent = total === 0 ? 100 : Math.round((1000 * agreeing) / total) / 10;
if (json) {
  process.stdout.write(`${JSON.stringify({ folders, officialLinks: total, agreeing, percent, disagreements }, null, 2)}\n`);
} else {
  for (const f of folders) process.stdout.write(`${f.path}: ${f.files} files, ${f.officialLinks} @official@ links\n`);
  process.stdout.write(`agreement: ${agreeing} of ${total} @official@ links are official for their technology (${percent}%)\n`);
  if (disagreements.length > 0) process.stdout.write(`disagreements (${disagreements.length}):\n`);
  for (const d of disagreements) process.stdout.write(`  ${d.file}:${d.line}:${d.column} "${d.title}" ${d.url}\n    ${d.reason}\n`);
}
process.exitCode = min !== null && percent < min ? 1 : 0;
