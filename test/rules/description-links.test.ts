import { describe, expect, it } from 'vitest';
import { placesOf } from './harness.js';

// The awesome-python shape: a link inside an item's description is not a resource.
const source = [
  '# Awesome Python',
  '',
  '## HTTP Clients',
  '',
  '- [httpx2](https://github.com/someone/httpx2) - HTTP/2 client ([httpx](https://github.com/encode/httpx) fork); see the [Python Official Docs](https://w3schools.example/python/) and [Redis Docs](https://redis.io/documentation).',
  '- [httpx](https://github.com/encode/httpx) - A next generation HTTP client.',
  '- [Redis Docs](https://redis.io/docs/) - The Redis manual.',
  '',
].join('\n');

describe('links inside descriptions', () => {
  it('are skipped by duplicate-link, similar-link and official-claim by default', async () => {
    expect(await placesOf('duplicate-link', source)).toEqual([]);
    expect(await placesOf('similar-link', source)).toEqual([]);
    expect(await placesOf('official-claim', source)).toEqual([]);
  });

  it('are compared and judged when descriptionLinks asks', async () => {
    const options = { descriptionLinks: true };
    expect(await placesOf('duplicate-link', source, { options })).toEqual(['6:3 duplicate']);
    expect(await placesOf('similar-link', source, { options })).toEqual(['7:3 similar']);
    expect(await placesOf('official-claim', source, { options })).toEqual(['5:120 claimsOfficial']);
  });
});
