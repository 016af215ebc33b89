/**
 * Technologies named in a text: the scan in `Registry.technologiesNamedIn` must find exactly what
 * one case-insensitive alternation of every name (longest first, with the word edges) finds, on
 * real link texts and on generated ones built from the names themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDefaultRegistry } from '../../src/policy/registry.js';
import { roadmapText, sharedCorpus } from '../helpers.js';

const registry = getDefaultRegistry();
const names = [
  ...new Set(registry.technologies.flatMap((t) => [...(t.matchName === false ? [] : [t.name]), ...(t.aliases ?? [])]).map((n) => n.toLowerCase())),
];
const reference = new RegExp(
  `(?<![\\p{L}\\p{N}_.#+-])(?:${[...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|')})(?![\\p{L}\\p{N}_#+-]|\\.[\\p{L}\\p{N}])`,
  'giu',
);
const byReference = (text: string): string[] => {
  const found: string[] = [];
  for (const m of text.matchAll(reference)) {
    const t = registry.technologyNamed(m[0]);
    if (t && !found.includes(t.name)) found.push(t.name);
  }
  return found;
};
const byScan = (text: string): string[] => registry.technologiesNamedIn(text).map((t) => t.name);

describe('technologiesNamedIn', () => {
  it('finds what the reference alternation finds in every link text of the roadmap and the shared lists', () => {
    const texts = [roadmapText(), ...sharedCorpus().map((c) => c.text)].flatMap((t) => [...t.matchAll(/\[([^\]\n]{1,200})\]/gu)].map((m) => m[1]!));
    expect(texts.length).toBeGreaterThan(5000);
    let named = 0;
    for (const text of texts) {
      const expected = byReference(text);
      expect(byScan(text), text).toEqual(expected);
      if (expected.length > 0) named++;
    }
    expect(named).toBeGreaterThan(500);
  });

  it('agrees on generated texts made of names, word edges and other scripts', () => {
    const piece = fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom(...names).map((n) => n.toUpperCase()),
      fc.constantFrom(' ', '.', '-', '+', '#', '_', '/', '(', ')', ', ', '. ', '.x', 'İ', 'é', '日本', '😀', '\u212a', 'js', '2'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(byScan(text)).toEqual(byReference(text));
      }),
      { numRuns: 3000, seed: 20261124 },
    );
  });
});
