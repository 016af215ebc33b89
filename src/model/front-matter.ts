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

/** Deeper front matter than this is refused before it is parsed (TOML's parser takes the same). */
const MAX_DEPTH = 100;

/**
 * How deep a YAML text nests, at least: its flow collections (`[`, `{`, outside quotes) and its
 * indentation. The yaml parser recurses once per level, and V8 can fail outright (a fatal error,
 * not a RangeError) when a regular expression is compiled near the end of the stack; a nesting no
 * front matter needs is refused before that.
 */
function yamlDepth(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    max = Math.max(max, Math.floor(indent / 2));
  }
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote || ch === '\n') quote = '';
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return max;
}

/** Parse a front matter block's text; never throws. */
export function parseFrontMatter(format: 'yaml' | 'toml', text: string): ParsedFrontMatter {
  let value: unknown;
  if (format === 'yaml' && yamlDepth(text) > MAX_DEPTH) {
    return { data: null, error: `the YAML front matter is nested more than ${MAX_DEPTH} levels deep` };
  }
  try {
    if (format === 'yaml') {
      const yaml = require('yaml') as typeof import('yaml');
      // The core schema (no custom tags, no dates); aliases are capped against "billion laughs".
      // Its warnings (an unknown tag such as !!js/function, read as a plain value) are not printed
      // by Node as process warnings: the run's stderr is one line per problem, naming its file.
      value = yaml.parse(text, { prettyErrors: false, maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
    } else {
      const toml = require('smol-toml') as typeof import('smol-toml');
      value = toml.parse(text, { maxDepth: MAX_DEPTH });
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
