#!/usr/bin/env node
/**
 * The real-world report: every Markdown document under the given folders through the whole
 * pipeline (read, parse, repair, extract, validate, lint with every rule at its default), with
 * what came out of each.
 *
 *   npm run realworld -- <dir|file…> [--json]
 *
 * Per document: links in the tree, resources, description links, findings per rule, schema
 * errors, and the time it took; a document the reader refuses (binary, not UTF-8, empty) is listed
 * with its reason. --json prints the same as JSON (what test/realworld.test.ts pins).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintDocument } from '../build/lint/run.js';
import { resolveRuleSettings } from '../build/lint/settings.js';
import { processSource } from '../build/pipeline/process.js';
import { InputError, readSource } from '../build/pipeline/read.js';
import { RULES } from '../build/rules/index.js';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/iu;

function markdownFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  const out = [];
  const stack = [path];
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) stack.push(full);
      } else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(full);
    }
  }
  return out.sort();
}

/** Links in the tree, counted without recursion (a resolved reference counts as a link). */
function countLinks(tree) {
  let links = 0;
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'link' || node.type === 'linkReference') links++;
    if (node.children) for (const child of node.children) stack.push(child);
  }
  return links;
}

export async function report(paths) {
  const documents = [];
  // Every rule at its default severity and options, as with no configuration file.
  const settings = resolveRuleSettings(RULES, []);
  for (const root of paths) {
    for (const file of markdownFiles(root)) {
      const name = relative(process.cwd(), file).split('\\').join('/');
      const started = performance.now();
      let source;
      try {
        source = await readSource(file);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        documents.push({ document: name, refused: error.message, ms: Math.round(performance.now() - started) });
        continue;
      }
      const doc = processSource(source.text, { path: name, bom: source.bom });
      const findings = await lintDocument(doc, { rules: RULES, settings });
      const rules = {};
      for (const f of findings) rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
      documents.push({
        document: name,
        refused: null,
        links: countLinks(doc.tree),
        resources: doc.roadmap.counts.resources,
        descriptionLinks: doc.roadmap.counts.descriptionLinks,
        internalLinks: doc.roadmap.internalLinks.length,
        sections: doc.roadmap.counts.sections,
        titleSource: doc.roadmap.titleSource,
        schemaErrors: doc.schemaErrors.length,
        findings: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1))),
        ms: Math.round(performance.now() - started),
      });
    }
  }
  return documents;
}

function table(documents) {
  const lines = [];
  let links = 0;
  let resources = 0;
  let descriptionLinks = 0;
  let refusals = 0;
  let ms = 0;
  const totals = {};
  for (const d of documents) {
    ms += d.ms;
    if (d.refused) {
      refusals++;
      lines.push(`${d.document}\n  refused: ${d.refused} (${d.ms} ms)`);
      continue;
    }
    links += d.links;
    resources += d.resources;
    descriptionLinks += d.descriptionLinks;
    for (const [rule, n] of Object.entries(d.findings)) totals[rule] = (totals[rule] ?? 0) + n;
    const findings = Object.entries(d.findings).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
    lines.push(
      `${d.document}\n  links ${d.links}, resources ${d.resources}, description links ${d.descriptionLinks}, ` +
        `internal links ${d.internalLinks}, sections ${d.sections}, title from ${d.titleSource}` +
        `${d.schemaErrors ? `, SCHEMA ERRORS ${d.schemaErrors}` : ''}, ${d.ms} ms\n  findings: ${findings}`,
    );
  }
  const all = Object.entries(totals).sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(', ') || 'none';
  lines.push(
    `\n${documents.length} documents: links ${links}, resources ${resources}, description links ${descriptionLinks}, ` +
      `refusals ${refusals}, ${ms} ms\nfindings: ${all}`,
  );
  return lines.join('\n');
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const paths = args.filter((a) => a !== '--json');
if (paths.length === 0) {
  process.stderr.write('usage: npm run realworld -- <dir|file…> [--json]\n');
  process.exit(2);
}
for (const p of paths) {
  try {
    statSync(p);
  } catch {
    process.stderr.write(`realworld: ${p}: no such file or directory\n`);
    process.exit(2);
  }
}
const documents = await report(paths);
process.stdout.write(json ? `${JSON.stringify(documents, null, 2)}\n` : `${table(documents)}\n`);
