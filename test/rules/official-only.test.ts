import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

const list = (title: string, ...items: string[]) => `# ${title}\n\n## 1. Basics\n\n${items.map((i) => `* ${i}`).join('\n')}\n\n## 2. Courses\n\n* [Course](https://www.udemy.com/course/x/)\n`;

describe('official-only', () => {
  it('reports every non-official resource when the title promises official resources only', async () => {
    const source = list('Node Roadmap — Official Resources Only', '[Node.js Docs](https://nodejs.org/docs/latest/api/)', '[A blog](https://blog.example/node)');
    expect(await placesOf('official-only', source)).toEqual(['6:3 notOfficial', '10:3 notOfficial']);
  });

  it('exempts sections by number, title or slug, each with a reason', async () => {
    const source = list('Node Roadmap — Official Resources Only', '[Node.js Docs](https://nodejs.org/docs/latest/api/)');
    expect(await placesOf('official-only', source, { options: { exempt: [{ section: 2, reason: 'courses on purpose' }] } })).toEqual([]);
    expect(await placesOf('official-only', source, { options: { exempt: [{ section: 'courses', reason: 'courses on purpose' }] } })).toEqual([]);
  });

  it('says nothing without the promise, and the configuration can make it', async () => {
    const source = list('Node Roadmap', '[A blog](https://blog.example/node)');
    expect(await placesOf('official-only', source)).toEqual([]);
    expect(await findingsOf('official-only', source, { officialOnly: true })).toHaveLength(2);
  });
});
