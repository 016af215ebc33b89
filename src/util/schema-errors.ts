/**
 * The shape of the validators that scripts/compile-schemas.js generates from schema/, and their
 * errors worded for people.
 */

export interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** A validator compiled ahead of time; `errors` holds the last call's errors. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export interface SchemaError {
  /** JSON Pointer into the data ("/sections/2/groups/0/resources/1/url"). */
  path: string;
  message: string;
}

export function formatAjvErrors(errors: readonly AjvError[]): SchemaError[] {
  return errors.map((e) => {
    let message = e.message ?? e.keyword;
    if (e.keyword === 'additionalProperties') message += `: "${String(e.params['additionalProperty'])}"`;
    if (e.keyword === 'enum') message += `: ${JSON.stringify(e.params['allowedValues'])}`;
    return { path: e.instancePath || '/', message };
  });
}

/**
 * The most specific of a validator's errors ("reason" missing, not "does not match oneOf"), and how
 * many more problems there are elsewhere. Errors at the same place or above it ("must be string",
 * "must match exactly one schema in oneOf" for the alternatives the value did not take) describe
 * the same problem, and are not counted.
 */
export function deepestError(errors: readonly AjvError[]): { error: SchemaError; more: number } {
  const formatted = formatAjvErrors(errors);
  const error = formatted.reduce((a, b) => (b.path.length > a.path.length ? b : a), formatted[0] ?? { path: '/', message: 'invalid' });
  const sameProblem = (path: string): boolean => path === '/' || path === error.path || error.path.startsWith(`${path}/`);
  return { error, more: formatted.filter((e) => e !== error && !sameProblem(e.path)).length };
}
