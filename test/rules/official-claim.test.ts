import { describe, expect, it } from 'vitest';
import { doc, findingsOf, placesOf } from './harness.js';

describe('official-claim', () => {
  it('reports a link that calls itself official on a host that is not', async () => {
    const source = doc('[Python Official Docs](https://w3schools.example/python/)');
    expect(await placesOf('official-claim', source)).toEqual(['5:3 claimsOfficial']);
    expect((await findingsOf('official-claim', source))[0]!.message).toContain('w3schools.example is not an official source, not for Python');
  });

  it('reports an @official@ marker on a host that is not official', async () => {
    expect(await placesOf('official-claim', doc('[@official@Git Documentation](https://git-tutorial.example/)'))).toEqual(['5:3 markedOfficial']);
  });

  it('passes true claims', async () => {
    expect(await placesOf('official-claim', doc('[Python Official Docs](https://docs.python.org/3/)', '[@official@Git Documentation](https://git-scm.com/doc)'))).toEqual([]);
  });
});
