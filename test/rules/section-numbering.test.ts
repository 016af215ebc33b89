import { describe, expect, it } from 'vitest';
import { fixedBy, placesOf } from './harness.js';

const sections = (...headings: string[]): string => `# T\n\n${headings.map((h, i) => `${h}\n\n* [x](https://x.example/${i})\n`).join('\n')}`;

describe('section-numbering', () => {
  it('reports a bad start, a gap and a repeat', async () => {
    expect(await placesOf('section-numbering', sections('## 2. A', '## 3. B'))).toEqual(['3:1 badStart']);
    expect(await placesOf('section-numbering', sections('## 1. A', '## 3. B'))).toEqual(['7:1 gap']);
    expect(await placesOf('section-numbering', sections('## 1. A', '## 2. B', '## 2. C'))).toEqual(['11:1 repeated']);
  });

  it('fixes a mixed number format to the first one, changing only the separator', async () => {
    const source = sections('## 1. A', '## 2) B', '## 3 - C');
    expect(await placesOf('section-numbering', source)).toEqual(['7:1 format', '11:1 format']);
    expect(await fixedBy('section-numbering', source)).toBe(sections('## 1. A', '## 2. B', '## 3. C'));
  });

  it('passes a clean sequence and unnumbered sections', async () => {
    expect(await placesOf('section-numbering', sections('## How to use', '## 1. A', '## 2. B'))).toEqual([]);
  });
});
