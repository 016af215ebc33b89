import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('empty-section', () => {
  it('reports a section with nothing in it', async () => {
    const source = '# T\n\n## 1. Empty\n\n## 2. Full\n\n* [x](https://x.example/)\n';
    expect(await placesOf('empty-section', source)).toEqual(['3:1 empty']);
    expect((await findingsOf('empty-section', source))[0]!.fingerprint).toBe('empty-section:empty:1-empty');
  });

  it('passes a section whose content is its subsections', async () => {
    expect(await placesOf('empty-section', '# T\n\n## 1. Parent\n\n### Child\n\n* [x](https://x.example/)\n')).toEqual([]);
  });

  it('takes a table of contents, prose, a table or a quote for content (awesome lists)', async () => {
    const source = [
      '# Awesome Python',
      '',
      '## **Sponsors**',
      '',
      '> The **#10 most-starred repo on GitHub**. Put your product in front of Python developers. [Become a sponsor](SPONSORSHIP.md).',
      '',
      '## Contents',
      '',
      '- [Official](#official)',
      '- [Packages](#packages)',
      '\t- [Mad science](#mad-science)',
      '',
      '## Contributing',
      '',
      'Your contributions are always welcome! Please take a look at the [contribution guidelines](CONTRIBUTING.md) first.',
      '',
      '---',
      '',
      '## Status',
      '',
      '| API | Status |',
      '|---|---|',
      '| Cats | up |',
      '',
      '## Official',
      '',
      '- [Node.js](https://nodejs.org/)',
      '',
    ].join('\n');
    expect(await placesOf('empty-section', source)).toEqual([]);
  });

  it('still reports a section holding only a comment or a rule line (free-programming-books-zh)', async () => {
    const source = ['# 免费的编程中文书籍索引', '', '### 数据库', '', '<!-- Waiting to add in -->', '', '---', '', '### 编程语言', '', '* [Python 教程](https://example.org/python)', ''].join('\n');
    expect(await placesOf('empty-section', source)).toEqual(['3:1 empty']);
  });
});
