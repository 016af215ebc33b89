/**
 * Documents the fuzz run once broke an invariant on, kept as they were generated (the generator may
 * change; these texts do not). Each is named by the seed and index that produced it.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from './invariants.js';

const CASES: [name: string, text: string, why: string][] = [
  ['seed 20261124 #38', "# Title\r\n\r\n-  ![img](#section) [^note] [Python  Docs]\r\n## 2) Â  _ [x] [^note] <javascript:alert(1)> 𖥑ᾒ┿⼲\r\n##### \r\n## 10. 𝓮◨⠊ῑꙦṍ🃠𝈲٤ API <https://evil.example/> [A][x] www.example.com â€“ ~~ [A](https://evil.example/)\r\n", 'an empty heading gave heading-structure an empty fingerprint key: the run crashed'],
  ['seed 20261124 #51', "---\n---\n# Official Resources Only\n\n####### â€” [A][1] ) â€“ [Ã©tÃ©](https://xn--pypl-53dc.com/)\n> > > [deep](https://deep.example/)\n[ref][] &#x1F600; [a\\]b] [`c`](https://例え.jp/パス) REST 𑑠 <https://xn--pypl-53dc.com/> Â \n𖧕𐕑𝛛 â€™ 🤇 REST 𑻱🚊𒌸ᑝ [multi\nline][]\n𐑗Ԩ [Python Docs][ref] æ—¥æœ¬ [ 𝅘𝅥フℬ [](javascript:alert(1)) [](javascript:alert(1))\n   1. [](<https://angle.example/a b>)\n## \n", 'an empty section heading gave empty-section an empty fingerprint key: the run crashed'],
  ['empty URLs', '# T\n\n## S\n\n- [x]()\n- [](#)\n\nA [stray]() link and [](<>).\n', 'an empty URL is an empty fingerprint key for empty-link-text and stray-link'],
];

describe('fuzz regressions', () => {
  it.each(CASES)('%s', async (_name, text) => {
    const broken = await checkDocument(text);
    expect(broken).toEqual([]);
  });
});
