#!/usr/bin/env node
// Compile the JSON Schemas in schema/ to standalone validator modules in src/generated/, so that a
// run loads ready code instead of compiling schemas on every start-up.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Keywords that describe and never constrain: the validators leave them out, since ajv copies a
// schema object into the module whole whenever an error needs one of its values, and a run then
// builds every description on start-up.
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples']);
// Keywords whose value is one schema, a list of schemas, or a map of names to schemas. Everything
// else (enum, const, required, default…) is data, where a property may well be called
// "description".
const SCHEMA = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** The schema without its annotations (a copy). */
function withoutAnnotations(schema) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA.has(key)) out[key] = Array.isArray(value) ? value.map(withoutAnnotations) : withoutAnnotations(value);
    else if (SCHEMA_LIST.has(key)) out[key] = value.map(withoutAnnotations);
    else if (SCHEMA_MAP.has(key)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]));
    else out[key] = value;
  }
  return out;
}

// Ajv's output calls require() for its runtime helpers (string length, deep equality). They become
// imports, so that the bundle carries them instead of loading them from node_modules on every run.
// Node hands a default import a CommonJS module's whole exports, whose `default` is the helper;
// bundlers and test runners that honour `__esModule` hand over the helper itself.
const RUNTIME = /const (\w+) = require\("(ajv\/dist\/runtime\/\w+)"\)\.default;/gu;
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['roadmap', 'config', 'registry', 'index', 'baseline', 'cache-entry'];

await mkdir(join(root, 'src/generated'), { recursive: true });
for (const name of targets) {
  const schemaPath = join(root, 'schema', `${name}.schema.json`);
  let schema;
  try {
    schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') continue;
    throw error;
  }
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true, esm: true } });
  const validate = ajv.compile(withoutAnnotations(schema));
  const imports = [];
  const code = standaloneCode.default(ajv, validate).replace(RUNTIME, (_, local, module) => {
    imports.push(`import ${local}Module from '${module}.js';\n`);
    return `const ${local} = ${local}Module.default ?? ${local}Module;`;
  });
  if (code.includes('require(')) throw new Error(`ajv output for ${name} still calls require()`);
  const banner = `// @ts-nocheck\n// Generated from schema/${name}.schema.json by scripts/compile-schemas.js. Do not edit.\n${[...new Set(imports)].join('')}`;
  // Give the export its type, so callers need no casts.
  const typed = code
    .replace(/^"use strict";/, '')
    .replace(/export const validate = (\w+);/, "export const validate: import('../util/schema-errors.js').CompiledValidator = $1;");
  if (!typed.includes('CompiledValidator')) throw new Error(`unexpected ajv output for ${name}`);
  await writeFile(join(root, 'src/generated', `validate-${name}.ts`), banner + typed);
}
