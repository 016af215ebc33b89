import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('unusual-port', () => {
  it('reports a non-default port', async () => {
    const source = '# T\n\n## 1. S\n\n* [Node](https://nodejs.org:8080/)\n';
    expect(await placesOf('unusual-port', source)).toEqual(['5:3 port']);
    expect((await findingsOf('unusual-port', source))[0]!.message).toBe('URL "https://nodejs.org:8080/" uses the non-default port 8080');
  });

  it('passes the default port written out, and loopback', async () => {
    expect(await placesOf('unusual-port', '# T\n\n[a](https://a.example:443/) [l](http://localhost:8080/)\n')).toEqual([]);
  });
});
