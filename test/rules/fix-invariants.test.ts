/**
 * markdownlint's two fix invariants, with every rule at its defaults, on the roadmap and on the
 * real lists in ../shared/corpus/lists, as they are and with every fifth line that has non-ASCII
 * text turned into windows-1252 mojibake (so the lists have fixes to apply): after fixing, no
 * finding has a fix left; fixing the result again changes nothing. (The rule pages' examples are
 * held to the same in docs.test.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lintRoadmap } from '../../src/index.js';
import { misdecode } from '../encoding/misdecode.js';
import { ROADMAP, ROOT } from '../helpers.js';

const LISTS = join(ROOT, '..', 'shared', 'corpus', 'lists');
const documents: [string, string][] = [['content/backend-roadmap.md', ROADMAP]];
if (existsSync(LISTS)) for (const f of readdirSync(LISTS).sort()) documents.push([`corpus/lists/${f}`, join(LISTS, f)]);
else console.warn(`fix invariants: ${LISTS} is absent; only the roadmap is checked`);

/** Every fifth line with non-ASCII text, read as windows-1252 (outside code, where a fix may not reach). */
function withMojibake(text: string): string {
  let n = 0;
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/u.test(line)) fenced = !fenced;
      if (fenced || line.includes('`') || !/[^\x00-\x7f]/u.test(line) || n++ % 5 !== 0) return line;
      return misdecode(line, 'windows-1252');
    })
    .join('\n');
}

describe.each(documents)('fixing %s', (name, path) => {
  it('with mojibake added: fixes something, leaves no fixable finding, and a second fix changes nothing', async () => {
    const source = withMojibake(readFileSync(path, 'utf8'));
    const once = await fixText(source, { path: name });
    expect(once.fixed).toBeGreaterThan(0);
    expect(once.cycled).toBe(false);
    expect((await lintRoadmap(once.output, { path: name })).filter((f) => f.fix)).toEqual([]);
    expect((await fixText(once.output, { path: name })).output).toBe(once.output);
  }, 120_000);

  it('as it is: leaves no fixable finding, and a second fix changes nothing', async () => {
    const source = readFileSync(path, 'utf8');
    const once = await fixText(source, { path: name });
    expect(once.cycled).toBe(false);
    expect((await lintRoadmap(once.output, { path: name })).filter((f) => f.fix)).toEqual([]);
    const twice = await fixText(once.output, { path: name });
    expect(twice.output).toBe(once.output);
    expect(twice.fixed).toBe(0);
  }, 60_000);
});
