import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('stray-link', () => {
  it('reports a link outside the lists, and one before the first section', async () => {
    const source = '# T\n\n* [Badge](https://badge.example/)\n\n## 1. S\n\nRead [the guide](https://guide.example/).\n\n* [A](https://a.example/)\n';
    expect(await placesOf('stray-link', source)).toEqual(['3:3 beforeFirstSection', '7:6 outsideList']);
    const [, prose] = await findingsOf('stray-link', source);
    expect(prose!.message).toBe('Link "the guide" (https://guide.example/) is outside any resource list: a link in a paragraph');
  });

  it('passes a document whose links are all in lists', async () => {
    expect(await placesOf('stray-link', '# T\n\n## 1. S\n\n* [A](https://a.example/)\n')).toEqual([]);
  });
});
