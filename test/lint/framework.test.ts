/**
 * The rule framework's contract: settings are checked wherever they come from, and the runner
 * refuses reports that break a rule's declared contract. Each case here was a defect once.
 */
import { describe, expect, it } from 'vitest';
import { lintRoadmap, SettingsError } from '../../src/index.js';
import { defineRule, RuleContractError, type ReportDescriptor, type Rule } from '../../src/lint/rule.js';
import { lintDocument } from '../../src/lint/run.js';
import { resolveRuleSettings } from '../../src/lint/settings.js';
import { processRoadmap } from '../../src/index.js';
import { RULES } from '../../src/rules/index.js';

const DOC = '# T\n\n## 1. S\n\n* [A](https://a.example/)\n* [B](https://a.example/)\n';

describe('settings are checked before any rule runs', () => {
  it('a misspelt severity is refused by lintRoadmap', async () => {
    await expect(lintRoadmap(DOC, { rules: { 'duplicate-link': 'eror' as never } })).rejects.toThrow(
      new SettingsError('lintRoadmap options', 'rule "duplicate-link": severity "eror" is not error, warn or off'),
    );
  });

  it('an unknown rule id is refused, with the closest id', async () => {
    await expect(lintRoadmap(DOC, { rules: { 'duplicate-links': 'error' } })).rejects.toThrow('unknown rule "duplicate-links" (did you mean "duplicate-link"?)');
  });

  it('bad options are a clear error naming where they came from, not a crash inside the rule', async () => {
    await expect(lintRoadmap(DOC, { rules: { 'duplicate-link': ['error', { allow: 'x' }] } })).rejects.toThrow(
      'lintRoadmap options: rule "duplicate-link": invalid option allow: must be array',
    );
    await expect(lintRoadmap(DOC, { rules: { 'duplicate-link': ['error', { scope: 'everywhere' }] } })).rejects.toThrow('invalid option scope');
    await expect(lintRoadmap(DOC, { rules: { 'duplicate-link': ['error', { alow: [] }] } })).rejects.toThrow('must NOT have additional properties: "alow"');
  });

  it('a layer that sets only a severity keeps the options set before it; one with options replaces them', () => {
    const allow = [{ url: 'https://a.example/', reason: 'on purpose' }];
    const settings = resolveRuleSettings(RULES, [
      { source: 'config', rules: { 'duplicate-link': ['error', { allow }] } },
      { source: 'overrides[0]', rules: { 'duplicate-link': 'warn' } },
    ]);
    const defaults = RULES.find((r) => r.meta.id === 'duplicate-link')!.meta.defaultOptions;
    expect(settings.get('duplicate-link')).toEqual({ severity: 'warn', options: { ...defaults, allow } });
    const replaced = resolveRuleSettings(RULES, [
      { source: 'config', rules: { 'duplicate-link': ['error', { allow }] } },
      { source: '--rule', rules: { 'duplicate-link': ['warn', { scope: 'section' }] } },
    ]);
    expect(replaced.get('duplicate-link')!.options).toMatchObject({ scope: 'section', allow: [] });
  });

  it('["error"] is the severity alone, for every rule; a rule without options says so when given some', () => {
    const allow = [{ url: 'https://a.example/', reason: 'on purpose' }];
    const settings = resolveRuleSettings(RULES, [
      { source: 'config', rules: { 'duplicate-link': ['error', { allow }], mojibake: ['warn'] } },
      { source: 'overrides[0]', rules: { 'duplicate-link': ['warn'] } },
    ]);
    expect(settings.get('duplicate-link')).toMatchObject({ severity: 'warn', options: { allow } });
    expect(settings.get('mojibake')!.severity).toBe('warn');
    const refused = (entry: unknown) => () => resolveRuleSettings(RULES, [{ source: '--rule', rules: { mojibake: entry } }]);
    expect(refused(['warn', {}])).toThrow(new SettingsError('--rule', 'rule "mojibake" takes no options: write "warn" or ["warn"]'));
    expect(refused([])).toThrow('rule "mojibake": an empty list; write a severity, [severity] or [severity, options]');
    expect(() => resolveRuleSettings(RULES, [{ source: '--rule', rules: { 'duplicate-link': ['error', {}, 1] } }])).toThrow(
      'rule "duplicate-link": 3 items; write a severity, [severity] or [severity, options]',
    );
    // A bad option is named alone: the forms the entry did not take ("error", ["error"]) are no other problems.
    expect(() => resolveRuleSettings(RULES, [{ source: '--rule', rules: { 'duplicate-link': ['error', { scope: 'nope' }] } }])).toThrow(
      new SettingsError('--rule', 'rule "duplicate-link": invalid option scope: must be equal to one of the allowed values: ["document","section","files"]'),
    );
  });

  it('__proto__ and constructor keys set nothing', () => {
    expect(() => resolveRuleSettings(RULES, [{ source: 'x', rules: JSON.parse('{"__proto__": "error"}') as Record<string, unknown> }])).toThrow(
      'unknown rule "__proto__"',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('findings point at the file on disk', () => {
  it('a related place after a mojibake repair on the same line counts columns on disk', async () => {
    const text = '# T\n\n## 1. S\n\n* **CafÃ© Ã©tudes**: [A](https://a.example/) | [B](https://b.example/)\n* [C](https://a.example/)\n';
    const findings = await lintRoadmap(text);
    expect(findings.filter((f) => f.ruleId === 'mojibake')).toHaveLength(2);
    const dup = findings.find((f) => f.ruleId === 'duplicate-link')!;
    expect(dup.start).toMatchObject({ line: 6, column: 3 });
    // On disk "[A]" stands at column 22; in the repaired text it would be column 20.
    expect(text.split('\n')[4]!.indexOf('[A]') + 1).toBe(22);
    expect(dup.related).toEqual({ message: 'first linked here', line: 5, column: 22 });
  });

  it('fingerprints are rule, message id and content: rewording a message keeps baselines', async () => {
    const findings = await lintRoadmap('# T\n\n## 1. S\n\n* [A](https://a.example/)\n* [B](https://b.example/)\n* [C](https://c.example/)\n\nSee [the docs](https://docs.example/).\n');
    const stray = findings.find((f) => f.ruleId === 'stray-link')!;
    expect(stray.fingerprint).toBe('stray-link:outsideList:https://docs.example/');
    expect(stray.messageId).toBe('outsideList');
  });
});

describe('the runner checks what rules report', () => {
  const doc = processRoadmap(DOC);
  const ruleReporting = (descriptor: Partial<ReportDescriptor>, fixable = false): Rule =>
    defineRule({
      meta: {
        id: 'test-rule',
        type: 'problem',
        docs: { description: 'A rule for the runner tests', tags: [] },
        defaultSeverity: 'error',
        fixable,
        schema: null,
        defaultOptions: {},
        messages: { hello: 'Hello {{name}}' },
      },
      create({ report }) {
        report({ messageId: 'hello', data: { name: 'x' }, start: 0, key: 'k', ...descriptor });
      },
    });
  const run = (rule: Rule) => lintDocument(doc, { rules: [rule], settings: new Map([['test-rule', { severity: 'error', options: {} }]]) });

  it('accepts a well-formed report', async () => {
    expect((await run(ruleReporting({})))[0]).toMatchObject({ ruleId: 'test-rule', messageId: 'hello', message: 'Hello x', fingerprint: 'test-rule:hello:k' });
  });

  it.each([
    ['an unknown message id', { messageId: 'bye' }, false, 'unknown messageId "bye"'],
    ['a placeholder without data', { data: {} }, false, 'placeholder "name" has no data'],
    ['no location', { start: undefined }, false, 'the reported node has no position'],
    ['a location outside the document', { start: 10_000 }, false, 'start offset 10000 is outside the document'],
    ['an end before the start', { start: 5, end: 2 }, false, 'ends (2) before it starts (5)'],
    ['no content key', { key: '' }, false, 'needs a content key'],
    ['a fix from a rule that is not fixable', { fix: { description: 'f', edits: [{ offset: 0, deleteCount: 1, insert: '' }] } }, false, 'not fixable reported a fix'],
    ['a fix edit out of range', { fix: { description: 'f', edits: [{ offset: 1, deleteCount: 9999, insert: '' }] } }, true, 'fix edit end offset'],
    [
      'overlapping edits in one fix',
      { fix: { description: 'f', edits: [{ offset: 0, deleteCount: 3, insert: 'a' }, { offset: 2, deleteCount: 1, insert: 'b' }] } },
      true,
      'edits of one fix overlap at offset 2',
    ],
    ['a related place without a position', { related: { messageId: 'hello', data: { name: 'y' } } }, false, 'the related node has no position'],
  ] as const)('refuses %s', async (_what, descriptor, fixable, message) => {
    await expect(run(ruleReporting(descriptor as Partial<ReportDescriptor>, fixable))).rejects.toThrow(RuleContractError);
    await expect(run(ruleReporting(descriptor as Partial<ReportDescriptor>, fixable))).rejects.toThrow(message);
  });
});
