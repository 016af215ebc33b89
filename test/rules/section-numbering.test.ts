import { describe, expect, it } from 'vitest';
import { findingsOf, fixedBy, placesOf } from './harness.js';

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

  it('lets a sequence start at 0, as free-programming-books does ("0 - Language Agnostic"), unless told otherwise', async () => {
    const source = [
      '# Бесплатные книги',
      '',
      '### Index',
      '',
      '* [0 - Language Agnostic](#0---language-agnostic)',
      '',
      '### 0 - Language Agnostic',
      '',
      '* [Программирование для начинающих](https://example.org/beginners) (PDF)',
      '',
      '### Arduino',
      '',
      '* [Arduino для начинающих](https://example.org/arduino)',
      '',
    ].join('\n');
    expect(await placesOf('section-numbering', source)).toEqual([]);
    expect(await placesOf('section-numbering', source, { options: { start: 1 } })).toEqual(['7:1 badStart']);
    expect(await placesOf('section-numbering', sections('## 0. A', '## 1. B', '## 3. C'))).toEqual(['11:1 gap']);
    expect(await placesOf('section-numbering', sections('## 1. A', '## 2. B'), { options: { start: [0] } })).toEqual(['3:1 badStart']);
  });

  it('names the allowed starts and the first format in its messages', async () => {
    const [bad] = await findingsOf('section-numbering', sections('## 2. A', '## 3. B'));
    expect(bad!.message).toBe('Numbered sections should start at 0 or 1, not 2 ("A")');
    const [format] = await findingsOf('section-numbering', sections('## 0. A', '## 1) B'));
    expect(format!.message).toBe('Section 1 is numbered "1)" but the first numbered section uses "0."');
  });

  it('passes a clean sequence and unnumbered sections', async () => {
    expect(await placesOf('section-numbering', sections('## How to use', '## 1. A', '## 2. B'))).toEqual([]);
  });
});
