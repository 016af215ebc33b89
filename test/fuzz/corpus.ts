/** The generated documents of a fuzz run: the same seed and index always give the same text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT, roadmapText, sharedCorpus } from '../helpers.js';
import { markdownDocument, mutated } from './arbitraries.js';

/** Windows of real documents: up to 60 lines each, so one check stays quick. */
export function realWindows(): string[] {
  const texts = [roadmapText(), readFileSync(join(ROOT, 'README.md'), 'utf8'), ...sharedCorpus().map((c) => c.text)];
  const windows: string[] = [];
  for (const text of texts) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i += 60) windows.push(`# Window\n\n${lines.slice(i, i + 60).join('\n')}`);
  }
  return windows;
}

export const fuzzDocuments = (): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: markdownDocument(40) }, { weight: 1, arbitrary: mutated(realWindows()) });

/** Documents per generation batch: each batch has its own seed, so reaching index n costs O(batch), not O(n). */
export const BATCH = 1000;

/** The seed of batch `b` of a run: batch 0 is the run's own seed. */
const batchSeed = (seed: number, b: number): number => (b === 0 ? seed : (seed ^ Math.imul(b, 0x9e3779b1)) | 0);

/** Documents `from` to `from + count - 1` of the run with this seed. */
export function documentsOf(seed: number, from: number, count: number): string[] {
  const out: string[] = [];
  for (let index = from; index < from + count; ) {
    const b = Math.floor(index / BATCH);
    const end = Math.min(from + count, (b + 1) * BATCH);
    const batch = fc.sample(fuzzDocuments(), { seed: batchSeed(seed, b), numRuns: end - b * BATCH });
    out.push(...batch.slice(index - b * BATCH));
    index = end;
  }
  return out;
}
