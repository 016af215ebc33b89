import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { lintRoadmap, RULES } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const pages = RULES.map((r) => [r.meta.id, join(ROOT, 'docs/rules', `${r.meta.id}.md`)] as const);

describe.each(pages)('docs/rules/%s.md', (id, path) => {
  it('exists and covers why, examples, options and the fix', () => {
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(`# ${id}\n`)).toBe(true);
    for (const heading of ['## Why', '## Examples', '### Fails', '### Passes', '## Options', '## Fix']) expect(text).toContain(`\n${heading}\n`);
    const meta = RULES.find((r) => r.meta.id === id)!.meta;
    expect(text).toContain(`Default severity: \`${meta.defaultSeverity}\``);
    expect(text).toMatch(meta.fixable ? /Fixable: yes/u : /Fixable: no/u);
  });

  const examples: { kind: 'pass' | 'fail'; options: Record<string, unknown>; source: string; line: number }[] = [];
  if (existsSync(path)) {
    visit(unified().use(remarkParse).parse(readFileSync(path, 'utf8')), 'code', (node: Code) => {
      const m = /^(pass|fail)\s*(\{.*\})?$/u.exec(node.meta ?? '');
      if (node.lang === 'markdown' && m) {
        examples.push({ kind: m[1] as 'pass' | 'fail', options: m[2] ? JSON.parse(m[2]) : {}, source: `${node.value}\n`, line: node.position!.start.line });
      }
    });
  }

  it('has at least one failing and one passing example', () => {
    expect(examples.some((e) => e.kind === 'fail')).toBe(true);
    expect(examples.some((e) => e.kind === 'pass')).toBe(true);
  });

  it.each(examples.map((e) => [e.kind, e.line, e] as const))('the %s example at line %i behaves as stated', async (_k, _l, e) => {
    const findings = await lintRoadmap(e.source, { config: { rules: new Map([[id, { severity: 'error', options: e.options }]]) } });
    const own = findings.filter((f) => f.ruleId === id);
    if (e.kind === 'fail') expect(own.length).toBeGreaterThan(0);
    else expect(own.map((f) => f.message)).toEqual([]);
  });
});
