/**
 * A configuration error names the most specific problem, and counts as "more" only problems
 * elsewhere, not the alternatives the value did not take.
 */
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/load.js';
import { deepestError } from '../../src/util/schema-errors.js';

const error = (instancePath: string, keyword: string, message: string) => ({ instancePath, keyword, message, params: {} });

describe('deepestError', () => {
  it('does not count the errors of the alternatives above the problem', () => {
    const { error: e, more } = deepestError([
      error('/rules/insecure-url', 'type', 'must be string'),
      error('/rules/insecure-url/1/all', 'type', 'must be boolean'),
      error('/rules/insecure-url', 'oneOf', 'must match exactly one schema in oneOf'),
    ]);
    expect(e).toEqual({ path: '/rules/insecure-url/1/all', message: 'must be boolean' });
    expect(more).toBe(0);
  });

  it('counts problems at other places', () => {
    const { more } = deepestError([error('/rules/a/1/x', 'type', 'must be boolean'), error('/limits/maxNesting', 'type', 'must be integer'), error('/', 'anyOf', 'x')]);
    expect(more).toBe(1);
    // A problem above the one named that is not an alternative is a problem of its own.
    expect(deepestError([error('/rules/a/1/x', 'type', 'must be boolean'), error('/', 'additionalProperties', 'must NOT have additional properties')]).more).toBe(1);
  });

  it('words a real configuration error with no false count', () => {
    expect(() => checkConfig({ rules: { 'insecure-url': ['warn', { all: 'yes' }] } }, 'roadmap.config.json')).toThrow(
      /invalid configuration at \/rules\/insecure-url\/1\/all: must be boolean$/u,
    );
    expect(() => checkConfig({ rules: { 'insecure-url': ['warn', { all: 'yes' }] }, limits: { maxNesting: 'deep' } }, 'roadmap.config.json')).toThrow(/ \(and 1 more\)$/u);
  });
});
