import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('url-syntax', () => {
  it('reports a web link that does not parse', async () => {
    const source = '# T\n\n## 1. S\n\n* [a](https://a.example:99999/)\n* [b](http://[::1/)\n';
    expect(await placesOf('url-syntax', source)).toEqual(['5:3 invalid', '6:3 invalid']);
    expect((await findingsOf('url-syntax', source))[0]!.message).toBe('"https://a.example:99999/" is not a valid URL');
  });

  it('passes valid, relative and protocol-relative links', async () => {
    expect(await placesOf('url-syntax', '# T\n\n[a](https://a.example/x?y=1#z) [b](docs/x.md) [c](//c.example/)\n')).toEqual([]);
  });
});
