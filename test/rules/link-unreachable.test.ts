import { describe, expect, it } from 'vitest';
import { lintWithAnswers } from '../links/examples.js';
import { doc } from './harness.js';

const own = async (source: string, answers: string) => (await lintWithAnswers(source, { 'link-unreachable': 'error' }, answers)).filter((f) => f.ruleId === 'link-unreachable');

describe('link-unreachable', () => {
  it('reports 5xx after retries, 429 past its budget, 403 and refused addresses, always as warnings', async () => {
    const answers = ['https://a.example/ 500', 'https://b.example/ 429 retry-after=3600', 'https://c.example/ 403', 'http://intranet.example/ blocked'].join('\n');
    const found = await own(doc('[A](https://a.example/)', '[B](https://b.example/)', '[C](https://c.example/)', '[D](http://intranet.example/)'), answers);
    expect(found.map((f) => `${f.start.line}:${f.start.column} ${f.messageId} ${f.severity}`)).toEqual(['5:3 status warn', '6:3 status warn', '7:3 status warn', '8:3 refused warn']);
    expect(found.map((f) => f.message)).toEqual([
      'https://a.example/ could not be checked: HTTP 500, after 3 attempts',
      'https://b.example/ could not be checked: HTTP 429, Retry-After 3600 s is past the waiting budget',
      'https://c.example/ could not be checked: HTTP 403',
      'http://intranet.example/ was not checked: refused: intranet.example resolves to 10.0.0.5, a private or reserved address',
    ]);
  });

  it('passes links that answer', async () => {
    expect(await own(doc('[A](https://a.example/)'), 'https://a.example/ 200')).toEqual([]);
  });
});
