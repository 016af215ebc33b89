import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('anchor-target', () => {
  it('reports an anchor that matches nothing, and a malformed escape without crashing', async () => {
    const source = '# T\n\n* [a](#nowhere)\n* [b](#%E0%A4%A)\n\n## 1. S\n\n* [x](https://x.example/)\n';
    expect(await placesOf('anchor-target', source)).toEqual(['3:3 missing', '4:3 malformed']);
    expect((await findingsOf('anchor-target', source))[0]!.message).toBe('Anchor "#nowhere" matches no heading of this document');
  });

  it('counts every heading (duplicates numbered as GitHub does), HTML ids and names, and escapes', async () => {
    const source = [
      '# T',
      '',
      '* [s](#1-setup) [n](#notes-1) [i](#install) [top](#top) [nm](#legacy) [u](#caf%C3%A9)',
      '',
      '<a id="top"></a>',
      '',
      '## 1. Setup <a name="legacy"></a>',
      '',
      '### Notes',
      '',
      '### Notes',
      '',
      '#### Install',
      '',
      '## Café',
      '',
      '* [x](https://x.example/)',
      '',
    ].join('\n');
    expect(await placesOf('anchor-target', source)).toEqual([]);
  });
});
