import { describe, expect, it } from 'vitest';
import { doc, findingsOf, placesOf } from './harness.js';

describe('duplicate-link', () => {
  it('reports a link to the same resource after normalisation, pointing back at the first', async () => {
    const source = doc('[Python Docs](https://docs.python.org/3/)', '[Again](http://www.docs.python.org/3?utm_source=x)');
    expect(await placesOf('duplicate-link', source)).toEqual(['6:3 duplicate']);
    const [f] = await findingsOf('duplicate-link', source);
    expect(f!.related).toEqual({ message: 'first linked here', line: 5, column: 3 });
    expect(f!.fingerprint).toBe('duplicate-link:duplicate:https://docs.python.org/3');
  });

  it('leaves empty link targets alone (API docs write [string]() for a type)', async () => {
    const source = doc('[string]()', '[Object]()', '[string]()');
    expect(await placesOf('duplicate-link', source)).toEqual([]);
  });

  it('keeps different pages apart, and honours scope, fragments and the allow list', async () => {
    const source = '# T\n\n## 1. A\n\n* [a](https://x.example/p)\n* [b](https://x.example/p#frag)\n\n## 2. B\n\n* [c](https://x.example/p)\n* [d](https://x.example/watch?v=2)\n';
    expect(await placesOf('duplicate-link', source)).toEqual(['10:3 duplicate']);
    expect(await placesOf('duplicate-link', source, { options: { scope: 'section' } })).toEqual([]);
    expect(await placesOf('duplicate-link', source, { options: { ignoreFragment: true } })).toEqual(['6:3 duplicate', '10:3 duplicate']);
    expect(await placesOf('duplicate-link', source, { options: { allow: [{ url: 'https://x.example/p', reason: 'per topic' }] } })).toEqual([]);
  });
});
