import { describe, expect, it } from 'vitest';
import { lintWithAnswers } from '../links/examples.js';
import { doc } from './harness.js';

const own = async (source: string, answers: string) => (await lintWithAnswers(source, { 'soft-404': 'error' }, answers)).filter((f) => f.ruleId === 'soft-404');

describe('soft-404', () => {
  it('reports a deep page sent to the home page, and one sent to a "not found" address', async () => {
    const answers = [
      'https://a.example/docs/page 301 https://a.example/',
      'https://a.example/ 200',
      'https://b.example/old 302 https://b.example/errors/404.html',
      'https://b.example/errors/404.html 200',
      'https://c.example/x 302 https://c.example/search?q=page-not-found',
      'https://c.example/search?q=page-not-found 200',
    ].join('\n');
    const found = await own(doc('[A](https://a.example/docs/page)', '[B](https://b.example/old)', '[C](https://c.example/x)'), answers);
    expect(found.map((f) => `${f.start.line}:${f.start.column} ${f.messageId}`)).toEqual(['5:3 home', '6:3 notFound', '7:3 notFound']);
    expect(found[0]!.message).toBe("https://a.example/docs/page redirects to the site's home page (https://a.example/): the page is probably gone");
  });

  it('passes a home page, a deep page that moved to another deep page, and a "not found" link that stays one', async () => {
    const answers = [
      'https://a.example/ 200',
      'https://a.example/docs 301 https://a.example/docs/',
      'https://a.example/docs/ 200',
      'https://b.example/404-guide 301 https://b.example/guides/404',
      'https://b.example/guides/404 200',
    ].join('\n');
    expect(await own(doc('[A](https://a.example/)', '[Docs](https://a.example/docs)', '[Guide](https://b.example/404-guide)'), answers)).toEqual([]);
  });
});
