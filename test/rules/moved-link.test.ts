import { describe, expect, it } from 'vitest';
import { fixWithAnswers, lintWithAnswers } from '../links/examples.js';
import { doc } from './harness.js';

const on = { 'moved-link': 'error' } as const;
const own = async (source: string, answers: string) => (await lintWithAnswers(source, on, answers)).filter((f) => f.ruleId === 'moved-link');

describe('moved-link', () => {
  const answers = [
    'https://redis.io/documentation 301 https://redis.io/docs/',
    'https://redis.io/docs/ 308 https://redis.io/docs/latest/',
    'https://redis.io/docs/latest/ 200',
    'http://go.dev/doc 301 https://go.dev/doc/',
    'https://go.dev/doc/ 200',
  ].join('\n');
  const source = [
    '# Roadmap',
    '',
    '## 1. Basics',
    '',
    '* [Redis](https://redis.io/documentation "Redis") — keys, <https://redis.io/documentation>',
    '* [Go][go]',
    '',
    '[go]: http://go.dev/doc#install',
    '',
  ].join('\r\n');

  it('reports permanent moves with the end of their chain, at the link, the autolink and the definition', async () => {
    const found = await own(source, answers);
    expect(found.map((f) => `${f.start.line}:${f.start.column} ${f.messageId}`)).toEqual(['5:3 moved', '5:59 moved', '8:1 moved']);
    expect(found[0]!.message).toBe('https://redis.io/documentation has moved permanently to https://redis.io/docs/latest/');
    expect(found[2]!.message).toBe('http://go.dev/doc has moved permanently to https://go.dev/doc/#install');
  });

  it('--fix rewrites only the URLs, keeping titles, text, fragments and CRLF line ends; twice changes nothing', async () => {
    const { once, left, twice } = await fixWithAnswers(source, on, answers);
    expect(once).toBe(
      source
        .replace('(https://redis.io/documentation "Redis")', '(https://redis.io/docs/latest/ "Redis")')
        .replace('<https://redis.io/documentation>', '<https://redis.io/docs/latest/>')
        .replace('[go]: http://go.dev/doc#install', '[go]: https://go.dev/doc/#install'),
    );
    expect(left).toEqual([]);
    expect(twice).toBe(once);
  });

  it('passes temporary redirects, and moves to another site (redirected-away) or to the home page (soft-404)', async () => {
    const other = doc('[A](https://a.example/x)', '[B](https://b.example/x)', '[C](https://c.example/deep/page)');
    const replies = [
      'https://a.example/x 302 https://a.example/login',
      'https://a.example/login 200',
      'https://b.example/x 301 https://elsewhere.example/x',
      'https://elsewhere.example/x 200',
      'https://c.example/deep/page 301 https://c.example/',
      'https://c.example/ 200',
    ].join('\n');
    expect(await own(other, replies)).toEqual([]);
  });
});
