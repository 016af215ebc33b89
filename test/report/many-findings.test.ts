import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/finding.js';
import { REPORTERS, summarize, type FileResult } from '../../src/report/index.js';

/** 150,000 findings in one file: more than a spread argument list can hold. */
function manyFindings(n: number): FileResult[] {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const point = { line: i + 1, column: 3, offset: i * 40 };
    findings.push({
      file: 'big.md',
      ruleId: 'link-url',
      severity: i % 2 ? 'warning' : 'error',
      message: `Link ${i} uses http`,
      docUrl: 'https://example.org/docs/rules/link-url.md',
      start: point,
      end: point,
      fingerprint: `link-url:${i}`,
    } as Finding);
  }
  return [{ file: 'big.md', findings, baselined: 0 }];
}

describe('reporters on a very large number of findings', () => {
  const results = manyFindings(150_000);
  const summary = summarize(results);
  it.each(Object.keys(REPORTERS))('%s reports every finding without overflowing the stack', (name) => {
    const out = REPORTERS[name]!(results, { color: false, summary, rules: [] });
    expect(out).toContain('Link 149999 uses http');
    if (name === 'stylish') expect(out).toContain('150000 problems (75000 errors, 75000 warnings)');
  });
});

describe('the report formats by name', () => {
  it('loads, one by one, exactly the reporters the library lists', async () => {
    const { REPORTER_NAMES, loadReporter } = await import('../../src/report/load.js');
    expect([...REPORTER_NAMES]).toEqual(Object.keys(REPORTERS));
    for (const name of REPORTER_NAMES) expect(await loadReporter(name)).toBe(REPORTERS[name]);
  });
});
