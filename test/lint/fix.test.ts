import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, type Finding } from '../../src/index.js';
import { applyFixes } from '../../src/lint/fix.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { tempDir } from '../helpers.js';

const finding = (offset: number, deleteCount: number, insert: string): Finding => ({
  file: 'x.md',
  ruleId: 'test',
  messageId: 'test',
  severity: 'error',
  message: 'm',
  docUrl: '',
  start: { line: 1, column: offset + 1, offset },
  end: { line: 1, column: offset + deleteCount + 1, offset: offset + deleteCount },
  fix: { description: 'd', edits: [{ offset, deleteCount, insert }] },
  fingerprint: 'f',
});

describe('applying fixes', () => {
  it('applies non-overlapping edits and leaves everything else as it was', () => {
    const r = applyFixes('abcdef', [finding(4, 1, 'E'), finding(0, 2, 'AB')]);
    expect(r.output).toBe('ABcdEf');
    expect(r.applied).toHaveLength(2);
  });

  it('applies the first of overlapping edits and reports the rest', () => {
    const first = finding(1, 3, 'X');
    const second = finding(2, 2, 'Y');
    const same = finding(1, 0, 'Z');
    const r = applyFixes('abcdef', [second, first, same]);
    expect(r.output).toBe('aXef');
    expect(r.applied).toEqual([first]);
    expect(r.conflicts).toEqual(expect.arrayContaining([second, same]));
  });

  it('repeats until stable, and stops when fixes undo each other', async () => {
    const fixed = await fixText('# Ã©tÃ©\n\n## S\n\n* [a](https://a.example/)\n');
    expect(fixed.output).toBe('# été\n\n## S\n\n* [a](https://a.example/)\n');
    expect(fixed.cycled).toBe(false);
    const { fixUntilStable } = await import('../../src/lint/fix.js');
    const cycling = await fixUntilStable('a', async (text) => {
      return [finding(0, 1, text === 'a' ? 'b' : 'a')];
    });
    expect(cycling.cycled).toBe(true);
  });
});

describe('atomic writes', () => {
  it('write through a symbolic link and keep it a link', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.md'), 'old');
    symlinkSync('real.md', join(dir, 'link.md'));
    await writeFileAtomic(join(dir, 'link.md'), 'new');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('new');
  });
});

describe('section-numbering fixes the number format only', () => {
  it('rewrites the separator and nothing else', async () => {
    const text = '# T\n\n## 1. One\n\n* [a](https://a.example/)\n\n## 2) **Two**\n\n* [b](https://b.example/)\n\n## 3 - Three\n\n* [c](https://c.example/)\n';
    const { output } = await fixText(text);
    expect(output).toBe(text.replace('## 2) **Two**', '## 2. **Two**').replace('## 3 - Three', '## 3. Three'));
  });

  it('keeps a "1 -" style when that is the first one', async () => {
    const text = '# T\n\n## 1 - One\n\n* [a](https://a.example/)\n\n## 2. Two\n\n* [b](https://b.example/)\n';
    expect((await fixText(text)).output).toBe(text.replace('## 2. Two', '## 2 - Two'));
  });
});
