/**
 * A linear-time replacement for micromark's `EditMap.prototype.consume`.
 *
 * micromark applies batches of edits to its event list with `EditMap.consume`, which copies the
 * whole list each time, including the untouched part before the first edit. The document tokenizer
 * calls it every time a lazy line or a closing container moves exits back, which is once per list
 * followed by a paragraph or heading, per disable comment after a list item, per change of nesting
 * in an indented list: on long documents that copy made parsing quadratic (a 0.9 MB file of 10,000
 * list items each after an HTML comment: 57 s whole, 1.6 s with this change, on a busy machine).
 *
 * This version leaves the events before the first edit where they are and rebuilds only the rest,
 * giving the same list. Batches it does not handle the same way (an edit past the end, or edits
 * whose removals overlap) go to the original. `test/pipeline/micromark-fix.test.ts` checks both
 * versions give identical lists on random batches, and that micromark uses the patched class.
 */
import { EditMap } from 'micromark-util-edit-map';

type Events = unknown[];
type Change = [number, number, Events];
interface EditMapInternals {
  map: Change[];
  index: Map<number, Change>;
  consume(events: Events): void;
}

const proto = EditMap.prototype as unknown as EditMapInternals & { __roadmapLinear?: true };

/** The library's own implementation, kept for odd batches and for the differential test. */
export const originalConsume: (this: EditMapInternals, events: Events) => void = proto.consume;

export function linearConsume(this: EditMapInternals, events: Events): void {
  const map = this.map;
  if (map.length === 0) return;
  map.sort((a, b) => a[0] - b[0]);
  const last = map[map.length - 1]!;
  let simple = last[0] + last[1] <= events.length;
  for (let i = 1; simple && i < map.length; i++) simple = map[i - 1]![0] + map[i - 1]![1] <= map[i]![0];
  if (!simple) {
    originalConsume.call(this, events);
    return;
  }
  const first = map[0]![0];
  const tail: Events = [];
  let cursor = first;
  for (const [at, remove, add] of map) {
    for (let j = cursor; j < at; j++) tail.push(events[j]);
    for (const event of add) tail.push(event);
    cursor = at + remove;
  }
  for (let j = cursor; j < events.length; j++) tail.push(events[j]);
  events.length = first;
  for (const event of tail) events.push(event);
  map.length = 0;
  this.index.clear();
}

if (!proto.__roadmapLinear) {
  proto.consume = linearConsume;
  proto.__roadmapLinear = true;
}

/** Whether the class micromark uses carries the linear version (false if npm installed two copies). */
export function editMapIsLinear(): boolean {
  return proto.consume === linearConsume;
}
