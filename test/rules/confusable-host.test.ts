import { describe, expect, it } from 'vitest';
import { doc, findingsOf, placesOf } from './harness.js';

describe('confusable-host', () => {
  it('reports a host spelt with look-alike letters, in Unicode or punycode', async () => {
    expect(await placesOf('confusable-host', doc('[Node](https://nоdejs.org/)', '[Node](https://xn--ndejs-jye.org/)'))).toEqual(['5:3 lookalike', '6:3 lookalike']);
    expect((await findingsOf('confusable-host', doc('[Node](https://nоdejs.org/)')))[0]!.message).toBe(
      'Host nоdejs.org (xn--ndejs-jye.org) imitates nodejs.org with look-alike letters from another script',
    );
  });

  it('passes real hosts and hosts in other scripts that imitate nothing', async () => {
    expect(await placesOf('confusable-host', doc('[Node](https://nodejs.org/)', '[Яндекс](https://яндекс.рф/)'))).toEqual([]);
  });
});
