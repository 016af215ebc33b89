import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('empty-section', () => {
  it('reports a section with nothing in it', async () => {
    const source = '# T\n\n## 1. Empty\n\n## 2. Full\n\n* [x](https://x.example/)\n';
    expect(await placesOf('empty-section', source)).toEqual(['3:1 empty']);
    expect((await findingsOf('empty-section', source))[0]!.fingerprint).toBe('empty-section:empty:1-empty');
  });

  it('passes a section whose content is its subsections', async () => {
    expect(await placesOf('empty-section', '# T\n\n## 1. Parent\n\n### Child\n\n* [x](https://x.example/)\n')).toEqual([]);
  });
});
