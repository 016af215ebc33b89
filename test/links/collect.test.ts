import { describe, expect, it } from 'vitest';
import { collectLinks, isExcluded, linkReports, type LinkCheck } from '../../src/links/index.js';
import { processSource } from '../../src/pipeline/process.js';

const DOC = [
  '# Links',
  '',
  'Intro with [prose](https://prose.example/a) and <https://auto.example/b>.',
  '',
  '## Resources',
  '',
  '- [Node.js docs](https://nodejs.org/en/docs/) — the official docs',
  '- [https://same.example/x](https://same.example/x)',
  '- [Ref][r]',
  '- [Anchor](#resources) and [relative](./other.md) and ![img](https://img.example/i.png)',
  '- [Escaped](https://esc.example/a\\_b)',
  '',
  '[r]: https://ref.example/c "Title"',
  '',
].join('\n');

describe('collecting links', () => {
  const doc = processSource(DOC, { path: 'doc.md' });
  const links = collectLinks(doc);

  it('finds every http(s) link: prose, autolinks, resources, definitions; not anchors, relative links or images', () => {
    expect(links.map((l) => l.url)).toEqual([
      'https://prose.example/a',
      'https://auto.example/b',
      'https://nodejs.org/en/docs/',
      'https://same.example/x',
      'https://esc.example/a_b',
      'https://ref.example/c',
    ]);
  });

  it('knows where each URL is written, and that the registry calls nodejs.org official', () => {
    for (const l of links) {
      if (l.urlOffset === null) continue;
      expect(DOC.slice(l.urlOffset, l.urlOffset + l.url.length)).toBe(l.url);
    }
    const same = links.find((l) => l.url === 'https://same.example/x')!;
    // The destination, not the same text written as the link text.
    expect(same.urlOffset).toBe(DOC.indexOf('(https://same.example/x)') + 1);
    expect(links.find((l) => l.url.includes('esc.example'))!.urlOffset).toBeNull();
    expect(links.find((l) => l.url.includes('nodejs.org'))!.official).toBe(true);
    expect(links.find((l) => l.url.includes('prose'))!.official).toBe(false);
  });

  it('turns a permanent move into a fix on the URL only, and no fix where the source spells the URL differently', () => {
    const moved = (url: string, to: string): LinkCheck => ({
      url,
      status: 200,
      finalUrl: to,
      chain: [{ url, status: 301 }],
      error: null,
      detail: null,
      checkedAt: '2026-01-01T00:00:00.000Z',
    });
    const checks = new Map([
      ['https://ref.example/c', moved('https://ref.example/c', 'https://ref.example/new (c)')],
      ['https://esc.example/a_b', moved('https://esc.example/a_b', 'https://esc.example/ab')],
    ]);
    const reports = linkReports(links, checks, { accept: {}, exclude: [] });
    expect(reports.map((r) => [r.ruleId, r.fix?.edits])).toEqual([
      ['moved-link', undefined],
      ['moved-link', [{ offset: DOC.indexOf('https://ref.example/c'), deleteCount: 21, insert: 'https://ref.example/new%20%28c%29' }]],
    ]);
  });
});

describe('links.accept', () => {
  it('accepts the statuses a host is known to answer robots with, for that host or every host', () => {
    const doc = processSource('# L\n\n## S\n\n- [A](https://a.example/)\n- [B](https://b.example/)\n', { path: 'l.md' });
    const answered = (url: string, status: number): LinkCheck => ({ url, status, finalUrl: url, chain: [], error: null, detail: null, checkedAt: '2026-01-01T00:00:00.000Z' });
    const checks = new Map([
      ['https://a.example/', answered('https://a.example/', 403)],
      ['https://b.example/', answered('https://b.example/', 999)],
    ]);
    const ids = (accept: Record<string, number[]>) => linkReports(collectLinks(doc), checks, { accept, exclude: [] }).map((r) => r.data['url']);
    expect(ids({})).toEqual(['https://a.example/', 'https://b.example/']);
    expect(ids({ 'a.example': [403] })).toEqual(['https://b.example/']);
    expect(ids({ 'a.example': [403], '*': [999] })).toEqual([]);
  });
});

describe('links.exclude', () => {
  it('matches URL prefixes, with * for any run and either scheme when none is given', () => {
    expect(isExcluded('https://www.linkedin.com/in/x', ['www.linkedin.com/'])).toBe(true);
    expect(isExcluded('http://www.linkedin.com/in/x', ['www.linkedin.com/'])).toBe(true);
    expect(isExcluded('https://a.example.com/x', ['*.example.com/'])).toBe(true);
    expect(isExcluded('https://example.com/x', ['*.example.com/'])).toBe(false);
    expect(isExcluded('https://example.com/x', ['http://example.com/'])).toBe(false);
    expect(isExcluded('https://evil.example/?www.linkedin.com/', ['www.linkedin.com/'])).toBe(false);
  });
});
