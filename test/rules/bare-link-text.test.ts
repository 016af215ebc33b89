import { describe, expect, it } from 'vitest';
import { doc, placesOf } from './harness.js';

describe('bare-link-text', () => {
  it('reports a resource named by its own URL', async () => {
    expect(await placesOf('bare-link-text', doc('[https://docs.python.org/3/](https://docs.python.org/3/)', '[docs.python.org/3](https://docs.python.org/3)'))).toEqual([
      '5:3 bare',
      '6:3 bare',
    ]);
  });

  it('passes a named resource, and URLs in prose', async () => {
    expect(await placesOf('bare-link-text', `# T\n\nSee <https://a.example/>.\n\n## 1. B\n\n* [Python Docs](https://docs.python.org/3/)\n`)).toEqual([]);
  });
});

describe('bare-link-text and names that look like addresses', () => {
  it('passes product names that are domains and file names, as public-apis writes them', async () => {
    expect(await placesOf('bare-link-text', doc('[JSONbin.io](https://jsonbin.io)', '[LICENSE](LICENSE)', '[WebScraping.AI](https://webscraping.ai/)'))).toEqual([]);
    expect(await placesOf('bare-link-text', doc('[www.jsonbin.io](https://www.jsonbin.io/)'))).toEqual(['5:3 bare']);
  });
});
