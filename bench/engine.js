// Part of npm run bench: the repair engine's throughput on clean multilingual text and on
// mojibake, the restore rate, the pipeline in process on the roadmap and on a generated large list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, nonAsciiLines } from './corpus.js';

export async function runEngine({ root, quick = false, log = console.log }) {
  const { repairText, gatherEvidence } = await import(join(root, 'build/encoding/index.js'));
  const { CODE_PAGES } = await import(join(root, 'build/encoding/code-pages.js'));
  const { processRoadmap, lintRoadmap } = await import(join(root, 'build/index.js'));

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  function throughput(texts, rounds) {
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    for (const t of texts) repairText(t); // warm-up
    const times = [];
    let repairs = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      repairs = 0;
      for (const t of texts) repairs += repairText(t).repairs.length;
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    return { bytes, ms: +ms.toFixed(1), mbPerSecond: +(bytes / 1e6 / (ms / 1000)).toFixed(1), repairs };
}

  function misdecode1252(text) {
    const high = CODE_PAGES['windows-1252'].high;
    let out = '';
    for (const b of Buffer.from(text, 'utf8')) out += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80];
    return out;
}

  const corpus = buildCorpus(root).map((p) => p.text);
  const clean = throughput(corpus, quick ? 2 : 7);

  // Mojibake: the non-ASCII-heavy part of the corpus (the localised messages), read as windows-1252.
  const broken = corpus.slice(0, 4).map(misdecode1252);
  const mojibake = throughput(broken, quick ? 2 : 5);

  // Restore rate: real non-ASCII lines read as windows-1252, repaired line by line and with the
  // whole set as one document's evidence.
  const sample = nonAsciiLines(buildCorpus(root));
  const brokenLines = sample.map(misdecode1252);
  const rate = (evidence) =>
    +((100 * brokenLines.filter((b, i) => repairText(b, evidence ? { evidence } : {}).text === sample[i]).length) / sample.length).toFixed(2);
  const restoreRate = { lines: sample.length, lineByLinePercent: rate(), withDocumentEvidencePercent: rate(gatherEvidence(brokenLines)) };

  const roadmap = readFileSync(join(root, 'content/backend-roadmap.md'), 'utf8');
  const pipeTimes = [];
  for (let i = 0; i < (quick ? 5 : 30); i++) {
    const t0 = performance.now();
    await lintRoadmap(roadmap, { path: 'content/backend-roadmap.md' });
    pipeTimes.push(performance.now() - t0);
}
  processRoadmap(roadmap);

  // A large list: 400 sections of 25 links each (10,000 resources, about 1 MB), every tenth line
  // mis-encoded. (Parsed whole, remark-parse would take about 2 s for 0.8 MB and 22 s for 4 MB on
  // this machine; src/pipeline/parse.ts parses such documents in pieces.)
  function bigRoadmap() {
    const lines = ['# Big list — official resources only', ''];
    for (let s = 1; s <= 400; s++) {
      lines.push(`## ${s}. **Section ${s}**`, '', 'Intro text for this section:', '');
      for (let i = 0; i < 25; i++) {
        const dash = (s * 25 + i) % 10 === 0 ? 'â€”' : '—';
        lines.push(`* **Label ${i % 5}** ${dash} [Resource ${s}-${i}](https://docs.python.org/3/library/s${s}i${i}.html) ${dash} notes`);
      }
      lines.push('', '---', '');
    }
    return `${lines.join('\n')}\n`;
}
  const big = bigRoadmap();
  const { emitJson, emitCsv, emitMarkdown } = await import(join(root, 'build/index.js'));
  const t0 = performance.now();
  const bigDoc = processRoadmap(big, { path: 'big.md' });
  const tProcess = performance.now();
  const bigFindings = await lintRoadmap(big, { path: 'big.md' });
  const tLint = performance.now();
  emitJson(bigDoc);
  emitCsv(bigDoc);
  emitMarkdown(bigDoc);
  const tEmit = performance.now();
  const largeDocument = {
    bytes: Buffer.byteLength(big),
    resources: bigDoc.roadmap.counts.resources,
    repairs: bigDoc.repairs.length,
    findings: bigFindings.length,
    processMs: +(tProcess - t0).toFixed(0),
    lintMs: +(tLint - tProcess).toFixed(0),
    emitMs: +(tEmit - tLint).toFixed(0),
  };

  const results = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    machine: `${process.arch}, ${(await import('node:os')).cpus().length} cores`,
    repairClean: { ...clean, corpusFiles: corpus.length },
    repairMojibake: mojibake,
    restoreRate,
    lintRoadmapInProcessMs: +median(pipeTimes).toFixed(2),
    largeDocument,
  };
  log(`repair, clean multilingual text: ${clean.mbPerSecond} MB/s (${(clean.bytes / 1e6).toFixed(1)} MB, ${clean.repairs} changes)`);
  log(`repair, windows-1252 mojibake:   ${mojibake.mbPerSecond} MB/s (${(mojibake.bytes / 1e6).toFixed(1)} MB, ${mojibake.repairs} repairs)`);
  log(`restored ${restoreRate.lines} real lines read as windows-1252: ${restoreRate.lineByLinePercent}% line by line, ${restoreRate.withDocumentEvidencePercent}% with document evidence`);
  log(`lint the roadmap in process:     ${results.lintRoadmapInProcessMs} ms`);
  log(
    `large document (${(largeDocument.bytes / 1e6).toFixed(1)} MB, ${largeDocument.resources} resources, ${largeDocument.repairs} repairs): ` +
      `process ${largeDocument.processMs} ms, lint (process again + rules) ${largeDocument.lintMs} ms, emit ${largeDocument.emitMs} ms`,
  );
  return results;
}
