import { readFileSync } from 'node:fs';

/** The package's name and version, read once from package.json (two levels up from src/ or build/). */
export const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  homepage?: string;
};
