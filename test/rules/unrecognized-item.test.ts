import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('unrecognized-item', () => {
  it('reports a link in a list item shape the extractor cannot read, keyed by its URL', async () => {
    const source = '# T\n\n## 1. S\n\n* A note.\n\n  More about [the tutorial](https://docs.python.org/3/tutorial/).\n';
    expect(await placesOf('unrecognized-item', source)).toEqual(['7:14 unrecognizedItem']);
    expect((await findingsOf('unrecognized-item', source))[0]!.fingerprint).toBe('unrecognized-item:unrecognizedItem:https://docs.python.org/3/tutorial/');
  });

  it('passes the shapes it reads', async () => {
    expect(await placesOf('unrecognized-item', '# T\n\n## 1. S\n\n* [A](https://a.example/) - about A\n* **Label**: [B](https://b.example/) | [C](https://c.example/)\n')).toEqual([]);
  });
});
