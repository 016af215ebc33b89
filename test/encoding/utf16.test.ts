import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectUtf16 } from '../../src/encoding/detect.js';
import { decodeSource } from '../../src/pipeline/read.js';
import { cli, ROADMAP, tempDir } from '../helpers.js';

const text = readFileSync(ROADMAP, 'utf8');
const le = Buffer.from(text, 'utf16le');
const be = Buffer.from(le).swap16();
const bom = (b: Buffer, first: number, second: number): Buffer => Buffer.concat([Buffer.from([first, second]), b]);

describe('a document saved as UTF-16 is named for what it is', () => {
  it.each([
    ['UTF-16LE with a byte order mark', bom(le, 0xff, 0xfe), 'UTF-16LE', true],
    ['UTF-16BE with a byte order mark', bom(be, 0xfe, 0xff), 'UTF-16BE', true],
    ['UTF-16LE without one', le, 'UTF-16LE', false],
    ['UTF-16BE without one', be, 'UTF-16BE', false],
  ] as const)('%s', (_name, bytes, encoding, hasBom) => {
    expect(detectUtf16(bytes)).toEqual({ encoding, bom: hasBom });
    expect(() => decodeSource('doc.md', bytes)).toThrow(
      `doc.md: ${encoding} text${hasBom ? ' (with a byte order mark)' : ''}, not UTF-8: save it as UTF-8, or convert it with \`iconv -f ${hasBom ? 'UTF-16' : encoding} -t UTF-8\``,
    );
  });

  it('even when it is all Cyrillic or Chinese, which has no zero bytes but the line ends and spaces', () => {
    const lines = '# Дорожная карта\n\n## 1. Основы\n\n* [Документация](https://example.com/) — официальная\n# 路线图\n\n## 1. 基础\n';
    expect(detectUtf16(Buffer.from(lines, 'utf16le'))).toEqual({ encoding: 'UTF-16LE', bom: false });
  });

  it('does not take UTF-8 text or binary files for UTF-16', () => {
    expect(detectUtf16(Buffer.from(text, 'utf8'))).toBeNull();
    expect(detectUtf16(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBeNull();
    expect(() => decodeSource('bin.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]))).toThrow(/binary file/u);
  });

  it('roadmap lint says so in one line, with exit status 1', () => {
    const dir = tempDir();
    const file = join(dir, 'roadmap.md');
    writeFileSync(file, bom(le, 0xff, 0xfe));
    const r = cli(['lint', '--no-config', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('UTF-16LE text (with a byte order mark), not UTF-8');
    expect(r.stderr).not.toMatch(/binary|\n\s+at /u);
  });
});
