import { describe, expect, it } from 'vitest';
import { lintWithAnswers } from '../links/examples.js';
import { doc } from './harness.js';

const own = async (source: string, answers: string, severity: 'error' | 'warn' = 'error') =>
  (await lintWithAnswers(source, { 'redirected-away': severity }, answers)).filter((f) => f.ruleId === 'redirected-away');

describe('redirected-away', () => {
  const answers = [
    'https://nodejs.org/en/docs/ 301 https://parked.example/nodejs',
    'https://parked.example/nodejs 200',
    'https://blog.example.com/post 301 https://company.example/blog/post',
    'https://company.example/blog/post 200',
  ].join('\n');

  it('is an error for an official resource and a warning for any other link', async () => {
    const found = await own(doc('[Node.js docs](https://nodejs.org/en/docs/)', '[A post](https://blog.example.com/post)'), answers);
    expect(found.map((f) => `${f.start.line}:${f.start.column} ${f.messageId} ${f.severity}`)).toEqual(['5:3 officialAway error', '6:3 away warn']);
    expect(found[0]!.message).toBe('The official resource https://nodejs.org/en/docs/ now redirects to another site: https://parked.example/nodejs (nodejs.org → parked.example)');
    expect(found[1]!.message).toBe('https://blog.example.com/post redirects to another site: https://company.example/blog/post (example.com → company.example)');
  });

  it('set to warn, both are warnings', async () => {
    const found = await own(doc('[Node.js docs](https://nodejs.org/en/docs/)'), answers, 'warn');
    expect(found.map((f) => f.severity)).toEqual(['warn']);
  });

  it('passes redirects within one registrable domain', async () => {
    expect(await own(doc('[Python](https://docs.python.org/3/)'), 'https://docs.python.org/3/ 301 https://www.python.org/doc/\nhttps://www.python.org/doc/ 200')).toEqual([]);
  });
});
