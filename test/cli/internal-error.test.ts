/**
 * Faults injected inside the run: a bug in a stage or a rule while handling one document, and a
 * file that grows while --fix works on it. The command runs in process so the faults can be put
 * exactly where they belong; the documents are real.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROADMAP, tempDir } from '../helpers.js';

// A bug in extraction, only for documents named "boom".
vi.mock(import('../../src/model/extract.js'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    extractRoadmap: (...args: Parameters<typeof actual.extractRoadmap>) => {
      if (args[1].document === 'boom') throw new TypeError("Cannot read properties of undefined (reading 'children')");
      return actual.extractRoadmap(...args);
    },
  };
});

// A bug in one rule, only for documents named "boom-rule.md".
vi.mock(import('../../src/rules/empty-section.js'), async (original) => {
  const actual = (await original()).default;
  return {
    default: {
      ...actual,
      create(context: Parameters<typeof actual.create>[0]) {
        if (context.doc.path.endsWith('boom-rule.md')) throw new RangeError('Maximum call stack size exceeded');
        return actual.create(context);
      },
    },
  };
});

// Text appended to the file while --fix computes its fixes.
let grow: string | null = null;
vi.mock(import('../../src/lint/fix.js'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    fixUntilStable: async (...args: Parameters<typeof actual.fixUntilStable>) => {
      const result = await actual.fixUntilStable(...args);
      if (grow) appendFileSync(grow, '\n* [Added meanwhile](https://example.com/new)\n');
      return result;
    },
  };
});

const { main } = await import('../../src/cli/main.js');

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => new Uint8Array(),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

const SMALL = '# Small list\n\n## 1. One\n\n* [Python Docs](https://docs.python.org/3/)\n';

function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'content'));
  cpSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
  writeFileSync(join(dir, 'content/boom.md'), SMALL);
  writeFileSync(join(dir, 'content/boom-rule.md'), '# Rule bug\n\n## 1. Empty\n\n## 2. Full\n\n* [Python Docs](https://docs.python.org/3/)\n');
  writeFileSync(join(dir, 'content/fine.md'), SMALL);
  return dir;
}

describe('an unexpected exception in one document', () => {
  it('becomes an internal-error finding naming the file and the stage or rule, in every format; the others go on; exit 3', async () => {
    const dir = project();
    const json = await run(['lint', '--no-config', '--format', 'json', 'content'], dir);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout);
    const byFile = Object.fromEntries(report.results.map((r: { file: string; findings: { ruleId: string; message: string }[] }) => [r.file, r.findings]));
    expect(byFile['content/boom.md']).toEqual([
      expect.objectContaining({ ruleId: 'internal-error', messageId: 'internal', severity: 'error', message: expect.stringMatching(/^internal error in reading and processing: TypeError: Cannot read properties of undefined \(reading 'children'\)\. This is a bug in roadmap-pipeline; please report it$/u) }),
    ]);
    expect(byFile['content/boom-rule.md']).toEqual([
      expect.objectContaining({ ruleId: 'internal-error', message: expect.stringContaining('internal error in rule empty-section: RangeError: Maximum call stack size exceeded') }),
    ]);
    // The other documents were linted as usual, the roadmap with its 14 mojibake findings.
    expect(byFile['content/backend-roadmap.md'].filter((f: { ruleId: string }) => f.ruleId === 'mojibake')).toHaveLength(14);
    expect(byFile['content/fine.md']).toEqual([]);
    expect(json.stderr).not.toMatch(/\n\s+at /u);

    for (const format of ['stylish', 'compact', 'github', 'sarif']) {
      const r = await run(['lint', '--no-config', '--format', format, 'content'], dir);
      expect(r.code, format).toBe(3);
      expect(r.stdout, format).toContain('internal-error');
      expect(r.stdout, format).toContain('boom.md');
      expect(r.stdout, format).toContain('rule empty-section');
    }
  });

  it('build writes the other documents, not the failing one, and exits 3', async () => {
    const dir = project();
    const r = await run(['build', '--no-config'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('roadmap: content/boom.md: internal error in reading and processing');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual([
      'backend-roadmap.csv',
      'backend-roadmap.json',
      'backend-roadmap.md',
      'boom-rule.csv',
      'boom-rule.json',
      'boom-rule.md',
      'fine.csv',
      'fine.json',
      'fine.md',
      'index.json',
    ]);
  });
});

describe('text appended to a file during --fix', () => {
  it('is not overwritten: the file is left as it now is, and the run says so', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.md');
    writeFileSync(file, '# Caf\u00c3\u00a9 list\n\n## 1. One\n\n* [Python Docs](https://docs.python.org/3/) \u00e2\u20ac\u201d the reference\n');
    const before = readFileSync(file, 'utf8');
    grow = file;
    try {
      const r = await run(['lint', '--fix', '--no-config', 'x.md'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('roadmap: x.md: changed since it was read; not overwritten (run again)');
      expect(readFileSync(file, 'utf8')).toBe(`${before}\n* [Added meanwhile](https://example.com/new)\n`);
      expect(readdirSync(dir)).toEqual(['x.md']);
    } finally {
      grow = null;
    }
  });
});
