import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherEvidence, repairText, type Repair } from '../../src/encoding/index.js';
import { cli, tempDir } from '../helpers.js';

/** Repair each line of a document with the whole document as evidence, as the pipeline does. */
function repairDocument(lines: string[]): { text: string[]; repairs: Repair[][] } {
  const evidence = gatherEvidence(lines);
  const results = lines.map((l) => repairText(l, { evidence }));
  return { text: results.map((r) => r.text), repairs: results.map((r) => r.repairs) };
}

describe('correct Cyrillic next to windows-1251 mojibake in one document', () => {
  const doc = [
    'РџСЂРёРІС–С‚, СЃРІС–С‚Рµ!',
    'Рівень доступу змінено.',
    'Сірий кіт спить.',
    'ВОЗВРАЩАЕМЫЕ ЗНАЧЕНИЯ',
    'В лесу родилась ёлочка.',
    'Сі та Рі — ноти.',
  ];

  it('repairs the mojibake line', () => {
    expect(repairDocument(doc).text[0]).toBe('Привіт, світе!');
  });

  it('leaves every correct line as it is, although its words start with pairs that decode', () => {
    const { text, repairs } = repairDocument(doc);
    expect(text.slice(1)).toEqual(doc.slice(1));
    expect(repairs.slice(1).flat()).toEqual([]);
  });

  it('still repairs a fragment that is mojibake through and through', () => {
    const { text } = repairDocument([...doc, 'РґРѕСЂРѕРіРµ']);
    expect(text.at(-1)).toBe('дороге');
  });
});

describe('repairs stay inside their mojibake run', () => {
  it.each([
    ['Offer: 5×£35 at the Ã‰cole.', 'Offer: 5×£35 at the École.', ['Ã‰']],
    ['NESTLÉ® cafÃ©', 'NESTLÉ® café', ['Ã©']],
    ['## 1. Ä… Ø Ã‰cole', '## 1. Ä… Ø École', ['Ã‰']],
  ])('%s', (line, fixed, originals) => {
    const { text, repairs } = repairText(line);
    expect(text).toBe(fixed);
    expect(repairs.map((r) => r.original)).toEqual(originals);
    for (const r of repairs) expect(line.slice(r.start, r.end)).toBe(r.original);
  });

  it('judges the same lines alike inside a document full of windows-1252 mojibake', () => {
    const doc = ['CafÃ© crÃ¨me â€” naÃ¯ve', 'Offer: 5×£35 at the Ã‰cole.', 'NESTLÉ® cafÃ©', 'Offering 5×£35 pin ups', 'NESTLÉ® requiere personal'];
    expect(repairDocument(doc).text).toEqual([
      'Café crème — naïve',
      'Offer: 5×£35 at the École.',
      'NESTLÉ® café',
      'Offering 5×£35 pin ups',
      'NESTLÉ® requiere personal',
    ]);
  });
});

describe('no repair produces a control character', () => {
  it('does not read "À€" (C0 80, modified UTF-8 for U+0000) as a NUL', () => {
    const { text, repairs } = repairText('Hello À€ world.');
    expect(text).toBe('Hello À€ world.');
    expect(repairs).toEqual([]);
  });

  it('not even with windows-1252 evidence from the rest of the document', () => {
    const { text } = repairDocument(['CafÃ© â€” ok', 'Hello À€ world.', 'Â\u0080 and Ã\u0081']);
    expect(text.join('\n')).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u);
    expect(text[1]).toBe('Hello À€ world.');
  });

  it('roadmap lint --fix never writes a NUL byte', () => {
    const dir = tempDir();
    const file = join(dir, 'doc.md');
    writeFileSync(file, '# Notes\n\nHello À€ world. CafÃ© â€” ok.\n');
    cli(['lint', '--fix', '--no-config', file]);
    const after = readFileSync(file);
    expect(after.includes(0)).toBe(false);
    expect(after.toString('utf8')).toBe('# Notes\n\nHello À€ world. Café — ok.\n');
    // The file is still Markdown to every later run.
    expect(cli(['lint', '--no-config', file]).stderr).not.toMatch(/binary/u);
  });
});
