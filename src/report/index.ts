import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const REPORTERS: Readonly<Record<string, Reporter>> = { stylish, compact, json, github, sarif };

export type { FileResult, Reporter, ReporterOptions, ReportSummary } from './types.js';
export { summarize } from './types.js';
