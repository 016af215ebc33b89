/**
 * What must hold for any document, checked by the fuzz test and `npm run fuzz`: the whole pipeline
 * (parse, lint, --fix, build outputs) on one text. Returns the broken invariants, or [] when all
 * hold; an exception other than a refusal of the input is itself a broken invariant.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Nodes } from 'mdast';
import { isDeepStrictEqual } from 'node:util';
import {
  emitCsv,
  emitJson,
  emitMarkdown,
  fixText,
  InputError,
  processRoadmap,
  validateRoadmap,
  type Finding,
  type ProcessedDocument,
} from '../../src/index.js';
import { lintDocument } from '../../src/lint/run.js';
import { resolveRuleSettings } from '../../src/lint/settings.js';
import { walkTree } from '../../src/model/walk.js';
import { RULES } from '../../src/rules/index.js';
import { parseMarkdown, parseWhole } from '../../src/pipeline/parse.js';

/** C0 controls other than tab, LF and CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const controls = (text: string): number => text.match(CONTROL)?.length ?? 0;

function linksByLine(doc: ProcessedDocument): Map<number, number> {
  const lines = new Map<number, number>();
  walkTree(doc.tree, (node: Nodes) => {
    if (node.type === 'link' || node.type === 'linkReference') {
      const line = node.position?.start.line ?? 0;
      lines.set(line, (lines.get(line) ?? 0) + 1);
    }
  });
  return lines;
}

/** Model entries (resources and internal links) per source line. */
function modelByLine(doc: ProcessedDocument): Map<number, number> {
  const lines = new Map<number, number>();
  const add = (line: number) => lines.set(line, (lines.get(line) ?? 0) + 1);
  for (const s of doc.roadmap.sections) {
    for (const g of s.groups) {
      for (const r of g.resources) {
        add(r.line);
        for (const d of r.descriptionLinks) add(d.line);
      }
    }
  }
  for (const l of doc.roadmap.internalLinks) add(l.line);
  return lines;
}

const SETTINGS = resolveRuleSettings(RULES, []);

const model = (doc: ProcessedDocument) => {
  const json = JSON.parse(emitJson(doc)) as Record<string, unknown>;
  return json;
};

export type Invariant =
  | 'no-exception'
  | 'piecewise-parse'
  | 'json-valid'
  | 'links-accounted'
  | 'fix-in-span'
  | 'fix-no-control'
  | 'fix-idempotent'
  | 'cleaned-reparse'
  | 'csv-rows';

export interface Broken {
  invariant: Invariant;
  detail: string;
}

export async function checkDocument(text: string, path = 'fuzz.md'): Promise<Broken[]> {
  const broken: Broken[] = [];
  const fail = (invariant: Invariant, detail: string) => broken.push({ invariant, detail });
  let doc: ProcessedDocument;
  try {
    doc = processRoadmap(text, { path });
  } catch (error) {
    if (error instanceof InputError) return [];
    return [{ invariant: 'no-exception', detail: `process threw: ${(error as Error).stack ?? String(error)}` }];
  }
  try {
    // The piecewise parse is the whole parse.
    const body = doc.source;
    if (!isDeepStrictEqual(parseMarkdown(body, { minPiece: 1 }), parseWhole(body))) fail('piecewise-parse', 'piecewise and whole parses differ');

    // The JSON validates.
    const errors = validateRoadmap(model(doc) as never);
    if (errors.length > 0) fail('json-valid', JSON.stringify(errors[0]));

    // Every link is in the model exactly once, or reported, or filed by extraction as a link
    // outside the lists (stray-link judges which of those to report). Inline
    // comments may switch reports off, so this is judged with them made inert (same length: lines
    // and columns stay).
    const findings: Finding[] = await lintDocument(doc, { rules: RULES, settings: SETTINGS });
    const inert = doc.source.includes('roadmap-lint-') ? processRoadmap(doc.source.replaceAll('roadmap-lint-', 'roadmap-lint_'), { path }) : doc;
    const unsuppressed = inert === doc ? findings : await lintDocument(inert, { rules: RULES, settings: SETTINGS });
    const reportedLines = new Set(unsuppressed.map((f) => f.start.line));
    for (const issue of doc.extraction.issues) if (issue.ruleId === 'stray-link') reportedLines.add(issue.node.position?.start.line ?? 0);
    const links = linksByLine(doc);
    const entries = modelByLine(doc);
    for (const [line, n] of entries) {
      if (n > (links.get(line) ?? 0)) fail('links-accounted', `line ${line}: ${n} model entries for ${links.get(line) ?? 0} links`);
    }
    for (const [line, n] of links) {
      if ((entries.get(line) ?? 0) < n && !reportedLines.has(line)) fail('links-accounted', `line ${line}: a link is neither in the model nor reported`);
    }

    // Each fix edits only inside its finding's span.
    for (const f of findings) {
      for (const e of f.fix?.edits ?? []) {
        if (e.offset < f.start.offset || e.offset + e.deleteCount > Math.max(f.end.offset, f.start.offset)) {
          fail('fix-in-span', `${f.ruleId} at ${f.start.line}:${f.start.column}`);
        }
      }
    }

    // --fix: no new control characters, and a second run changes nothing.
    const fixed = findings.some((f) => f.fix) ? await fixText(text, { path }) : { output: text };
    if (controls(fixed.output) > controls(text)) fail('fix-no-control', '--fix wrote a control character');
    if (fixed.output !== text) {
      const again = await fixText(fixed.output, { path });
      if (again.output !== fixed.output) fail('fix-idempotent', 'a second --fix changed the text again');
    }

    // The cleaned Markdown reparses to the same model.
    const cleaned = emitMarkdown(doc);
    if (controls(cleaned) > controls(text)) fail('fix-no-control', 'the cleaned Markdown has a control character the source had not');
    let reparsed: ProcessedDocument | null = null;
    try {
      reparsed = processRoadmap(cleaned, { path });
    } catch (error) {
      fail('cleaned-reparse', `the cleaned Markdown does not process: ${(error as Error).message}`);
    }
    if (reparsed && emitJson(reparsed) !== emitJson(doc)) fail('cleaned-reparse', 'the cleaned Markdown gives a different model');

    // The CSV parses back to the model's rows.
    const rows = parseCsv(emitCsv(doc), { columns: true, bom: true }) as Record<string, string>[];
    const resources = doc.roadmap.sections.flatMap((s) => s.groups.flatMap((g) => g.resources));
    if (rows.length !== resources.length) fail('csv-rows', `CSV has ${rows.length} rows for ${resources.length} resources`);
    const same = (cell: string | undefined, value: string) =>
      cell !== undefined && (cell === value || (cell.endsWith(value) && cell.length - value.length <= 2));
    resources.forEach((r, i) => {
      const row = rows[i];
      if (!row) return;
      if (!same(row['url'], r.url) || !same(row['title'], r.title) || row['line'] !== String(r.line)) {
        fail('csv-rows', `row ${i + 1} does not match resource ${JSON.stringify(r.title)}`);
      }
    });
  } catch (error) {
    fail('no-exception', `threw: ${(error as Error).stack ?? String(error)}`);
  }
  return broken;
}
