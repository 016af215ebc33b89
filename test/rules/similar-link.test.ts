import { describe, expect, it } from 'vitest';
import { doc, findingsOf, placesOf } from './harness.js';

describe('similar-link', () => {
  it('reports the same title on the same host with another URL, pointing at the first', async () => {
    const source = doc('[Redis Docs](https://redis.io/documentation)', '[Redis docs](https://redis.io/docs/)');
    expect(await placesOf('similar-link', source)).toEqual(['6:3 similar']);
    expect((await findingsOf('similar-link', source))[0]!.related).toEqual({ message: 'same title here', line: 5, column: 3 });
  });

  it('passes different titles, and other hosts', async () => {
    expect(await placesOf('similar-link', doc('[Redis Docs](https://redis.io/docs/)', '[Redis Commands](https://redis.io/commands/)', '[Redis Docs](https://mirror.example/redis)'))).toEqual([]);
  });
});
