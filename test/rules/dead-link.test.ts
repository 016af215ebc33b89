import { describe, expect, it } from 'vitest';
import { lintWithAnswers } from '../links/examples.js';
import { doc, placesOf } from './harness.js';

const on = { 'dead-link': 'error' } as const;
const own = async (source: string, answers: string) => (await lintWithAnswers(source, on, answers)).filter((f) => f.ruleId === 'dead-link');

describe('dead-link', () => {
  it('reports 404, 410 (also at the end of redirects) and a name that does not resolve, as errors', async () => {
    const source = doc('[A](https://a.example/x)', '[B](https://b.example/y)', '[C](https://c.example/old)', '[D](https://gone.example/)');
    const found = await own(source, 'https://a.example/x 404\nhttps://b.example/y 410\nhttps://c.example/old 301 https://c.example/new\nhttps://c.example/new 404\nhttps://gone.example/ dns');
    expect(found.map((f) => `${f.start.line}:${f.start.column} ${f.messageId} ${f.severity}`)).toEqual(['5:3 gone error', '6:3 gone error', '7:3 goneAfterRedirect error', '8:3 noSuchHost error']);
    expect(found.map((f) => f.message)).toEqual([
      'https://a.example/x answers 404: the page is gone',
      'https://b.example/y answers 410: the page is gone',
      'https://c.example/old redirects to https://c.example/new, which answers 404: the page is gone',
      'https://gone.example/: the host gone.example does not resolve',
    ]);
    expect(found[0]!.fingerprint).toBe('dead-link:gone:https://a.example/x');
  });

  it('passes live pages, pages behind a log-in, and network trouble; reports nothing without --links', async () => {
    const source = doc('[A](https://a.example/)', '[B](https://b.example/private)', '[C](https://c.example/)');
    expect(await own(source, 'https://a.example/ 200\nhttps://b.example/private 401\nhttps://c.example/ 503')).toEqual([]);
    expect(await placesOf('dead-link', doc('[A](https://a.example/x)'))).toEqual([]);
  });
});
