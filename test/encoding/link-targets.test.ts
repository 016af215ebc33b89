// Mojibake in link targets: a document mis-read as a whole mis-reads its anchors ("#архитектура")
// and the words in its addresses ("/wiki/Си") too. The encoding stage repairs a target that holds
// characters beyond ASCII like the prose around it, and never one that is correct.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processRoadmap } from '../../src/index.js';
import { cli, sharedCorpus, tempDir } from '../helpers.js';
import { misdecode } from './misdecode.js';

const RUSSIAN = `# Список

## Архитектура

* [Си-плюс](http://ru.wikibooks.org/wiki/Си-плюс-плюс) — книга
* [Раздел](#архитектура)
* <https://ru.wikipedia.org/wiki/Юникод>
* ![Лого](https://example.org/лого.png)

См. [справку][ref].

[ref]: https://example.org/справка
`;

const FRENCH = `# Cafés

## Café

* [Café](#café) — le menu
* [Carte](https://example.org/carte-café)
* [https://example.org/thé](https://example.org/thé)
`;

describe('mojibake in link targets', () => {
  it.each([
    ['Russian read as windows-1251', RUSSIAN, 'windows-1251'],
    ['Russian read as windows-1252', RUSSIAN, 'windows-1252'],
    ['French read as windows-1252', FRENCH, 'windows-1252'],
    ['French read as latin-1', FRENCH, 'latin-1'],
  ] as const)('%s: lint reports the targets and --fix gives back the document byte for byte', (_name, text, page) => {
    const dir = tempDir();
    const file = join(dir, 'list.md');
    writeFileSync(file, misdecode(text, page));
    const lint = cli(['lint', '--no-config', '--format', 'json', file]);
    const findings = (JSON.parse(lint.stdout) as { results: { findings: { ruleId: string; line: number }[] }[] }).results[0]!.findings;
    // Every line with a link target beyond ASCII has a finding in its target.
    expect(findings.filter((f) => f.ruleId === 'mojibake').length).toBeGreaterThanOrEqual(text.split('\n').filter((l) => /[^\x00-\x7f]/u.test(l)).length);
    cli(['lint', '--no-config', '--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('the model carries the repaired targets, autolinks included, before any fix', async () => {
    const { roadmap } = await processRoadmap(misdecode(RUSSIAN, 'windows-1251'), { path: 'list.md' });
    const urls = JSON.stringify(roadmap);
    for (const target of ['http://ru.wikibooks.org/wiki/Си-плюс-плюс', '#архитектура', 'https://ru.wikipedia.org/wiki/Юникод']) expect(urls).toContain(target);
    expect(urls).not.toMatch(/Р[Ў°®Ѓ»]/u);
  });

  it('leaves correct targets beyond ASCII alone: the shared lists, and a document that mixes them with mojibake', () => {
    const lists = sharedCorpus().filter((l) => /\]\([^)]*[^\x00-\x7f]/u.test(l.text));
    if (sharedCorpus().length > 0) expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const list of lists) {
      const dir = tempDir();
      writeFileSync(join(dir, list.name), list.text);
      const r = cli(['lint', '--no-config', '--format', 'json', join(dir, list.name)]);
      const findings = (JSON.parse(r.stdout) as { results: { findings: { ruleId: string }[] }[] }).results[0]!.findings;
      expect(findings.filter((f) => f.ruleId === 'mojibake'), list.name).toEqual([]);
    }
    const dir = tempDir();
    const file = join(dir, 'mixed.md');
    const correct = '* [Раздел](#архитектура)\n* [Юникод](https://ru.wikipedia.org/wiki/Юникод)\n';
    writeFileSync(file, `${misdecode('# Список\n\n## Архитектура\n\n', 'windows-1251')}${correct}`);
    cli(['lint', '--no-config', '--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(`# Список\n\n## Архитектура\n\n${correct}`);
  });
});
