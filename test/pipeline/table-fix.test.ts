/**
 * The GitHub table extension's edit map with an index by place (src/pipeline/table-fix.ts): the
 * same edit lists as the extension's own `add`, the class the extension really uses, the same
 * trees, and the bundled command line patched too.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWhole } from '../../src/pipeline/parse.js';
import { indexedAdd, originalTableAdd, patchedTableEditMap, tableFixReady } from '../../src/pipeline/table-fix.js';
import { BIN, sharedCorpus, tempDir } from '../helpers.js';

type Map_ = { map: [number, number, unknown[]][]; consume(events: unknown[]): void };

beforeAll(async () => {
  await tableFixReady;
});

const table = (rows: number): string =>
  ['# T', '', '| Name | Link | Note |', '|---|:---:|--:|', ...Array.from({ length: rows }, (_, i) => `| [x${i}](https://e.example/${i}) | \`c${i}\` | *n* ${i} |`), ''].join('\n');

describe('the table edit map, indexed by place', () => {
  it('is the class the table extension uses', () => {
    const cls = patchedTableEditMap();
    expect(cls).not.toBeNull();
    expect((cls!.prototype as unknown as { add: unknown }).add).toBe(indexedAdd);
  });

  it('builds the same edit list as the extension’s own add, and consumes it the same way', () => {
    const original = originalTableAdd()!;
    const Cls = patchedTableEditMap()! as unknown as new () => Map_;
    const edit = fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 3 }), fc.array(fc.integer({ min: 1000, max: 1100 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.array(fc.array(edit, { maxLength: 12 }), { minLength: 1, maxLength: 3 }), (events, batches) => {
        const a = new Cls();
        const b = new Cls();
        const ea = [...events];
        const eb = [...events];
        // Several batches on one map: the index must follow the list as consume() empties it.
        for (const batch of batches) {
          for (const [at, remove, add] of batch) {
            original.call(a as never, at, remove, [...add]);
            indexedAdd.call(b as never, at, remove, [...add]);
          }
          expect(b.map).toEqual(a.map);
          a.consume(ea);
          b.consume(eb);
          expect(eb).toEqual(ea);
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('gives the trees the original gives: a 1,500-row table, and every table of the shared lists', () => {
    const proto = patchedTableEditMap()!.prototype as unknown as { add: unknown };
    const texts = [table(1500), ...sharedCorpus().map((c) => c.text).filter((t) => t.includes('|---') || t.includes('|:--'))];
    const patched = texts.map((t) => parseWhole(t));
    proto.add = originalTableAdd();
    try {
      texts.forEach((t, i) => expect(patched[i]).toEqual(parseWhole(t)));
    } finally {
      proto.add = indexedAdd;
    }
  });

  it('is patched in the bundled command line as well', () => {
    // A preload that reports, as the command exits, whether the bundle's class was patched.
    const dir = tempDir();
    const probe = join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => { const c = globalThis[Symbol.for('roadmap-pipeline:gfm-table-edit-map')]; process.stderr.write('PATCHED ' + Boolean(c && c.prototype.__roadmapLinear) + '\\n'); });\n",
    );
    writeFileSync(join(dir, 'table.md'), table(50));
    const r = spawnSync(process.execPath, ['--require', probe, BIN, 'lint', '--no-config', 'table.md'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toContain('PATCHED true');
  });
});
