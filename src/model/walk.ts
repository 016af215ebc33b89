import type { Resource, Roadmap, Section } from './types.js';

/** Every resource with the section it is in, in document order. */
export function* resourcesOf(roadmap: Roadmap): Generator<{ section: Section; resource: Resource }> {
  for (const s of roadmap.sections) for (const g of s.groups) for (const r of g.resources) yield { section: s, resource: r };
}
