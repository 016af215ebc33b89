import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with the benchmark
import { mixedDocuments, PATHS, score, scriptOf, translatedLines } from '../../bench/mojibake-corpus.js';
import { CODE_PAGES, type CodePageName } from '../../src/encoding/code-pages.js';
import { gatherEvidence, REPAIR_ORDER, repairText } from '../../src/encoding/index.js';
// @ts-expect-error plain JavaScript shared with the benchmark
import { misdecode } from '../../bench/mojibake-corpus.js';
import { cli, tempDir } from '../helpers.js';

/**
 * A fixed slice of the mixed-document benchmark (`npm run bench:mojibake`): one document per
 * language and path, real translated lines of this machine, one line in four broken, fixed by the
 * real `roadmap lint --fix`.
 */
type Doc = { name: string; markdown: string; lines: unknown[] };
const byLanguage = translatedLines({ codePages: CODE_PAGES, perLanguage: 200 }) as Map<string, string[]>;
const scripts = new Set([...byLanguage.values()].map((lines) => scriptOf(lines[Math.floor(lines.length / 2)])));
const enough = byLanguage.size >= 15 && scripts.size >= 4;
const why = enough
  ? `${byLanguage.size} languages, ${scripts.size} scripts`
  : `SKIPPED: only ${byLanguage.size} languages in ${scripts.size} scripts of translations under /usr/share/man and /usr/share/locale`;

const targets: Record<string, number> = {
  'windows-1252': 0.999,
  'latin-1': 0.999,
  'windows-1252 twice': 0.999,
  'windows-1251': 0.97,
  macroman: 0.97,
};

describe.runIf(enough)(`documents mixing mojibake with correct lines of the same language (${why})`, () => {
  it.each(Object.keys(PATHS))('UTF-8 read as %s: lint --fix repairs the broken lines and changes no correct line', (pathName) => {
    const docs = mixedDocuments(byLanguage, pathName, CODE_PAGES, { docsPerLanguage: 1, seed: 2026 }) as Doc[];
    const dir = join(tempDir(), 'docs');
    mkdirSync(dir);
    for (const d of docs) writeFileSync(join(dir, `${d.name}.md`), d.markdown);
    const run = cli(['lint', '--fix', '--no-config', '--format', 'compact', dir]);
    expect(run.code, run.stderr).not.toBe(2);
    const fixed = new Map(docs.map((d) => [d.name, readFileSync(join(dir, `${d.name}.md`), 'utf8')]));
    const r = score(docs, fixed);
    expect(r.brokenLines).toBeGreaterThan(300);
    expect(r.damaged).toEqual([]);
    expect(r.correctChanged).toBe(0);
    expect(r.repaired / r.brokenLines, JSON.stringify(r.misses.slice(0, 3))).toBeGreaterThanOrEqual(targets[pathName]!);
  });
});

describe.runIf(enough)(`every correct translated line, with evidence of each code page (${why})`, () => {
  const lines = [...byLanguage.values()].flat();
  it.each(REPAIR_ORDER)('stays unchanged when the document holds mojibake through %s', (page: CodePageName) => {
    const evidence = gatherEvidence(lines.filter((_, i) => i % 5 === 0).map((l) => misdecode(l, [page], CODE_PAGES) as string));
    expect(evidence.layers.size).toBeGreaterThan(0);
    const changed = lines.filter((l) => repairText(l, { evidence }).text !== l);
    expect(changed).toEqual([]);
  });
});

if (!enough) {
  describe('documents mixing mojibake with correct lines', () => {
    it.skip(why, () => {});
  });
}
