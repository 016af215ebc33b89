import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { sarifSchema } from './sarif-schema.js';

describe('SARIF output', () => {
  let validate: ReturnType<Ajv2020['compile']>;
  beforeAll(() => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validate = ajv.compile(sarifSchema());
  }, 300_000);

  it('validates against the official SARIF 2.1.0 schema', () => {
    const r = cli(['lint', 'content/backend-roadmap.md', '--format', 'sarif']);
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const results = log.runs[0].results;
    expect(results.filter((x: { ruleId: string }) => x.ruleId === 'mojibake')).toHaveLength(14);
    const first = results[0];
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 3, charOffset: 2, charLength: 4 });
    expect(first.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 2, charLength: 4 }, insertedContent: { text: '🖥' } });
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('official-only');
  });

  it('uses a schema that does reject a malformed log', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', bogus: 1 } } }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });

  it('is valid with no findings too', () => {
    const r = cli(['lint', '-', '--format', 'sarif', '--no-config'], { input: '# Fine\n\n## S\n\n* [Python](https://docs.python.org/3/)\n' });
    expect(r.code).toBe(0);
    expect(validate(JSON.parse(r.stdout))).toBe(true);
  });
});
