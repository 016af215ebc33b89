import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitMarkdown, processRoadmap } from '../../src/index.js';
import { ROOT, roadmapText } from '../helpers.js';

const LISTS = join(ROOT, '..', 'shared', 'corpus', 'lists');
const lists = existsSync(LISTS) ? readdirSync(LISTS).filter((f) => f.endsWith('.md')).sort() : [];

/** Line numbers (1-based) where two texts differ, line by line (cleaning never adds or removes lines). */
function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y).toHaveLength(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [i + 1]));
}

function check(text: string, path: string): { changed: number; repaired: number } {
  const doc = processRoadmap(text, { path });
  const cleaned = emitMarkdown(doc);
  const repaired = new Set(doc.repairs.map((r) => r.startPoint.line));
  // The byte order mark is the file's, not the text's: outputs never start with one.
  const changed = changedLines(text.replace(/^\uFEFF/u, ''), cleaned);
  expect(changed.filter((line) => !repaired.has(line))).toEqual([]);
  // Parse again: the identical model.
  expect(processRoadmap(cleaned, { path }).roadmap).toEqual(doc.roadmap);
  return { changed: changed.length, repaired: repaired.size };
}

describe('cleaned Markdown changes only the lines with a repair', () => {
  it('the backend roadmap: exactly the 13 lines of its 14 repairs', () => {
    expect(check(roadmapText(), 'content/backend-roadmap.md')).toEqual({ changed: 13, repaired: 13 });
  });

  it('keeps emphasis markers, escapes, entities, CRLF and spacing as they are', () => {
    const text = '# T\r\n\r\n## S\r\n\r\n- _x_ and __y__ [A](https://a.example/?a=1&b=2) \\* &amp; caf\u00c3\u00a9\r\n+ [B](https://b.example/)   \r\n';
    const doc = processRoadmap(text, { path: 't.md' });
    expect(emitMarkdown(doc)).toBe(text.replace('caf\u00c3\u00a9', 'café'));
  });

  it('escapes what the repaired text needs, with remark-stringify', async () => {
    const { emitMarkdown: emit } = await import('../../src/emit/markdown.js');
    expect(emit('x AB y', [{ start: 2, end: 4, replacement: '*[a]*' }])).toBe('x \\*\\[a]\\* y');
  });

  it.each(lists)('%s: no line changes without a repair, and it parses back to the same model', (file) => {
    expect(check(readFileSync(join(LISTS, file), 'utf8'), file).changed).toBe(0);
  }, 120_000);
  if (lists.length === 0) it.skip('the shared lists are not beside the project (../shared/corpus/lists): skipped', () => {});
});
