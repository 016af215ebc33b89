// Part of npm run bench, and the whole of npm run bench:mojibake (bench/mojibake.js): the
// mixed-document benchmark. Real lines of the translated manual pages and messages on this machine,
// broken through five mis-decodings (UTF-8 read as windows-1252, latin-1, windows-1252 twice,
// windows-1251 and MacRoman), one line in four, mixed with correct lines of the same language into
// documents of about 40 paragraphs, and fixed with the real `roadmap lint --fix`. Reports per path
// how many broken lines came back exactly and how many correct lines changed; then the same for
// correct documents alone (the Cyrillic, Greek and CJK translations, and the real lists in
// ../shared/corpus/lists/). Skips, with a message, on a machine without enough translations.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mixedDocuments, PATHS, score, scriptOf, translatedLines } from './mojibake-corpus.js';

/** Targets from the project's issue: zero correct lines changed; repair rates per path. */
export const TARGETS = {
  'windows-1252': 0.999,
  'latin-1': 0.999,
  'windows-1252 twice': 0.999,
  'windows-1251': 0.97,
  macroman: 0.97,
};

function readBack(dir, docs) {
  return new Map(docs.map((d) => [d.name, readFileSync(join(dir, `${d.name}.md`), 'utf8')]));
}

export async function run({ root, quick = false, log = console.log, docsPerLanguage = quick ? 1 : 3 }) {
  const { CODE_PAGES } = await import(pathToFileURL(join(root, 'build/encoding/code-pages.js')).href);
  const lintFix = (dir, extra = []) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin/roadmap.js'), 'lint', '--fix', '--no-config', ...extra, '--format', 'compact', dir], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.status === 2 || r.status === null) throw new Error(`roadmap lint --fix failed on ${dir}: ${r.stderr}`);
    return performance.now() - t0;
  };
  const byLanguage = translatedLines({ codePages: CODE_PAGES });
  const languages = [...byLanguage.keys()];
  const scripts = [...new Set([...byLanguage.values()].map((lines) => scriptOf(lines[Math.floor(lines.length / 2)])))];
  if (languages.length < 15 || scripts.length < 4) {
    const skipped =
      `the mixed-document benchmark needs translated text in at least 15 languages and 4 scripts; ` +
      `this machine has ${languages.length} languages in ${scripts.length} scripts under /usr/share/man and /usr/share/locale ` +
      `(install Debian's manual page translations, e.g. manpages-de manpages-fr manpages-ru manpages-ja, or a system with translations)`;
    log(`SKIP: ${skipped}`);
    return { skipped };
  }

  const work = mkdtempSync(join(tmpdir(), 'roadmap-mojibake-bench-'));
  const results = {
    languages,
    scripts,
    linesPerLanguage: Object.fromEntries([...byLanguage].map(([l, v]) => [l, v.length])),
    docsPerLanguage,
    paths: {},
    correctDocuments: {},
  };
  try {
    for (const pathName of Object.keys(PATHS)) {
      const docs = mixedDocuments(byLanguage, pathName, CODE_PAGES, { docsPerLanguage });
      const dir = join(work, pathName.replace(/ /gu, '-'));
      mkdirSync(dir);
      for (const d of docs) writeFileSync(join(dir, `${d.name}.md`), d.markdown);
      const ms = lintFix(dir);
      const r = score(docs, readBack(dir, docs));
      results.paths[pathName] = {
        documents: r.documents,
        brokenLines: r.brokenLines,
        repaired: r.repaired,
        repairRatePercent: +((100 * r.repaired) / r.brokenLines).toFixed(2),
        correctLines: r.correctLines,
        correctLinesChanged: r.correctChanged,
        target: `>= ${TARGETS[pathName] * 100}% repaired, 0 correct lines changed`,
        met: r.repaired / r.brokenLines >= TARGETS[pathName] && r.correctChanged === 0,
        lintFixMs: Math.round(ms),
        misses: r.misses.slice(0, 5),
        damaged: r.damaged.slice(0, 5),
      };
    }

    // Correct documents alone: every usable line of the Cyrillic, Greek and CJK translations.
    const nonLatin = new Map([...byLanguage].filter(([, lines]) => ['Cyrillic', 'Greek', 'Han', 'Kana', 'Hangul'].includes(scriptOf(lines[Math.floor(lines.length / 2)]))));
    {
      const dir = join(work, 'correct-translations');
      mkdirSync(dir);
      const docs = [];
      for (const [lang, lines] of nonLatin) {
        for (let i = 0, n = 1; i < lines.length; i += 60, n++) {
          const chunk = lines.slice(i, i + 60);
          const name = `${lang}-correct-${n}`;
          docs.push({ name, lines: chunk.map((l) => ({ expected: l, written: l, broken: false })) });
          writeFileSync(join(dir, `${name}.md`), `# ${lang} ${n}\n\n${chunk.join('\n\n')}\n`);
        }
      }
      lintFix(dir);
      const r = score(docs, readBack(dir, docs));
      results.correctDocuments.translations = {
        languages: [...nonLatin.keys()],
        documents: r.documents,
        lines: r.correctLines,
        linesChanged: r.correctChanged,
        damaged: r.damaged.slice(0, 5),
      };
    }

    // The real lists beside the project, as they are.
    const lists = join(root, '..', 'shared', 'corpus', 'lists');
    if (existsSync(lists)) {
      const dir = join(work, 'lists');
      mkdirSync(dir);
      const names = readdirSync(lists).filter((n) => n.endsWith('.md')).sort();
      for (const n of names) copyFileSync(join(lists, n), join(dir, n));
      // Only the mojibake fixes: the lists' section numbering is theirs to keep.
      lintFix(dir, ['--rule', 'section-numbering=off']);
      let lines = 0;
      let changed = 0;
      const examples = [];
      for (const n of names) {
        const before = readFileSync(join(lists, n), 'utf8').split('\n');
        const after = readFileSync(join(dir, n), 'utf8').split('\n');
        lines += before.length;
        before.forEach((l, i) => {
          if (after[i] !== l) {
            changed++;
            if (examples.length < 5) examples.push({ file: n, line: i + 1, before: l, after: after[i] });
          }
        });
      }
      results.correctDocuments.lists = { files: names.length, lines, linesChanged: changed, changes: examples };
    } else {
      results.correctDocuments.lists = { skipped: `${lists} is absent` };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const summary = (pathName, r) =>
    `${pathName.padEnd(20)} ${String(r.documents).padStart(9)}  ${`${r.repaired}/${r.brokenLines} (${r.repairRatePercent}%)`.padEnd(24)} ${`${r.correctLinesChanged}/${r.correctLines}`.padEnd(22)} ${r.met ? 'yes' : 'NO'}`;
  log(`mixed documents: ${languages.length} languages (${scripts.join(', ')}), one line in four broken, fixed with roadmap lint --fix`);
  log('path                 documents  repaired                 correct lines changed  target met');
  for (const [p, r] of Object.entries(results.paths)) log(summary(p, r));
  const t = results.correctDocuments.translations;
  log(`correct translations alone (${t.languages.join(', ')}): ${t.linesChanged} of ${t.lines} lines changed`);
  const l = results.correctDocuments.lists;
  log(l.skipped ? `lists: skipped (${l.skipped})` : `lists in ../shared/corpus/lists (${l.files} files): ${l.linesChanged} of ${l.lines} lines changed`);
  results.met = Object.values(results.paths).every((r) => r.met) && t.linesChanged === 0 && !(l.linesChanged > 0);
  return results;
}
