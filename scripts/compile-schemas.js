#!/usr/bin/env node
// Compile the JSON Schemas in schema/ to standalone validator modules in src/generated/, so that a
// run loads ready code instead of compiling schemas on every start-up.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['roadmap', 'config', 'registry', 'index', 'baseline'];

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
  const validate = ajv.compile(schema);
  const code = standaloneCode.default(ajv, validate);
  // Ajv's ESM output still calls require() for a few runtime helpers (string length, deep equality).
  const banner =
    `// @ts-nocheck\n// Generated from schema/${name}.schema.json by scripts/compile-schemas.js. Do not edit.\n` +
    `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n`;
  // Give the export its type, so callers need no casts.
  const typed = code
    .replace(/^"use strict";/, '')
    .replace(/export const validate = (\w+);/, "export const validate: import('../util/schema-errors.js').CompiledValidator = $1;");
  if (!typed.includes('CompiledValidator')) throw new Error(`unexpected ajv output for ${name}`);
  await writeFile(join(root, 'src/generated', `validate-${name}.ts`), banner + typed);
}
