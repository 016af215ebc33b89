/**
 * A linear-time `add` for the edit map of GitHub tables (micromark-extension-gfm-table keeps its
 * own copy of micromark's EditMap).
 *
 * The table resolver adds a few edits per cell, and each `add` looks through every edit made so
 * far for one at the same place: quadratic in the cells of all the tables parsed at once (2,000
 * rows of three cells: 1.8 s; 8,000 rows: 24 s). This version keeps an index by place beside the
 * list, with the same result: an edit at a place already edited is merged into that entry (its
 * removals added, its events appended), any other is appended to the list.
 *
 * The class is not exported by the package. In the bundled command line, the bundler leaves it
 * under a global symbol (scripts/bundle.js); otherwise it is imported by the file's URL, which
 * is the module the table extension itself imports, so the patched prototype is the one it uses.
 * Until that import resolves (the first few milliseconds of a library user's process) tables are
 * parsed with the original: the same trees, only slower. `test/pipeline/table-fix.test.ts` checks
 * both give the same maps, and that the extension uses the patched class.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Change = [at: number, remove: number, add: unknown[]];

interface TableEditMap {
  map: Change[];
  add(at: number, remove: number, add: unknown[]): void;
  consume(events: unknown[]): void;
}

interface Patched {
  __roadmapIndex?: Map<number, Change>;
}

// A class: a function with the prototype its instances share.
type EditMapClass = (abstract new () => TableEditMap) & { prototype: TableEditMap & { __roadmapLinear?: true } };

/** Where the bundled command line leaves the class (see scripts/bundle.js). */
export const BUNDLED_TABLE_EDIT_MAP = Symbol.for('roadmap-pipeline:gfm-table-edit-map');

let originalAdd: TableEditMap['add'] | null = null;
let patchedClass: EditMapClass | null = null;

/** `add` with an index by place: the original's result, in constant time per edit. */
export function indexedAdd(this: TableEditMap & Patched, at: number, remove: number, add: unknown[]): void {
  if (remove === 0 && add.length === 0) return;
  // The index is only good while the list is the one it was made for: consume() empties the list.
  let index = this.__roadmapIndex;
  if (!index || (index.size > 0 && this.map.length === 0)) {
    index = new Map();
    for (const change of this.map) if (!index.has(change[0])) index.set(change[0], change);
    this.__roadmapIndex = index;
  }
  const existing = index.get(at);
  if (existing) {
    existing[1] += remove;
    existing[2].push(...add);
    return;
  }
  const change: Change = [at, remove, add];
  this.map.push(change);
  index.set(at, change);
}

function patch(cls: EditMapClass | null | undefined): void {
  if (typeof cls !== 'function' || cls.prototype.__roadmapLinear) return;
  originalAdd = cls.prototype.add;
  const consume = cls.prototype.consume;
  cls.prototype.add = indexedAdd;
  cls.prototype.consume = function (this: TableEditMap & Patched, events: unknown[]): void {
    consume.call(this, events);
    this.__roadmapIndex?.clear();
  };
  cls.prototype.__roadmapLinear = true;
  patchedClass = cls;
}

/** The table extension's own `add`, for the differential test. */
export function originalTableAdd(): TableEditMap['add'] | null {
  return originalAdd;
}

/** The class the table extension uses, once patched (null until then). */
export function patchedTableEditMap(): EditMapClass | null {
  return patchedClass;
}

const bundled = (globalThis as Record<symbol, unknown>)[BUNDLED_TABLE_EDIT_MAP] as EditMapClass | undefined;

/** Resolves once the class is patched (at once in the bundle). */
export const tableFixReady: Promise<void> = bundled
  ? Promise.resolve(patch(bundled))
  : (async () => {
      try {
        const entry = createRequire(import.meta.url).resolve('micromark-extension-gfm-table');
        const url = pathToFileURL(join(dirname(entry), 'lib', 'edit-map.js')).href;
        patch(((await import(url)) as { EditMap?: EditMapClass }).EditMap);
      } catch {
        // Another layout of the package: tables are parsed by the original, only slower.
      }
    })();
