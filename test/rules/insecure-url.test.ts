import { describe, expect, it } from 'vitest';
import { placesOf } from './harness.js';

describe('insecure-url', () => {
  it('reports http: links in lists, prose and definitions', async () => {
    const source = '# T\n\nSee [x](http://x.example/).\n\n## 1. S\n\n* [a](http://a.example/)\n\n[d]: http://d.example/\n';
    expect(await placesOf('insecure-url', source)).toEqual(['3:5 http', '7:3 http', '9:1 http']);
  });

  it('passes https and loopback examples', async () => {
    expect(await placesOf('insecure-url', '# T\n\n[a](https://a.example/) [l](http://localhost:3000/) [i](http://127.0.0.1/)\n')).toEqual([]);
  });
});
