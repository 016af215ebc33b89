// Real translated text found on the machine, for the mixed-document mojibake benchmark and its
// test slice: the translated manual pages under /usr/share/man/<language>/ (groff source, its
// markup stripped), and the translated messages under /usr/share/locale/<language>/ for the
// scripts the manual pages lack (Greek, Arabic, Hebrew, Thai...). Nothing here is written by
// this project. Files are read in sorted order and sampled with a fixed seed, so the same
// machine always gives the same lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const MAN_ROOT = '/usr/share/man';
export const LOCALE_ROOT = '/usr/share/locale';

/** Languages whose message catalogues add scripts the manual pages do not have. */
const LOCALE_LANGUAGES = ['el', 'ar', 'he', 'th', 'hy', 'ka', 'hi'];

const strict = new TextDecoder('utf-8', { fatal: true });

function list(dir) {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function files(dir, out = []) {
  for (const name of list(dir)) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) files(p, out);
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** The text lines of a groff manual page: requests, comments and font escapes removed. */
export function manLines(source) {
  const out = [];
  for (const raw of source.split('\n')) {
    if (raw.startsWith('.') || raw.startsWith("'")) continue;
    const line = raw
      .replace(/\\f(?:\(..|\[[^\]]*\]|.)/gu, '')
      .replace(/\\\*(?:\(..|\[[^\]]*\]|.)/gu, '')
      .replace(/\\\((?:em|en)/gu, '—')
      .replace(/\\\((?:Fo|Fc|lq|rq|aq|dq|oq|cq)/gu, '"')
      .replace(/\\\(../gu, '')
      .replace(/\\s[-+]?\d/gu, '')
      .replace(/\\[-e]/gu, (m) => (m === '\\-' ? '-' : '\\'))
      .replace(/\\[&c%:|^)]/gu, '')
      .replace(/\\ /gu, ' ')
      .trim();
    if (!line.includes('\\')) out.push(line);
  }
  return out;
}

/** Translated strings of a GNU gettext .mo file that declares UTF-8, split into lines. */
export function moLines(bytes) {
  if (bytes.length < 28) return [];
  const le = bytes.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? bytes.readUInt32LE(o) : bytes.readUInt32BE(o));
  const n = u32(8);
  const table = u32(16);
  const out = [];
  let header = '';
  for (let i = 0; i < n; i++) {
    const len = u32(table + i * 8);
    const off = u32(table + i * 8 + 4);
    if (off + len > bytes.length) return [];
    let s;
    try {
      s = strict.decode(bytes.subarray(off, off + len));
    } catch {
      return [];
    }
    if (i === 0) {
      header = s;
      if (!/charset=utf-8/iu.test(header)) return [];
      continue;
    }
    for (const part of s.split(/[\0\n]/u)) out.push(part.trim());
  }
  return out;
}

/**
 * A line the benchmark can use: long enough to be prose, with non-ASCII letters, and free of
 * Markdown syntax and escapes, so that it is one plain line of one paragraph in the generated
 * document and comes back out of the pipeline as written.
 */
export function usable(line) {
  if (line.length < 16 || line.length > 240) return false;
  if (!/[^\x00-\x7f]/u.test(line) || !/\p{L}{2}/u.test(line)) return false;
  if (/[\\`*_[\]<>|#&{}~$%=^]|^\s|\s$|^[-+>\d]|\s{2}|https?:|www\.|@/u.test(line)) return false;
  // Control characters and unassigned code points have no place in prose.
  if (/[\p{Cc}\p{Cn}\p{Co}\ufffd]/u.test(line)) return false;
  // Lines of the translation that are still mostly English help nobody here.
  const letters = line.match(/\p{L}/gu) ?? [];
  const nonAscii = letters.filter((c) => c.charCodeAt(0) >= 0x80).length;
  return nonAscii >= 2;
}

/**
 * Some translations on the machine are themselves mojibake (a manual page saved through
 * windows-1252 on its way into the package). A line is not correct text when re-encoding it with
 * one of the benchmark's code pages gives different, valid UTF-8: the plain round-trip test, not
 * the repair engine's own judgement.
 */
export function alreadyMisread(line, codePages) {
  for (const page of ['latin-1', 'windows-1252', 'windows-1251', 'macroman']) {
    const table = new Map([...codePages[page].high].map((ch, i) => [ch, 0x80 + i]));
    const bytes = [];
    let ok = true;
    for (const ch of line) {
      const c = ch.charCodeAt(0);
      const b = c < 0x80 ? c : table.get(ch);
      if (b === undefined) {
        ok = false;
        break;
      }
      bytes.push(b);
    }
    if (!ok) continue;
    try {
      if (strict.decode(Uint8Array.from(bytes)) !== line) return true;
    } catch {
      // not UTF-8 that way: fine
    }
  }
  return false;
}

/** The script a line is mostly written in, from its letters. */
export function scriptOf(line) {
  const counts = new Map();
  for (const ch of line) {
    if (!/\p{L}/u.test(ch)) continue;
    const s = /\p{Script=Latin}/u.test(ch)
      ? 'Latin'
      : /\p{Script=Cyrillic}/u.test(ch)
        ? 'Cyrillic'
        : /\p{Script=Greek}/u.test(ch)
          ? 'Greek'
          : /\p{Script=Han}/u.test(ch)
            ? 'Han'
            : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)
              ? 'Kana'
              : /\p{Script=Hangul}/u.test(ch)
                ? 'Hangul'
                : /\p{Script=Arabic}/u.test(ch)
                  ? 'Arabic'
                  : /\p{Script=Hebrew}/u.test(ch)
                    ? 'Hebrew'
                    : /\p{Script=Thai}/u.test(ch)
                      ? 'Thai'
                      : /\p{Script=Armenian}/u.test(ch)
                        ? 'Armenian'
                        : /\p{Script=Georgian}/u.test(ch)
                          ? 'Georgian'
                          : /\p{Script=Devanagari}/u.test(ch)
                            ? 'Devanagari'
                            : 'other';
    counts.set(s, (counts.get(s) ?? 0) + (s === 'Latin' && ch.charCodeAt(0) < 0x80 ? 0.2 : 1));
  }
  let best = 'Latin';
  let n = -1;
  for (const [s, c] of counts) if (c > n && s !== 'other') [best, n] = [s, c];
  return best;
}

/**
 * Distinct usable lines per language, at most `perLanguage` each, spread evenly over what the
 * language has. Returns a Map language -> lines; empty when the machine has no translations.
 */
export function translatedLines({ perLanguage = 600, man = MAN_ROOT, locale = LOCALE_ROOT, codePages } = {}) {
  const byLanguage = new Map();
  const add = (lang, lines) => {
    let set = byLanguage.get(lang);
    if (!set) byLanguage.set(lang, (set = new Set()));
    for (const l of lines) if (usable(l) && !(codePages && alreadyMisread(l, codePages))) set.add(l);
  };
  for (const lang of list(man)) {
    if (lang.startsWith('man') || lang.includes('.')) continue;
    for (const f of files(join(man, lang))) {
      let text;
      try {
        const raw = readFileSync(f);
        text = strict.decode(f.endsWith('.gz') ? gunzipSync(raw) : raw);
      } catch {
        continue;
      }
      add(lang, manLines(text));
    }
  }
  for (const lang of LOCALE_LANGUAGES) {
    if (byLanguage.has(lang)) continue;
    for (const f of files(join(locale, lang, 'LC_MESSAGES'))) {
      if (!f.endsWith('.mo')) continue;
      try {
        add(lang, moLines(readFileSync(f)));
      } catch {
        // unreadable catalogue: skip it
      }
    }
  }
  const result = new Map();
  for (const [lang, set] of [...byLanguage].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const all = [...set];
    if (all.length < 20) continue;
    const step = Math.max(1, all.length / perLanguage);
    const picked = [];
    for (let i = 0; i < all.length && picked.length < perLanguage; i += step) picked.push(all[Math.floor(i)]);
    result.set(lang, picked);
  }
  return result;
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ways UTF-8 gets mis-read that the benchmark measures, each a chain of code pages. */
export const PATHS = {
  'windows-1252': ['windows-1252'],
  'latin-1': ['latin-1'],
  'windows-1252 twice': ['windows-1252', 'windows-1252'],
  'windows-1251': ['windows-1251'],
  macroman: ['macroman'],
};

/** What a program shows when it reads the UTF-8 of `text` with each code page of `chain` in turn. */
export function misdecode(text, chain, codePages) {
  let s = text;
  for (const page of chain) {
    const high = codePages[page].high;
    let out = '';
    for (const b of Buffer.from(s, 'utf8')) out += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80];
    s = out;
  }
  return s;
}

/**
 * Documents of about `paragraphs` paragraphs (one or two lines each) in one language, where one
 * line in four is mojibake made through `chain` and the other three are correct lines of the same
 * language. Each document is a "# Title" and its paragraphs; `lines` records every body line with
 * the text it must have after repair.
 */
export function mixedDocuments(byLanguage, pathName, codePages, { docsPerLanguage = 3, paragraphs = 40, seed = 12 } = {}) {
  const chain = PATHS[pathName];
  const docs = [];
  const rnd = random(seed + pathName.length * 7919);
  for (const [lang, pool] of byLanguage) {
    let next = Math.floor(rnd() * pool.length);
    for (let d = 0; d < docsPerLanguage; d++) {
      const lines = [];
      const body = [];
      for (let p = 0; p < paragraphs; p++) {
        const count = rnd() < 0.5 ? 1 : 2;
        const para = [];
        for (let k = 0; k < count; k++) {
          const text = pool[next++ % pool.length];
          const broken = lines.length % 4 === 1;
          const written = broken ? misdecode(text, chain, codePages) : text;
          lines.push({ expected: text, written, broken });
          para.push(written);
        }
        body.push(para.join('\n'));
      }
      const name = `${lang}-${pathName.replace(/ /gu, '-')}-${d + 1}`;
      docs.push({ name, lang, path: pathName, lines, markdown: `# ${lang} ${d + 1}\n\n${body.join('\n\n')}\n` });
    }
  }
  return docs;
}

/**
 * Compare the documents after repair with what they should be: `fixed` maps a document's name to
 * its text after repair. Returns the counts and a few examples of each kind of miss.
 */
export function score(docs, fixed) {
  const r = { documents: docs.length, brokenLines: 0, repaired: 0, correctLines: 0, correctChanged: 0, misses: [], damaged: [] };
  for (const doc of docs) {
    const after = (fixed.get(doc.name) ?? '').split('\n').filter((l) => l !== '').slice(1);
    if (after.length !== doc.lines.length) throw new Error(`${doc.name}: ${after.length} lines after repair, ${doc.lines.length} expected`);
    doc.lines.forEach((l, i) => {
      if (l.broken) {
        r.brokenLines++;
        if (after[i] === l.expected) r.repaired++;
        else if (r.misses.length < 20) r.misses.push({ doc: doc.name, written: l.written, got: after[i], expected: l.expected });
      } else {
        r.correctLines++;
        if (after[i] !== l.expected) {
          r.correctChanged++;
          if (r.damaged.length < 20) r.damaged.push({ doc: doc.name, expected: l.expected, got: after[i] });
        }
      }
    });
  }
  return r;
}
