import { describe, expect, it } from 'vitest';
import { doc, findingsOf, fixedBy, placesOf } from './harness.js';

describe('mojibake', () => {
  it('reports each mis-decoded run with its repair and path, and fixes exactly it', async () => {
    const source = doc('[MDN â€” HTTP](https://developer.mozilla.org/) â€” the reference');
    expect(await placesOf('mojibake', source)).toEqual(['5:8 mojibake', '5:50 mojibake']);
    const [f] = await findingsOf('mojibake', source);
    expect(f!.message).toBe('Mojibake "â€”" should be "—" (utf-8 read as windows-1252)');
    expect(f!.fix!.edits).toEqual([{ offset: source.indexOf('â€”'), deleteCount: 3, insert: '—' }]);
    expect(await fixedBy('mojibake', source)).toBe(doc('[MDN — HTTP](https://developer.mozilla.org/) — the reference'));
  });

  it('says when the rest of the document settled an ambiguous fragment', async () => {
    const source = `# CafÃ© Ã©tudes\n\n## 1. Notes\n\nPrix Ã  la carte. Ã‰cole.\n\n* [CrÃ¨me](https://example.com/)\n`;
    const ids = (await findingsOf('mojibake', source)).map((f) => f.messageId);
    expect(ids.every((id) => id === 'mojibake' || id === 'mojibakeByEvidence')).toBe(true);
    expect(await fixedBy('mojibake', source)).toBe('# Café études\n\n## 1. Notes\n\nPrix à la carte. École.\n\n* [Crème](https://example.com/)\n');
  });

  it('leaves correct text and code alone', async () => {
    expect(await placesOf('mojibake', doc('[Crème brûlée](https://example.com/) — NESTLÉ®, 5×£35, `â€”` in code'))).toEqual([]);
  });

  it('reports exactly the mojibake run of a line that also holds correct text', async () => {
    const source = '# Offers\n\n## 1. Ä… Ø Ã‰cole\n\nOffer: 5×£35 at the Ã‰cole. NESTLÉ® cafÃ©\n';
    const findings = await findingsOf('mojibake', source);
    expect(findings.map((f) => [f.start.line, f.message])).toEqual([
      [3, 'Mojibake "Ã‰" should be "É" (utf-8 read as windows-1252)'],
      [5, 'Mojibake "Ã‰" should be "É" (utf-8 read as windows-1252)'],
      [5, 'Mojibake "Ã©" should be "é" (utf-8 read as windows-1252)'],
    ]);
    expect(await fixedBy('mojibake', source)).toBe('# Offers\n\n## 1. Ä… Ø École\n\nOffer: 5×£35 at the École. NESTLÉ® café\n');
  });

  it('fixes windows-1251 mojibake and leaves the correct Cyrillic around it as it is', async () => {
    const source = '# Нотатки\n\n## 1. Доступ\n\nРџСЂРёРІС–С‚, СЃРІС–С‚Рµ!\n\nРівень доступу змінено. Сірий кіт спить.\n\nВОЗВРАЩАЕМЫЕ ЗНАЧЕНИЯ\n';
    expect(await fixedBy('mojibake', source)).toBe(source.replace('РџСЂРёРІС–С‚, СЃРІС–С‚Рµ!', 'Привіт, світе!'));
  });

  it('counts positions in the file on disk, the fingerprint names the repair', async () => {
    const [f] = await findingsOf('mojibake', '# A\n\n## 1. B\n\n* [x](https://x.example/) Ã©tÃ©\n');
    expect(f).toMatchObject({ start: { line: 5, column: 27 }, fingerprint: 'mojibake:mojibake:Ã©->é' });
  });
});
