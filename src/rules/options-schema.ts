/**
 * Rules' option schemas live in schema/config.schema.json (under $defs/<rule id>-options), where
 * editors find them through "$schema"; this reads them from there on first use, so there is one
 * copy of each.
 */
import { readFileSync } from 'node:fs';

let defs: Record<string, object> | null = null;

export function optionsSchemaFor(id: string): object | null {
  defs ??= (JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8')) as { $defs: Record<string, object> }).$defs;
  return defs[`${id}-options`] ?? null;
}
