import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

/**
 * The SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it, taken from the npm registry
 * (@microsoft/sarif-multitool-linux carries sarif-2.1.0.json) on first use and cached under
 * node_modules/.cache. Nothing of it is kept in this repository.
 */
const PACKAGE = '@microsoft/sarif-multitool-linux@5.7.0';
const CACHE = join(ROOT, 'node_modules/.cache/roadmap-pipeline');
const FILE = join(CACHE, 'sarif-2.1.0.json');

export function sarifSchema(): Record<string, unknown> {
  if (!existsSync(FILE)) {
    mkdirSync(CACHE, { recursive: true });
    const tmp = mkdtempSync(join(tmpdir(), 'sarif-'));
    try {
      execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', tmp], { stdio: ['ignore', 'ignore', 'pipe'] });
      const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
      if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
      execFileSync('tar', ['-xzf', join(tmp, tarball), '-C', tmp, 'package/sarif-2.1.0.json']);
      renameSync(join(tmp, 'package/sarif-2.1.0.json'), FILE);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
}
