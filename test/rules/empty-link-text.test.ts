import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('empty-link-text', () => {
  it('reports links with no text, inline and by reference', async () => {
    const source = '# T\n\nSee [](https://a.example/) and [ ][r].\n\n[r]: https://r.example/\n';
    expect(await placesOf('empty-link-text', source)).toEqual(['3:5 empty', '3:32 empty']);
    expect((await findingsOf('empty-link-text', source))[0]!.message).toBe('Link to "https://a.example/" has no text');
  });

  it('passes an image as the link text', async () => {
    expect(await placesOf('empty-link-text', '# T\n\n[![logo](https://a.example/l.png)](https://a.example/)\n')).toEqual([]);
  });
});

describe('empty-link-text and images in raw HTML', () => {
  it('passes a link whose content is an HTML image, as badges and sponsor logos are written', async () => {
    expect(await placesOf('empty-link-text', '# T\n\n[<img src="https://a.example/run.svg" alt="Run In Postman">](https://a.example/)\n')).toEqual([]);
  });
});
