/**
 * Imports flow one way (docs/architecture.md draws the picture): a module may import from its own
 * layer or below, never above. The rule contract (lint/rule.ts, lint/finding.ts) sits below the
 * rules; the runner sits above them and is handed them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** Layer by path (a file's own entry wins over its directory's); higher layers may import lower ones. */
export const LAYERS: Record<string, number> = {
  util: 0,
  generated: 0,
  'version.ts': 0,
  encoding: 1,
  model: 1,
  policy: 2,
  pipeline: 3,
  emit: 3,
  'lint/finding.ts': 4,
  'lint/rule.ts': 4,
  rules: 5,
  lint: 6,
  report: 6,
  links: 6,
  config: 7,
  project: 7,
  'index.ts': 8,
  'plugins.ts': 8,
  cli: 9,
};

function layerOf(file: string): number | undefined {
  const rel = relative(SRC, file).split('\\').join('/');
  return LAYERS[rel] ?? LAYERS[rel.split('/')[0]!];
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gmu;

describe('the import graph', () => {
  const files = sources(SRC);

  it('gives every module a layer', () => {
    expect(files.filter((f) => layerOf(f) === undefined).map((f) => relative(SRC, f))).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    const upward: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = resolve(dirname(file), m[1]!.replace(/\.js$/u, '.ts'));
        if (layerOf(target)! > layerOf(file)!) upward.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
