import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it } from 'vitest';
import { editMapIsLinear, linearConsume, originalConsume } from '../../src/pipeline/micromark-fix.js';
import { parseWhole } from '../../src/pipeline/parse.js';

type Internals = { consume(events: unknown[]): void };

describe("micromark's edit map, applied in linear time", () => {
  it('gives the same event list as the original on any batch of edits', () => {
    const edit = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 5 }), fc.array(fc.integer({ min: 1000, max: 1100 }), { maxLength: 4 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.array(edit, { maxLength: 6 }), (events, edits) => {
        const build = () => {
          const map = new EditMap();
          for (const [at, remove, add, before] of edits) (before ? map.addBefore : map.add).call(map, at, remove, [...add] as never[]);
          return map as unknown as Internals;
        };
        const a = [...events];
        const b = [...events];
        originalConsume.call(build() as never, a);
        linearConsume.call(build() as never, b);
        expect(b).toEqual(a);
      }),
      { numRuns: 3000, seed: 3 },
    );
  });

  it('is the version micromark runs', () => {
    expect(editMapIsLinear()).toBe(true);
    const proto = EditMap.prototype as unknown as Internals;
    const patched = proto.consume;
    let calls = 0;
    proto.consume = function (this: unknown, events: unknown[]) {
      calls++;
      return patched.call(this, events);
    };
    try {
      // A list followed by a paragraph: the document tokenizer moves the list's exits back.
      parseWhole('- a\n- b\n\npara\n\n> q\nlazy\n');
    } finally {
      proto.consume = patched;
    }
    expect(calls).toBeGreaterThan(0);
  });
});
