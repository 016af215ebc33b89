/**
 * The link step of `roadmap links`, `lint --links` and `build --links`: check the documents'
 * links (or read them from the cache), and hand the runner each document's link reports. The
 * link layer (src/links/, and undici with it) is imported here, lazily: a run without --links
 * never loads it.
 */
import { resolve } from 'node:path';
import type { LinksConfig } from '../config/links.js';
import type { CheckerOptions, LinkCheck, LinkReport, LinksSettings, ResourceLink } from '../links/index.js';
import type { ProcessedDocument } from '../pipeline/process.js';
import { EXIT_FAILURE, InputError } from '../pipeline/read.js';
import { PACKAGE } from '../version.js';

export type LinksMode = 'network' | 'cached';

export interface LinkStepOptions {
  mode: LinksMode;
  /** --links-cache, relative to the working directory. */
  cacheFile?: string;
  /** --diff-base: only links on lines added since this git ref. */
  diffBase?: string;
}

export interface LinkStepIo {
  cwd: string;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  /** Checker options for tests (a resolver and a route to a local mirror); never set by the command line. */
  linkChecker?: Partial<CheckerOptions>;
}

export interface LinkRun {
  /** The link reports of a document (also of a fixed text of it: no new request is made). */
  reportsFor(doc: ProcessedDocument, config: LinksConfig | undefined): LinkReport[];
  /** A resource's link data for build outputs. */
  linkFor(url: string): ResourceLink | undefined;
  checks: ReadonlyMap<string, LinkCheck>;
}

export const USER_AGENT = `${PACKAGE.name}/${PACKAGE.version} (+${(PACKAGE.homepage ?? 'https://github.com/roadmap-pipeline/roadmap-pipeline').replace(/#.*$/u, '')})`;

/** The `links` configuration with defaults filled in. */
export function linksSettings(config: LinksConfig | undefined, defaults: LinksSettings): LinksSettings {
  return {
    exclude: config?.exclude ?? defaults.exclude,
    accept: config?.accept ?? defaults.accept,
    timeout: config?.timeout ?? defaults.timeout,
    concurrency: config?.concurrency ?? defaults.concurrency,
    perHost: config?.perHost ?? defaults.perHost,
    retryAfterBudget: config?.retryAfterBudget ?? defaults.retryAfterBudget,
    allowHosts: config?.allowHosts ?? defaults.allowHosts,
    cacheMaxAge: { ...defaults.cacheMaxAge, ...config?.cacheMaxAge },
  };
}

/** Check (or read from the cache) the links of these documents. */
export async function runLinkStep(
  docs: readonly { doc: ProcessedDocument; links: LinksConfig | undefined }[],
  options: LinkStepOptions,
  io: LinkStepIo,
): Promise<LinkRun> {
  const links = await import('../links/index.js');
  const configOf = new Map(docs.map((d) => [d.doc, d.links]));
  const settings = linksSettings(docs[0]?.links, links.DEFAULT_LINKS_SETTINGS);
  const cacheFile = resolve(io.cwd, options.cacheFile ?? links.DEFAULT_CACHE_FILE);
  const progress =
    io.stderrIsTTY && options.mode === 'network'
      ? (done: number, total: number) => io.stderr(done >= total ? '\r\x1b[K' : `\r\x1b[Kchecking links: ${done}/${total}`)
      : undefined;
  // --diff-base: the added lines of each file. Fixes (moved links) never add or remove a line, so
  // the same lines hold for every fixed text of a document.
  const selections = new Map<string, (line: number) => boolean>();
  const selectionOf = async (doc: ProcessedDocument): Promise<(line: number) => boolean> => {
    let selected = selections.get(doc.path);
    if (!selected) {
      selected = await links.linesAddedSince(options.diffBase!, resolve(io.cwd, doc.path));
      selections.set(doc.path, selected);
    }
    return selected;
  };
  let result;
  try {
    result = await links.checkDocuments(
      docs.map((d) => d.doc),
      {
        mode: options.mode,
        cacheFile,
        settings,
        settingsFor: (doc) => linksSettings(configOf.get(doc), links.DEFAULT_LINKS_SETTINGS),
        userAgent: USER_AGENT,
        ...(io.linkChecker ? { checker: io.linkChecker } : {}),
        warn: (message) => io.stderr(`roadmap: ${message}\n`),
        ...(progress ? { progress } : {}),
        ...(options.diffBase !== undefined ? { select: selectionOf } : {}),
      },
    );
  } catch (error) {
    if (error instanceof links.DiffError) throw new InputError('--diff-base', error.message, EXIT_FAILURE);
    throw error;
  }
  if (options.mode === 'cached' && result.missing.length > 0) {
    const n = result.missing.length;
    io.stderr(`roadmap: ${n} link${n === 1 ? ' is' : 's are'} not in the links cache and ${n === 1 ? 'was' : 'were'} not checked; run roadmap links to check ${n === 1 ? 'it' : 'them'}\n`);
  }
  const { checks } = result;
  return {
    checks,
    reportsFor: (doc, config) => {
      // The document as read: the reports made with it. A fixed text: the same checks, no request.
      if (docs.some((d) => d.doc === doc)) return result.reports.get(doc.path) ?? [];
      const selected = selections.get(doc.path) ?? (() => true);
      const occurrences = links.collectLinks(doc).filter((o) => selected(doc.index.pointAt(o.start).line));
      return links.linkReports(occurrences, checks, linksSettings(config, links.DEFAULT_LINKS_SETTINGS));
    },
    linkFor: (url) => links.resourceLink(url, checks),
  };
}
