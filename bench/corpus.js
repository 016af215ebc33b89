// A corpus of real text nobody here wrote, found on the machine: the localised compiler messages
// TypeScript ships (13 languages), the README and other docs of installed packages, TypeScript's
// documented library declarations, and, where the system has them, the translations in
// /usr/share/locale. Files are read in sorted order, so the corpus is the same for the same
// installs. Used by the clean-corpus test and the benchmark.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir, accept, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    // Hidden directories (node_modules/.cache among them) hold copies and caches, not packages' docs.
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) walk(p, accept, out);
    }
    else if (e.isFile() && accept(e.name)) out.push(p);
  }
  return out;
}

/** Translated strings of a GNU gettext .mo file, when it declares UTF-8. */
function moStrings(path) {
  const b = readFileSync(path);
  if (b.length < 28) return [];
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8);
  const tTable = u32(16);
  const strings = [];
  for (let i = 0; i < n; i++) {
    const len = u32(tTable + i * 8);
    const off = u32(tTable + i * 8 + 4);
    if (off + len > b.length) return [];
    strings.push(b.subarray(off, off + len));
  }
  const header = strings[0]?.toString('utf8') ?? '';
  if (!/charset=utf-8/iu.test(header)) return [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return strings.slice(1).map((s) => decoder.decode(s).replace(/\0/gu, '\n'));
  } catch {
    return [];
  }
}

/**
 * @param {string} root the project root (where node_modules is)
 * @param {number} minBytes stop once the corpus holds this many UTF-8 bytes
 * @returns {{ name: string, text: string }[]}
 */
export function buildCorpus(root, minBytes = 10 * 1024 * 1024) {
  const parts = [];
  let bytes = 0;
  const add = (name, text) => {
    if (bytes >= minBytes || !text) return;
    parts.push({ name, text });
    bytes += Buffer.byteLength(text);
  };
  const tsLib = join(root, 'node_modules/typescript/lib');
  for (const f of walk(tsLib, (n) => n === 'diagnosticMessages.generated.json')) {
    add(f, Object.values(JSON.parse(readFileSync(f, 'utf8'))).join('\n'));
  }
  // Package docs are mostly English: take at most half the corpus from them, so the set does not
  // lose its other languages when a dependency with long docs is added.
  const docsEnd = bytes + minBytes / 2;
  for (const f of walk(join(root, 'node_modules'), (n) => /\.(md|markdown|txt)$/iu.test(n))) {
    if (bytes >= docsEnd) break;
    if (statSync(f).size < 1_000_000) add(f, readFileSync(f, 'utf8'));
  }
  // The system's translations before TypeScript's mostly ASCII declarations, which fill the rest.
  for (const f of walk('/usr/share/locale', (n) => n.endsWith('.mo'))) add(f, moStrings(f).join('\n'));
  for (const f of walk(tsLib, (n) => n.endsWith('.d.ts'))) add(f, readFileSync(f, 'utf8'));
  return parts;
}

export function corpusBytes(parts) {
  return parts.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
}

/**
 * Up to `count` distinct lines of the corpus that hold non-ASCII text (and are under 400
 * characters), picked evenly across it: realistic lines to turn into mojibake on purpose.
 */
export function nonAsciiLines(parts, count = 10000) {
  const all = [...new Set(parts.flatMap((p) => p.text.split('\n')).filter((l) => /[^\x00-\x7f]/u.test(l) && l.length < 400))];
  const step = Math.max(1, Math.ceil(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}
