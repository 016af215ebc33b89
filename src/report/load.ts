/**
 * The report formats by name, each loaded when a run asks for it: the command line reads one
 * format per run, so the others (SARIF's rule table above all) stay unloaded.
 */
import type { Reporter } from './types.js';

export const REPORTER_NAMES = ['stylish', 'compact', 'json', 'github', 'sarif'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

export const isReporterName = (name: string): name is ReporterName => (REPORTER_NAMES as readonly string[]).includes(name);

export async function loadReporter(name: ReporterName): Promise<Reporter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).stylish;
    case 'compact':
      return (await import('./compact.js')).compact;
    case 'json':
      return (await import('./json.js')).json;
    case 'github':
      return (await import('./github.js')).github;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
  }
}
