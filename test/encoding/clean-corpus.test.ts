import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with the benchmark
import { buildCorpus, corpusBytes, nonAsciiLines } from '../../bench/corpus.js';
import { gatherEvidence, repairText } from '../../src/encoding/index.js';
import { ROOT, roadmapText } from '../helpers.js';
import { misdecode } from './misdecode.js';

const parts = buildCorpus(ROOT) as { name: string; text: string }[];

describe('a clean corpus of real multilingual text nobody here wrote', () => {
  it('holds at least 10 MB', () => {
    expect(corpusBytes(parts)).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });

  it('comes through the repair engine without a single change', () => {
    const changed: string[] = [];
    for (const p of parts) {
      for (const r of repairText(p.text).repairs) changed.push(`${p.name}: ${JSON.stringify(r.original)} -> ${JSON.stringify(r.replacement)}`);
    }
    expect(changed).toEqual([]);
  });

  it('stays unchanged even with the roadmap\'s mojibake as evidence (correct text next to broken text)', () => {
    const evidence = gatherEvidence(roadmapText().split('\n'));
    expect(evidence.layers.get('windows-1252')).toBe(14);
    const lines = parts.flatMap((p) => p.text.split('\n')).filter((l) => /[^\x00-\x7f]/u.test(l));
    expect(lines.length).toBeGreaterThan(50_000);
    const changed = lines.filter((l) => repairText(l, { evidence }).text !== l);
    expect(changed).toEqual([]);
  });

  it('gives no document-level evidence either, so nothing is repaired on evidence', () => {
    const evidence = gatherEvidence(parts.flatMap((p) => p.text.split('\n')));
    expect([...evidence.layers]).toEqual([]);
  });
});

describe('the same real lines turned into windows-1252 mojibake on purpose', () => {
  const lines = nonAsciiLines(parts) as string[];
  const broken = lines.map((l) => misdecode(l, 'windows-1252'));
  const restored = (evidence?: ReturnType<typeof gatherEvidence>) =>
    broken.filter((b, i) => repairText(b, evidence ? { evidence } : {}).text === lines[i]).length / lines.length;

  it('are restored line by line far more often than ftfy (97.8% on its own set)', () => {
    expect(lines.length).toBeGreaterThan(5000);
    expect(restored()).toBeGreaterThan(0.98);
  });

  it('are restored (almost) all with the whole set as document evidence', () => {
    expect(restored(gatherEvidence(broken))).toBeGreaterThan(0.995);
  });
});
