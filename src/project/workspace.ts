/**
 * A run's view of the files it touches: each document read, configured and processed once, and
 * shared with rules that look across files.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ConfigLoader, ResolvedConfig } from '../config/load.js';
import { processSource, type ProcessedDocument } from '../pipeline/process.js';
import { InputError, readSource, type SourceText } from '../pipeline/read.js';
import type { FileSnapshot } from '../util/atomic.js';

export interface LoadedDocument {
  doc: ProcessedDocument;
  config: ResolvedConfig;
  /** What the file was when read; a fix is written only if it is still the same. */
  snapshot?: FileSnapshot;
}

export class Workspace {
  readonly #docs = new Map<string, Promise<LoadedDocument>>();

  /** Whether reads record each file's snapshot (size, times, digest): only a run that writes fixes needs them. */
  readonly #snapshots: boolean;

  constructor(
    readonly loader: ConfigLoader,
    readonly cwd: string,
    options: { snapshots?: boolean } = {},
  ) {
    this.#snapshots = options.snapshots === true;
  }

  /**
   * The path as reports show it, with forward slashes: relative to the working directory, except
   * a file outside it named by an absolute path (or on another drive), which stays absolute.
   * `../lists/a.md` stays as written, so that reports, diffs and the JSON's `source` carry no
   * absolute path the user did not type.
   */
  display(path: string): string {
    const abs = resolve(this.cwd, path);
    const rel = relative(this.cwd, abs);
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    return (outside && (isAbsolute(path) || isAbsolute(rel)) ? abs : rel).split(sep).join('/');
  }

  /** Process a text under a given (display) path, e.g. one read from stdin, or a fixed version of a file. */
  async processText(path: string, source: SourceText): Promise<LoadedDocument> {
    const config = await this.loader.forFile(path);
    const doc = processSource(source.text, {
      path,
      bom: source.bom,
      registry: config.registry,
      limits: config.limits,
      ...(config.officialOnly !== undefined ? { officialOnly: config.officialOnly } : {}),
    });
    return source.snapshot ? { doc, config, snapshot: source.snapshot } : { doc, config };
  }

  /** Read a file (a display path) within its configuration's maxFileSize; nothing is kept. */
  async read(path: string): Promise<SourceText> {
    const config = await this.loader.forFile(path);
    return readSource(resolve(this.cwd, path), path, config.limits.maxFileSize, this.#snapshots);
  }

  /** Read and process a file once per run. */
  load(path: string): Promise<LoadedDocument> {
    const key = this.display(path);
    let pending = this.#docs.get(key);
    if (!pending) {
      pending = this.read(key).then((source) => this.processText(key, source));
      this.#docs.set(key, pending);
    }
    return pending;
  }

  /** Documents matched by globs relative to a configuration's directory; unreadable ones are skipped. */
  others = async (globs: readonly string[], config: ResolvedConfig): Promise<ProcessedDocument[]> => {
    const files = await (await import('tinyglobby')).glob([...globs], { cwd: config.dir, absolute: true, dot: false });
    const docs: ProcessedDocument[] = [];
    for (const f of files.sort()) {
      try {
        docs.push((await this.load(f)).doc);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
    return docs;
  };
}
