import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('url-syntax', () => {
  it('reports a web link that does not parse', async () => {
    const source = '# T\n\n## 1. S\n\n* [a](https://a.example:99999/)\n* [b](http://[::1/)\n';
    expect(await placesOf('url-syntax', source)).toEqual(['5:3 invalid', '6:3 invalid']);
    expect((await findingsOf('url-syntax', source))[0]!.message).toBe('"https://a.example:99999/" is not a valid URL');
  });

  it('reports a misspelt web scheme as an error, wherever the link stands, and unsafe-url stays quiet', async () => {
    const source = [
      '# T',
      '',
      'See [the guide](ttps://guide.example/) in prose.',
      '',
      '## 1. S',
      '',
      '* [a](htps://a.example/)',
      '* [b](http//b.example/)',
      '* [c](https;//c.example/)',
      '',
    ].join('\n');
    expect(await placesOf('url-syntax', source)).toEqual(['3:5 schemeTypo', '7:3 schemeTypo', '8:3 schemeTypo', '9:3 schemeTypo']);
    expect((await findingsOf('url-syntax', source))[0]!.message).toBe('"ttps://guide.example/" starts with a misspelt scheme: write https://');
    expect(await placesOf('unsafe-url', source)).toEqual([]);
  });

  it('passes valid, relative and protocol-relative links', async () => {
    expect(await placesOf('url-syntax', '# T\n\n[a](https://a.example/x?y=1#z) [b](docs/x.md) [c](//c.example/)\n')).toEqual([]);
  });
});
