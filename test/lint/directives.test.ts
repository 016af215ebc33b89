import fc from 'fast-check';
import type { Html, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { readDirectives, suppressor } from '../../src/lint/directives.js';

type Directive = ReturnType<typeof readDirectives>[number];

/** The rules of inline comments, written the plain way: replay every comment up to the line. */
function replay(directives: Directive[], rule: string, line: number): boolean {
  let all = false;
  const off = new Set<string>();
  const on = new Set<string>();
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      if (d.line + 1 === line && (d.rules === null || d.rules.includes(rule))) return true;
      continue;
    }
    if (d.line > line) continue;
    if (d.rules === null) {
      all = d.kind === 'disable';
      off.clear();
      on.clear();
    } else for (const r of d.rules) d.kind === 'disable' ? (on.delete(r), off.add(r)) : (off.delete(r), on.add(r));
  }
  return (all && !on.has(rule)) || off.has(rule);
}

const RULES = ['link-url', 'mojibake', 'official-only'];
const directive = fc.record({
  kind: fc.constantFrom('disable', 'enable', 'disable-next-line') as fc.Arbitrary<Directive['kind']>,
  rules: fc.option(fc.subarray(RULES, { minLength: 1 }), { nil: null }),
  line: fc.integer({ min: 1, max: 30 }),
});

const htmlTree = (values: string[]): Root => ({
  type: 'root',
  children: values.map((value, i): Html => ({ type: 'html', value, position: { start: { line: 1 + i * 10, column: 1 }, end: { line: 1 + i * 10, column: 1 } } })),
});

/** The first implementation's reading, one regular expression over each HTML node. */
function readWithRegex(tree: Root): Directive[] {
  const found: Directive[] = [];
  for (const node of tree.children as Html[]) {
    for (const m of node.value.matchAll(/<!--\s*roadmap-lint-(disable-next-line|disable|enable)\b([^]*?)-->/gu)) {
      const line = node.position!.start.line + (node.value.slice(0, m.index).match(/\n/gu)?.length ?? 0);
      const endLine = line + (m[0].match(/\n/gu)?.length ?? 0);
      const rules = m[2]!.split(/[\s,]+/u).filter(Boolean);
      const kind = m[1] as Directive['kind'];
      found.push({ kind, rules: rules.length > 0 ? rules : null, line: kind === 'disable-next-line' ? endLine : line });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

describe('inline comments', () => {
  it('answers as replaying every comment would, for any sequence of comments', () => {
    fc.assert(
      fc.property(fc.array(directive, { maxLength: 20 }), fc.constantFrom(...RULES, 'other'), fc.integer({ min: 0, max: 32 }), (ds, rule, line) => {
        const sorted = [...ds].sort((a, b) => a.line - b.line);
        expect(suppressor(sorted)(rule, line)).toBe(replay(sorted, rule, line));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('reads comments as the regular expression did, in one pass', () => {
    const piece = fc.constantFrom(
      '<!--', '-->', ' ', '\n', 'roadmap-lint-disable', 'roadmap-lint-enable', 'roadmap-lint-disable-next-line', 'link-url', ',',
      'mojibake', 'roadmap-lint-disabled', '<!-- roadmap-lint-disable', 'x', '<div>',
    );
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), { maxLength: 4 }), (values) => {
        const tree = htmlTree(values);
        expect(readDirectives(tree)).toEqual(readWithRegex(tree));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('handles 40,000 comments, and thousands of unclosed ones in one node, without quadratic work', () => {
    const values = Array.from({ length: 40_000 }, (_, i) => `<!-- roadmap-lint-${i % 2 ? 'enable' : 'disable'} link-url -->`);
    const directives = readDirectives(htmlTree(values));
    expect(directives).toHaveLength(40_000);
    const off = suppressor(directives);
    let suppressed = 0;
    for (let line = 1; line <= 400_000; line += 7) if (off('link-url', line)) suppressed++;
    expect(suppressed).toBeGreaterThan(20_000);
    expect(readDirectives(htmlTree(['<!-- roadmap-lint-disable\n'.repeat(20_000)]))).toEqual([]);
  });
});
