/**
 * Validation of models against schema/roadmap.schema.json. The validator is compiled ahead of time
 * (scripts/compile-schemas.js), so no schema compiler loads at run time.
 */
import { validate } from '../generated/validate-roadmap.js';
import { formatAjvErrors, type SchemaError } from '../util/schema-errors.js';

export type { SchemaError } from '../util/schema-errors.js';

/** Validate a model; returns the errors, empty when it is valid. */
export function validateRoadmap(model: unknown): SchemaError[] {
  if (validate(model)) return [];
  return formatAjvErrors(validate.errors ?? []);
}
