/**
 * Every rule's page is its first test suite (as in remark-lint): each example runs with the rule
 * on, a failing example must give exactly the findings listed in the `text` block after it
 * ("line:column messageId"), a passing one none; fixes on every example obey markdownlint's two
 * invariants (after fixing, no fixable finding is left; fixing again changes nothing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fixText, lintRoadmap, type RuleEntry } from '../../src/index.js';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';
import { LINK_RULE_IDS } from '../../src/rules/link-checks.js';
import { fixWithAnswers, lintWithAnswers } from '../links/examples.js';

interface Example {
  kind: 'pass' | 'fail';
  options: Record<string, unknown> | null;
  source: string;
  line: number;
  expected: string[] | null;
  /** For the link rules: how the servers answer (the "```http answers" block before the example). */
  answers: string | null;
}

export function examplesOf(page: string): Example[] {
  const tree = unified().use(remarkParse).parse(page) as Root;
  const examples: Example[] = [];
  tree.children.forEach((node, i) => {
    if (node.type !== 'code') return;
    const m = /^(pass|fail)\s*(\{.*\})?$/u.exec(node.meta ?? '');
    if (node.lang !== 'markdown' || !m) return;
    const next = tree.children[i + 1];
    const expected = next?.type === 'code' && next.lang === 'text' ? (next as Code).value.split('\n').filter(Boolean) : null;
    const previous = tree.children[i - 1];
    const answers = previous?.type === 'code' && previous.lang === 'http' && previous.meta === 'answers' ? previous.value : null;
    examples.push({
      kind: m[1] as Example['kind'],
      options: m[2] ? (JSON.parse(m[2]) as Record<string, unknown>) : null,
      source: `${node.value}\n`,
      line: node.position!.start.line,
      expected,
      answers,
    });
  });
  return examples;
}

const pages = RULES.map((r) => [r.meta.id, join(ROOT, 'docs/rules', `${r.meta.id}.md`)] as const);

describe.each(pages)('docs/rules/%s.md', (id, path) => {
  const meta = RULES.find((r) => r.meta.id === id)!.meta;
  const page = existsSync(path) ? readFileSync(path, 'utf8') : '';

  it('exists and covers why, examples, options and the fix', () => {
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    for (const heading of ['## Why', '## Examples', '### Fails', '### Passes', '## Options', '## Fix']) expect(page).toContain(`\n${heading}\n`);
  });

  const examples = examplesOf(page);

  it('has failing and passing examples, each failing one with its exact findings', () => {
    expect(examples.some((e) => e.kind === 'fail')).toBe(true);
    expect(examples.some((e) => e.kind === 'pass')).toBe(true);
    for (const e of examples.filter((x) => x.kind === 'fail')) expect(e.expected, `example at line ${e.line}`).not.toBeNull();
  });

  const linkRule = (LINK_RULE_IDS as readonly string[]).includes(id);
  it.each(examples.map((e) => [e.kind, e.line, e] as const))('the %s example at line %i gives exactly what the page says', async (_k, _l, e) => {
    const rules: Record<string, RuleEntry> = { [id]: e.options ? ['error', e.options] : 'error' };
    if (linkRule) expect(e.answers, 'a link rule example says how the servers answer').not.toBeNull();
    const all = linkRule ? await lintWithAnswers(e.source, rules, e.answers!) : await lintRoadmap(e.source, { rules });
    const own = all.filter((f) => f.ruleId === id);
    for (const f of own) expect(Object.keys(meta.messages)).toContain(f.messageId);
    expect(own.map((f) => `${f.start.line}:${f.start.column} ${f.messageId}`)).toEqual(e.kind === 'fail' ? e.expected : []);
  });

  if (!meta.fixable) return;
  it.each(examples.map((e) => [e.line, e] as const))('fixing the example at line %i leaves nothing fixable, and is stable', async (_l, e) => {
    const rules: Record<string, RuleEntry> = { [id]: e.options ? ['error', e.options] : 'error' };
    if (linkRule) {
      const { once, left, twice } = await fixWithAnswers(e.source, rules, e.answers!);
      expect(left).toEqual([]);
      expect(twice).toBe(once);
      return;
    }
    const once = await fixText(e.source, { rules });
    const left = (await lintRoadmap(once.output, { rules })).filter((f) => f.fix);
    expect(left).toEqual([]);
    expect((await fixText(once.output, { rules })).output).toBe(once.output);
  });
});
