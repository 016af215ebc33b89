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

/** Documents `from` to `from + count - 1` of the run with this seed. */
export function documentsOf(seed: number, from: number, count: number): string[] {
  return fc.sample(fuzzDocuments(), { seed, numRuns: from + count }).slice(from);
}
