/**
 * A hang detector for every regular expression in src/: each one runs on adversarial inputs of
 * about 50 KB built from its own characters (long runs, alternations of two characters, a near
 * match followed by a character that breaks it). An expression with catastrophic backtracking
 * takes seconds to minutes on such input; a linear one takes well under a millisecond. The bound
 * is generous on purpose: this test finds hangs, it does not measure speed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BOUND_MS = 2_000;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every regular expression literal in src/ (generated validators aside: their patterns come from schema/, tested below). */
function literals(): { where: string; re: RegExp }[] {
  const found: { where: string; re: RegExp }[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${relative(ROOT, file)}:${line} ${text}`, re: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Patterns of the JSON schemas (compiled into the validators that read user files). */
function schemaPatterns(): { where: string; re: RegExp }[] {
  const found: { where: string; re: RegExp }[] = [];
  for (const name of readdirSync(join(ROOT, 'schema')).filter((f) => f.endsWith('.json'))) {
    JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')), (key, value: unknown) => {
      if (key === 'pattern' && typeof value === 'string') found.push({ where: `schema/${name} ${value}`, re: new RegExp(value, 'u') });
      return value;
    });
  }
  return found;
}

interface Probe {
  /** Worst time per expression, in milliseconds, for those that finished. */
  times: Map<number, number>;
  /** The expression still running when the probe was stopped, if any. */
  hung: number | null;
}

function probe(list: readonly RegExp[], timeout: number, size = 50_000): Probe {
  const r = spawnSync(process.execPath, [join(ROOT, 'test/redos-probe.js')], {
    input: JSON.stringify(list.map((re) => ({ source: re.source, flags: re.flags }))),
    encoding: 'utf8',
    timeout,
    env: { ...process.env, REDOS_SIZE: String(size) },
  });
  const times = new Map<number, number>();
  let running: number | null = null;
  for (const line of r.stdout.split('\n')) {
    const [what, i, ms] = line.split(' ');
    if (what === 'start') running = Number(i);
    if (what === 'done') {
      times.set(Number(i), Number(ms));
      running = null;
    }
  }
  return { times, hung: r.status === 0 ? null : running };
}

if (process.env['REDOS_SURVEY']) {
  it('survey', () => {
    const all = [...literals(), ...schemaPatterns()];
    const size = Number(process.env['REDOS_SURVEY']);
    for (const [i, r] of all.entries()) {
      const { times, hung } = probe([r.re], 20_000, size);
      const ms = times.get(0);
      if (hung !== null || ms === undefined || ms > 50) console.log(`SLOW ${i} ${r.where} ${ms ?? 'hung'}`);
    }
  }, 3_600_000);
}

describe('regular expressions on adversarial input', () => {
  const all = [...literals(), ...schemaPatterns()];

  it('finds the expressions it checks', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('every expression in src/ and schema/ ends quickly on 50 KB of adversarial input', () => {
    const { times, hung } = probe(
      all.map((r) => r.re),
      300_000,
    );
    expect(hung === null ? null : all[hung]!.where).toBeNull();
    const slow = all.flatMap((r, i) => (!times.has(i) || times.get(i)! > BOUND_MS ? [`${r.where}: ${times.get(i) ?? 'did not finish'}`] : []));
    expect(slow).toEqual([]);
  }, 400_000);

  it('the detector does catch a catastrophic expression', () => {
    const { hung } = probe([/^[a-z]+$/u, /^(a+)+$/u, /^b$/u], 10_000);
    expect(hung).toBe(1);
  }, 60_000);
});
