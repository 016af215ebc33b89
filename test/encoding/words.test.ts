import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherEvidence, repairText, type Repair } from '../../src/encoding/index.js';
import { cli, tempDir } from '../helpers.js';
import { misdecode } from './misdecode.js';

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

describe('MacRoman readings of Cyrillic and other scripts', () => {
  it('repairs Cyrillic read as MacRoman, every second character a dash', () => {
    expect(repairText('–ü—Ä–∏–≤–µ—Ç, –º–∏—Ä!').text).toBe('Привет, мир!');
    expect(repairText('groupadd - —Å–æ–∑–¥–∞—ë—Ç –Ω–æ–≤—É—é –≥—Ä—É–ø–ø—É').text).toBe('groupadd - создаёт новую группу');
  });

  it.each(['שלום עולם', 'Ελληνικά', 'Բարև ձեզ', '日本語のテキスト', '한국어 텍스트', 'สวัสดีครับ', 'będąca podręcznika'])(
    'repairs %s read as MacRoman',
    (text) => {
      expect(repairText(misdecode(text, 'macroman')).text).toBe(text);
    },
  );

  it('leaves real dashes alone, also in a document with MacRoman mojibake', () => {
    const doc = ['–ü—Ä–∏–≤–µ—Ç, –º–∏—Ä!', 'Привет — мир, 2010–2012, Köln–Düsseldorf, é–è, à—é', '(-1/2)! = √π, ≈ 5, ƒ(x)'];
    expect(repairDocument(doc).text).toEqual(['Привет, мир!', doc[1], doc[2]]);
  });
});

describe('windows-1251 readings of every script', () => {
  it.each(['שלום עולם', 'Ελληνικά', 'Բարև ձեզ', '日本語のテキスト', '한국어 텍스트', 'สวัสดีครับ', 'رسالة', 'Für die Übersicht'])(
    'repairs %s read as windows-1251',
    (text) => {
      expect(repairText(misdecode(text, 'windows-1251')).text).toBe(text);
    },
  );

  it('repairs CJK read as windows-1251 when it is short or mixed with correct Cyrillic', () => {
    expect(repairText('ж—Ґжњ¬иЄћ').text).toBe('日本語');
    expect(repairText('Язык: ж—Ґжњ¬иЄћ').text).toBe('Язык: 日本語');
  });

  it('repairs Latin-1 signs standing alone (В© В· В» Вµ) on the evidence of the rest of the document', () => {
    const lines = ['Copyright В© 2020', 'a В· b', 'В» next', 'Вµ'];
    for (const l of lines) expect(repairText(l).text).toBe(l);
    const { text, repairs } = repairDocument(['РџСЂРёРІС–С‚, СЃРІС–С‚Рµ!', ...lines]);
    expect(text.slice(1)).toEqual(['Copyright © 2020', 'a · b', '» next', 'µ']);
    expect(repairs.slice(1).flat().map((r) => r.basis)).toEqual(['document', 'document', 'document', 'document']);
  });

  it('never reads a real Cyrillic letter next to a sign as one of them', () => {
    const doc = ['РџСЂРёРІС–С‚, СЃРІС–С‚Рµ!', 'пункт «В» отменён, В лесу', 'ВІКІ is Ukrainian for WIKI', 'Оё', 'Ελληνικά'];
    expect(repairDocument(doc).text.slice(1)).toEqual(doc.slice(1));
  });
});

describe('two-letter Armenian, Arabic and Hebrew fragments', () => {
  it('are left alone on their own: nothing shows they are mojibake', () => {
    for (const l of ['Õ¤', 'Ù’']) expect(repairText(l).text).toBe(l);
  });

  it('are repaired when the document holds certain mojibake of the same script and code page', () => {
    expect(repairDocument(['Õ€Õ¡Õ¶Ö€Õ¡ÕºÕ¥Õ¿Õ¸Ö‚Õ©ÕµÕ¸Ö‚Õ¶', 'Õ¤']).text[1]).toBe('դ');
    expect(repairDocument(['Ø±Ø³Ø§Ù„Ø©', 'Ù’']).text[1]).toBe('ْ');
    expect(repairDocument(['×‘×”×•×“×¢×”', '×¢×´×™ gzip']).text[1]).toBe('ע״י gzip');
  });

  it('settles Arabic digits whose no-break spaces were lost, on the evidence of their own line', () => {
    expect(repairText('أكثر Ù…Ù† Ù Ù Ù¡ Ø¨Ù„Ø¯').text).toBe('أكثر من ٠٠١ بلد');
  });
});
