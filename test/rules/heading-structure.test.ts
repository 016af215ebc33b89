import { describe, expect, it } from 'vitest';
import { sharedCorpus } from '../helpers.js';
import { findingsOf, placesOf } from './harness.js';

describe('heading-structure', () => {
  it('reports a heading before the title, a second H1 and a skipped level', async () => {
    const source = '## Intro\n\n# Title\n\n## 1. A\n\n#### Deep\n\n# Another\n';
    expect(await placesOf('heading-structure', source)).toEqual(['1:1 titleNotFirst', '7:1 skippedLevel', '9:1 secondTitle']);
  });

  it('points a second title back at the first one', async () => {
    const [f] = await findingsOf('heading-structure', '# One\n\n## 1. A\n\n* [a](https://a.example/)\n\n# Two\n');
    expect(f).toMatchObject({ messageId: 'secondTitle', message: 'Second H1 "Two": a document has one title (first H1 at line 1)' });
    expect(f!.related).toEqual({ message: 'the title', line: 1, column: 1 });
  });

  it('passes one title and levels that step down one at a time', async () => {
    expect(await placesOf('heading-structure', '# T\n\n## 1. A\n\n### A.1\n\n## 2. B\n\n### B.1\n')).toEqual([]);
  });
});

describe('heading-structure on documents without a usable H1', () => {
  it('reports a missing H1 as a warning even when the rule is an error, and an empty H1 as an error', async () => {
    const [missing] = await findingsOf('heading-structure', '## 1. Basics\n\n* [Guide](https://guide.example/)\n', { path: 'guide.md' });
    expect(missing).toMatchObject({ messageId: 'noTitle', severity: 'warn', message: 'No H1 title: the title "1. Basics" is taken from the first heading' });
    const [named] = await findingsOf('heading-structure', '* [Guide](https://guide.example/)\n', { path: 'guide.md' });
    expect(named).toMatchObject({ messageId: 'noTitle', severity: 'warn', message: 'No H1 title: the title "guide" is taken from the file name' });
    const [empty] = await findingsOf('heading-structure', '#\n\n## 1. Basics\n\n* [Guide](https://guide.example/)\n');
    expect(empty).toMatchObject({ messageId: 'emptyTitle', severity: 'error', start: { line: 1, column: 1 } });
  });
});

describe('heading-structure with a title given on purpose', () => {
  it('does not ask for an H1 where the front matter or a leading HTML block gives the title', async () => {
    expect(await placesOf('heading-structure', '---\ntitle: Backend\n---\n\n## 1. Basics\n\n* [Guide](https://guide.example/)\n')).toEqual([]);
    // awesome-nodejs opens with a centred logo whose alt text is its title, and has no H1.
    const nodejs = sharedCorpus().find((c) => c.name === 'awesome-nodejs.md');
    if (nodejs) expect((await findingsOf('heading-structure', nodejs.text)).map((f) => f.messageId)).toEqual([]);
  });
});

describe('heading-structure without an H1', () => {
  it('judges levels from the first heading, as book lists that start at "###" are written', async () => {
    expect(await placesOf('heading-structure', '### Index\n\n* [ABAP](#abap)\n\n### ABAP\n\n* [x](https://x.example/)\n')).toEqual(['1:1 noTitle']);
  });
});
