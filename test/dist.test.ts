import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tempDir } from './helpers.js';

// dist/ is committed for data consumers; it must be what `npm start` makes from content/ today.
describe('the committed dist/', () => {
  it('is up to date with content/ (run npm start after editing content)', () => {
    const out = tempDir();
    const r = cli(['build', '--out', out]);
    expect(r.stderr).toContain('wrote');
    const committed = readdirSync(join(ROOT, 'dist')).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const f of committed) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(ROOT, 'dist', f), 'utf8'));
  });
});
