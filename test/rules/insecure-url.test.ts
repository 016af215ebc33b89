import { describe, expect, it } from 'vitest';
import { lintRoadmap } from '../../src/index.js';
import { sharedCorpus } from '../helpers.js';
import { findingsOf, placesOf } from './harness.js';

describe('insecure-url', () => {
  it('reports http: links in lists, prose, definitions and raw HTML to a site the document links with https:', async () => {
    const source = [
      '# T',
      '',
      'See [x](http://x.example/) and <a href="http://www.a.example/html">this</a>.',
      '',
      '## 1. S',
      '',
      '* [a](http://a.example/)',
      '* [x secure](https://x.example/other)',
      '* [a secure](https://a.example/)',
      '',
      '[d]: http://a.example/def',
    ].join('\n');
    expect(await placesOf('insecure-url', source)).toEqual(['3:5 http', '3:35 http', '7:3 http', '11:1 http']);
    const [first, second] = await findingsOf('insecure-url', source);
    expect(first!.message).toBe('Insecure http: link "http://x.example/"; the document links x.example with https: at line 8');
    // "www." and the bare name are one site; the finding points back at the evidence.
    expect(second!.message).toBe('Insecure http: link "http://www.a.example/html"; the document links a.example with https: at line 9');
    expect(second!.related).toEqual({ message: 'linked with https: here', line: 9, column: 3 });
  });

  it('leaves an http: link alone when nothing in the document shows the site serves https:, unless asked for all', async () => {
    const source = '# T\n\n## 1. S\n\n* [a](http://a.example/)\n* [b](https://sub.a.example/)\n';
    expect(await placesOf('insecure-url', source)).toEqual([]);
    expect(await placesOf('insecure-url', source, { options: { all: true } })).toEqual(['5:3 httpUnproven']);
  });

  it('takes a port of its own for another server, and a trailing dot for the same host', async () => {
    const source = [
      '# T',
      '',
      '## 1. S',
      '',
      '* [a](http://a.example:8080/app)',
      '* [b](http://b.example./)',
      '* [c](http://c.example/)',
      '* [a secure](https://a.example/)',
      '* [b secure](https://b.example/)',
      '* [c secure](https://c.example:8443/)',
      '* [local](http://localhost./)',
    ].join('\n');
    expect(await placesOf('insecure-url', source)).toEqual(['6:3 http']);
    expect(await placesOf('insecure-url', source, { options: { all: true } })).toEqual(['5:3 httpUnproven', '6:3 http', '7:3 httpUnproven']);
  });

  it('passes https and loopback examples', async () => {
    const source = '# T\n\n[a](https://a.example/) [l](http://localhost:3000/) [i](http://127.0.0.1/) [s](https://localhost/)\n';
    expect(await placesOf('insecure-url', source)).toEqual([]);
    expect(await placesOf('insecure-url', source, { options: { all: true } })).toEqual([]);
  });

  it('on the shared lists, reports the http: links whose site the same list links with https:', async () => {
    const lists = sharedCorpus();
    expect(lists.length).toBeGreaterThanOrEqual(7);
    let shown = 0;
    let all = 0;
    for (const { name, text } of lists) {
      const findings = (await lintRoadmap(text, { path: name, rules: { 'insecure-url': 'warn' } })).filter((f) => f.ruleId === 'insecure-url');
      for (const f of findings) {
        const [, url, host, line] = /^Insecure http: link "(http:\/\/[^"]+)"; the document links (\S+) with https: at line (\d+)$/u.exec(f.message)!;
        // The host the evidence names is the link's, give or take "www.".
        expect(new URL(url!).hostname.replace(/^www\./u, '')).toBe(host!.replace(/^www\./u, ''));
        // The line it names holds an https: link to that site.
        const evidence = text.split('\n')[Number(line) - 1]!;
        expect(evidence).toMatch(new RegExp(`https://(?:www\\.)?${host!.replace(/^www\./u, '').replaceAll('.', '\\.')}`, 'iu'));
      }
      shown += findings.length;
      all += (await lintRoadmap(text, { path: name, rules: { 'insecure-url': ['warn', { all: true }] } })).filter((f) => f.ruleId === 'insecure-url').length;
    }
    expect(shown).toBe(129);
    expect(all).toBe(846);
  });
});
