/**
 * The real-world regression corpus (test/realworld/corpus.js): over 2,000 Markdown files nobody
 * here wrote, linted with no crash, and finding counts per rule equal to snapshot.json. When a
 * change moves the counts on purpose, run `npm run realworld:snapshot` and say why in the commit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with the snapshot script
import { corpusFiles, installCorpusPackages, lintCorpus } from './corpus.js';
import * as api from '../../src/index.js';
import { cli, ROOT, SHARED_CORPUS } from '../helpers.js';

interface CorpusFile {
  name: string;
  path: string;
  bytes: Buffer;
}

let installed = '';
let files: CorpusFile[] = [];

beforeAll(() => {
  installed = installCorpusPackages(ROOT) as string;
  files = corpusFiles(ROOT, { installed, shared: SHARED_CORPUS }) as CorpusFile[];
}, 600_000);

describe('the real-world corpus', () => {
  it('lints two files that once crashed a whole run: commander 7.2.0 CHANGELOG.md, side-channel-list 1.0.1 README.md', () => {
    for (const file of ['commander/CHANGELOG.md', 'side-channel-list/README.md']) {
      const path = join(installed, 'node_modules', file);
      const r = cli(['lint', path, '--no-config', '--format', 'compact']);
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at /u);
      expect(r.stderr).not.toMatch(/TypeError|Invalid URL/u);
    }
  });

  it('has over 2,000 files, lints them with no crash, and gives the recorded counts', async () => {
    expect(files.length).toBeGreaterThanOrEqual(2000);
    const { crashList, ...result } = (await lintCorpus(files, api)) as { crashList: string[]; files: number };
    expect(crashList).toEqual([]);
    if (!existsSync(SHARED_CORPUS)) {
      console.warn('snapshot comparison skipped: ../shared/corpus/lists is not present');
      return;
    }
    const snapshot = JSON.parse(readFileSync(join(ROOT, 'test/realworld/snapshot.json'), 'utf8')) as object;
    expect(result).toEqual(snapshot);
  }, 900_000);
});
