/**
 * Front matter: YAML between `---` lines or TOML between `+++` lines at the top of a document
 * (found by remark-frontmatter). Parsed with `yaml` and `smol-toml`, loaded only when a document
 * has front matter, and kept in the model as plain JSON.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface ParsedFrontMatter {
  data: Record<string, unknown> | null;
  /** Why `data` is null, when the block is there but unusable. */
  error: string | null;
}

/** Parse a front matter block's text; never throws. */
export function parseFrontMatter(format: 'yaml' | 'toml', text: string): ParsedFrontMatter {
  let value: unknown;
  try {
    if (format === 'yaml') {
      const yaml = require('yaml') as typeof import('yaml');
      // The core schema (no custom tags, no dates); aliases are capped against "billion laughs".
      value = yaml.parse(text, { prettyErrors: false, maxAliasCount: 100, uniqueKeys: false });
    } else {
      const toml = require('smol-toml') as typeof import('smol-toml');
      value = toml.parse(text, { maxDepth: 100 });
    }
  } catch (error) {
    return { data: null, error: `the ${format.toUpperCase()} front matter does not parse: ${firstLine(error)}` };
  }
  if (value === null || value === undefined || (format === 'yaml' && typeof value === 'string' && value.trim() === '')) {
    return { data: {}, error: null };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { data: null, error: `the ${format.toUpperCase()} front matter is not a mapping of keys to values` };
  }
  try {
    // Plain JSON: dates become ISO 8601 strings, and nothing but data survives.
    return { data: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, error: null };
  } catch (error) {
    return { data: null, error: `the ${format.toUpperCase()} front matter cannot be kept as JSON: ${firstLine(error)}` };
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]!.trim();
}
