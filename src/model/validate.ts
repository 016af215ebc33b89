/**
 * Validation of models against schema/roadmap.schema.json. The validator is compiled ahead of time
 * (scripts/compile-schemas.js), so no schema compiler loads at run time.
 */
import { validate as compiled } from '../generated/validate-roadmap.js';
import type { Roadmap } from './types.js';

export interface SchemaError {
  /** JSON Pointer into the model ("/sections/2/groups/0/resources/1/url"). */
  path: string;
  message: string;
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

type CompiledValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const validator = compiled as unknown as CompiledValidator;

export function formatAjvErrors(errors: readonly AjvError[]): SchemaError[] {
  return errors.map((e) => {
    let message = e.message ?? e.keyword;
    if (e.keyword === 'additionalProperties') message += `: "${String(e.params['additionalProperty'])}"`;
    if (e.keyword === 'enum') message += `: ${JSON.stringify(e.params['allowedValues'])}`;
    return { path: e.instancePath || '/', message };
  });
}

/** Validate a model; returns the errors, empty when it is valid. */
export function validateRoadmap(model: unknown): SchemaError[] {
  if (validator(model)) return [];
  return formatAjvErrors(validator.errors ?? []);
}

export function isRoadmap(model: unknown): model is Roadmap {
  return validator(model);
}
