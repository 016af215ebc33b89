import { describe, expect, it } from 'vitest';
import { explain, gatherEvidence, isBad, repairText } from '../../src/encoding/index.js';
import { roadmapText } from '../helpers.js';
import { cesuAsLatin1, misdecode } from './misdecode.js';

const fix = (s: string): string => repairText(s).text;

describe('repairText: our own cases', () => {
  it.each([
    ['windows-1252', 'Crème brûlée — naïve façade'],
    ['windows-1250', 'Zażółć gęślą jaźń — Příliš žluťoučký kůň'],
    ['windows-1251', 'Съешь же ещё этих мягких французских булок'],
    ['windows-1253', 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία'],
    ['windows-1254', 'Pijamalı hasta yağız şoföre çabucak güvendi'],
    ['windows-1257', 'Įlinkdama fechtuotojo špaga sublykčiojusi'],
    ['macroman', 'Größenwahn über Äpfel — déjà vu'],
    ['cp437', 'Über Größe: ¿qué? — no, ñandú'],
    ['iso-8859-2', 'Kŕdeľ šťastných ďatľov učí pri ústí Váhu'],
  ] as const)('undoes UTF-8 read as %s', (page, text) => {
    expect(fix(misdecode(text, page))).toBe(text);
  });

  it('undoes two and three layers', () => {
    const once = misdecode('café “quoted”', 'windows-1252');
    expect(fix(misdecode(once, 'windows-1252'))).toBe('café “quoted”');
    expect(fix(misdecode(misdecode(once, 'windows-1252'), 'windows-1252'))).toBe('café “quoted”');
  });

  it('repairs mojibake next to correct text in one line', () => {
    const line = `Real 中文 and ✅ stay; ${misdecode('naïve — ✅', 'windows-1252')} is fixed`;
    expect(fix(line)).toBe('Real 中文 and ✅ stay; naïve — ✅ is fixed');
  });

  it('reads C1 controls (windows-1252 text read as latin-1) as their windows-1252 characters', () => {
    expect(fix('\x93Hello\x94 \x96 world\x85')).toBe('“Hello” – world…');
  });

  it('handles the five bytes windows-1252 leaves undefined (81 8D 8F 90 9D)', () => {
    expect(fix('â€œquotedâ€\x9d and Ã\x81rbol')).toBe('“quoted” and Árbol');
    expect(fix(misdecode('Ł Ő Ř ō ŏ Ő', 'windows-1252'))).toBe('Ł Ő Ř ō ŏ Ő');
  });

  it('picks MacRoman for a C1 control inside a word', () => {
    expect(fix('ma\x96ana')).toBe('mañana');
  });

  it('puts back a no-break space an editor turned into a space', () => {
    expect(fix('Il est lÃ maintenant')).toBe('Il est là maintenant');
    expect(fix('mehr alsÂ 10 km')).toBe('mehr als\u00a010 km');
  });

  it('keeps what it can of sequences partly lost to U+FFFD', () => {
    expect(fix('â€œpartly lostâ€�')).toBe('“partly lost�');
  });

  it('decodes CESU-8 and Java modified UTF-8', () => {
    expect(fix(cesuAsLatin1('emoji 😀 and 🎉'))).toBe('emoji 😀 and 🎉');
  });

  it.each([
    'Ünïcödé façade in Crème brûlée',
    'Ελληνικά κείμενα και Кириллица рядом',
    '中文，日本語、한국어 and emoji 👍🏽🚀',
    '(ò_ó) ಠ_ಠ ¯\\_(ツ)_/¯ (╯°□°）╯︵ ┻━┻',
    '∑ x² ≤ √π ± ∞, 5×£35, NESTLÉ®, 2012—∞',
    'Ångström Å— ÀÉÎÕÜ ÿ ß œ Œuvre',
    'Ōsaka, Āø, Ōō, Łódź, Ştefan, Đorđe, Çağrı',
  ])('leaves correct text alone: %s', (text) => {
    expect(fix(text)).toBe(text);
    expect(repairText(text).repairs).toEqual([]);
  });

  it('reports exact spans, originals, replacements and the encoding path', () => {
    const text = 'A â€” B and Ã©';
    const { repairs } = repairText(text);
    expect(repairs.map((r) => [r.start, r.end, r.original, r.replacement, r.path])).toEqual([
      [2, 5, 'â€”', '—', 'utf-8 read as windows-1252'],
      [12, 14, 'Ã©', 'é', 'utf-8 read as windows-1252'],
    ]);
    expect(explain('ÃƒÂ©', 'é', 3, ['windows-1252'])).toEqual(['windows-1252', 'windows-1252']);
  });

  it('repairs the roadmap to exactly 🖥, ✅ and twelve em dashes', () => {
    const text = roadmapText();
    const { text: repaired, repairs } = repairText(text);
    expect(repairs).toHaveLength(14);
    expect(repairs.filter((r) => r.replacement === '—')).toHaveLength(12);
    expect(repairs.filter((r) => r.replacement === '🖥')).toHaveLength(1);
    expect(repairs.filter((r) => r.replacement === '✅')).toHaveLength(1);
    expect(repairs.every((r) => r.path === 'utf-8 read as windows-1252')).toBe(true);
    expect(repaired).not.toMatch(/[âðŸ]/u);
    // Outside the spans nothing changes.
    let rebuilt = '';
    let pos = 0;
    for (const r of repairs) {
      rebuilt += text.slice(pos, r.start) + r.replacement;
      pos = r.end;
    }
    expect(rebuilt + text.slice(pos)).toBe(repaired);
  });
});

describe('evidence from the whole document', () => {
  const lone = ['Wybierz opcjÄ™ z listy', 'Kliknij â–¼ aby rozwinąć', 'Oni sÄ… tutaj'];

  it('leaves fragments that are ambiguous on one line to a line-by-line repair', () => {
    for (const line of lone) expect(isBad(line)).toBe(false);
  });

  it('repairs them when the document has certain mojibake of the same kind', () => {
    const doc = ['Tytuł: ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„', ...lone];
    const evidence = gatherEvidence(doc);
    expect(evidence.layers.get('windows-1252')).toBeGreaterThan(0);
    const fixed = doc.map((l) => repairText(l, { evidence }));
    expect(fixed.map((f) => f.text)).toEqual([
      'Tytuł: Zażółć gęślą jaźń',
      'Wybierz opcję z listy',
      'Kliknij ▼ aby rozwinąć',
      'Oni są tutaj',
    ]);
    expect(fixed[1]!.repairs[0]!.basis).toBe('document');
  });

  it('never changes a clean document', () => {
    const clean = ['SELKÄ…', 'NESTLÉ® and 5×£35', 'Zażółć gęślą jaźń', '▼ ⚠ ║ █ ➔ ①'];
    const evidence = gatherEvidence(clean);
    expect(evidence.layers.size).toBe(0);
    for (const line of clean) expect(repairText(line, { evidence }).text).toBe(line);
  });

  it('does not turn a capitalised word into a lower-case letter', () => {
    const evidence = gatherEvidence(['Ã© certain', 'SELKÄ… end']);
    expect(repairText('SELKÄ… end', { evidence }).text).toBe('SELKÄ… end');
  });
});

describe('repairText: spans and fixpoints', () => {
  it('keeps the text between repairs out of them, even beside astral characters', () => {
    const line = `- [A][x] ${misdecode('\u2014', 'windows-1252')} 𖹞𛃲ᓱ 🍈 : [Python Docs][Ref] ${misdecode('日本', 'windows-1252')} [late]`;
    const result = repairText(line);
    expect(result.text).toBe('- [A][x] \u2014 𖹞𛃲ᓱ 🍈 : [Python Docs][Ref] 日本 [late]');
    expect(result.repairs.map((r) => [r.original, r.replacement])).toEqual([
      [misdecode('\u2014', 'windows-1252'), '\u2014'],
      [misdecode('日本', 'windows-1252'), '日本'],
    ]);
    for (const r of result.repairs) expect(line.slice(r.start, r.end)).toBe(r.original);
  });

  it('repairs until a second look finds nothing: what it writes is left alone by the next run', () => {
    const texts = [
      'Bold 󠀔 Ã¢â‚¬â€ ٭𐰓㏪ԉᵴ Ã‰',
      '| Docs [Python Docs](https://evil.example/) Ã¢â‚¬â€ â€ 𒐺𓀄 Docs',
      `Caf${misdecode('é', 'windows-1252')} ${misdecode(misdecode('—', 'windows-1252'), 'windows-1252')} ${misdecode('’', 'windows-1252')}`,
    ];
    for (const text of texts) {
      const once = repairText(text);
      expect(repairText(once.text).text).toBe(once.text);
      // Each repair is placed exactly in the original text.
      let rebuilt = '';
      let at = 0;
      for (const r of once.repairs) {
        expect(text.slice(r.start, r.end)).toBe(r.original);
        rebuilt += text.slice(at, r.start) + r.replacement;
        at = r.end;
      }
      expect(rebuilt + text.slice(at)).toBe(once.text);
    }
  });
});
