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
 * Keywords whose error at a place above another error is an alternative the value did not take,
 * not a problem of its own: a rule's ["error", {…}] with a bad option also fails the forms
 * "error" (enum) and ["error"] (maxItems, items).
 */
const ALTERNATIVES = new Set(['oneOf', 'anyOf', 'type', 'enum', 'const', 'minItems', 'maxItems', 'items']);

/**
 * The most specific of a validator's errors ("reason" missing, not "does not match oneOf"), and how
 * many more problems there are. An error at the same place or above it for an alternative ("must
 * be string", "must match exactly one schema in oneOf": the forms the value did not take)
 * describes the same problem, and is not counted.
 */
export function deepestError(errors: readonly AjvError[]): { error: SchemaError; more: number } {
  const formatted = formatAjvErrors(errors);
  const error = formatted.reduce((a, b) => (b.path.length > a.path.length ? b : a), formatted[0] ?? { path: '/', message: 'invalid' });
  const above = (path: string): boolean => path === error.path || path === '/' || error.path.startsWith(`${path}/`);
  const more = formatted.filter((e, i) => e !== error && !(above(e.path) && ALTERNATIVES.has(errors[i]!.keyword))).length;
  return { error, more };
}
