/** The files generated from the rules' metadata are up to date (run `npm run generate` when this fails). */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without types
import { generatedFiles } from '../scripts/generate.js';
import { RULES } from '../src/rules/index.js';

describe('generated from the rules', () => {
  it('schema/config.schema.json, the README rule table and every docs/rules header are current', async () => {
    const files = (await generatedFiles(RULES.map((r) => r.meta))) as [string, string | null, string | null][];
    expect(files.length).toBe(RULES.length + 2);
    for (const [path, expected, actual] of files) {
      expect(expected, `${path} is missing`).not.toBeNull();
      expect(actual, `${path} is stale: run npm run generate`).toBe(expected);
    }
  });
});
