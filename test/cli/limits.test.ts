/**
 * The limits (maxNesting, maxFileSize, maxFindings) set from the configuration's `limits` and the
 * --max-* flags, on real lists: the caps hold, nothing past them is silently lost, and a flag wins.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lintRoadmap } from '../../src/index.js';
import { ROADMAP, SHARED_CORPUS, cli, roadmapText, tempDir } from '../helpers.js';

interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}
const findingsOf = (stdout: string): JsonFinding[] => (JSON.parse(stdout) as { results: { findings: JsonFinding[] }[] }).results.flatMap((r) => r.findings);

const LIST = join(SHARED_CORPUS, 'free-programming-books-langs.md');

/**
 * The roadmap and the list, with insecure-url's audit on: all of the list's 476 http: links are
 * reported, which gives it hundreds of findings.
 */
function project(config: Record<string, unknown> = {}): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'content'));
  copyFileSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
  if (existsSync(LIST)) copyFileSync(LIST, join(dir, 'content/langs.md'));
  writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ rules: { 'insecure-url': ['warn', { all: true }] }, ...config }));
  return dir;
}

describe.skipIf(!existsSync(LIST))('maxFindings on a real list with hundreds of findings', () => {
  const dir = project();
  const all = findingsOf(cli(['lint', 'content/langs.md', '--format', 'json'], { cwd: dir }).stdout);

  it('keeps the first n findings exactly, and counts the rest in one max-findings finding at the first of them', () => {
    expect(all.length).toBeGreaterThan(300);
    const r = cli(['lint', 'content/langs.md', '--format', 'json', '--max-findings', '100'], { cwd: dir });
    const capped = findingsOf(r.stdout);
    expect(capped).toHaveLength(101);
    expect(capped.slice(0, 100)).toEqual(all.slice(0, 100));
    const summary = capped[100]!;
    const rest = all.slice(100);
    const errors = rest.filter((f) => f.severity === 'error').length;
    expect(summary).toMatchObject({ ruleId: 'max-findings', messageId: 'truncated', line: rest[0]!.line, column: rest[0]!.column });
    expect(summary.message).toBe(
      `${rest.length} more findings from here on not shown (${errors} error${errors === 1 ? '' : 's'}, ${rest.length - errors} warning${rest.length - errors === 1 ? '' : 's'}): maxFindings is 100`,
    );
    expect(summary.severity).toBe(errors > 0 ? 'error' : 'warn');
  });

  it('takes the limit from the configuration, and a flag wins over it', () => {
    const configured = project({ limits: { maxFindings: 10 } });
    expect(findingsOf(cli(['lint', 'content/langs.md', '--format', 'json'], { cwd: configured }).stdout)).toHaveLength(11);
    expect(findingsOf(cli(['lint', 'content/langs.md', '--format', 'json', '--max-findings', '20'], { cwd: configured }).stdout)).toHaveLength(21);
  });

  it('is part of what the cache keys on: a changed limit is not answered from the cache', () => {
    const cached = project();
    const first = findingsOf(cli(['lint', 'content/langs.md', '--format', 'json', '--cache', '--max-findings', '5'], { cwd: cached }).stdout);
    const second = findingsOf(cli(['lint', 'content/langs.md', '--format', 'json', '--cache', '--max-findings', '50'], { cwd: cached }).stdout);
    expect(first).toHaveLength(6);
    expect(second).toHaveLength(51);
  });

  it('gives the same report on worker threads as in one thread', () => {
    const serial = cli(['lint', 'content', '--format', 'json', '--max-findings', '7', '--threads', '1'], { cwd: dir });
    const parallel = cli(['lint', 'content', '--format', 'json', '--max-findings', '7', '--threads', '2'], { cwd: dir });
    expect(parallel.stdout).toBe(serial.stdout);
    expect(findingsOf(serial.stdout).filter((f) => f.ruleId === 'max-findings')).toHaveLength(2);
  });
});

describe('maxFindings and the counts', () => {
  it('counts the findings it hides: --max-warnings and the summary see all of them', () => {
    const dir = tempDir();
    // Twenty http: links to a site the list also links with https:.
    const body = Array.from({ length: 20 }, (_, i) => `- [a${i}](http://a.example/${i}) - x`).join('\n');
    writeFileSync(join(dir, 'warns.md'), `# T\n\n## S\n\n${body}\n- [secure](https://a.example/) - y\n`);
    const all = cli(['lint', 'warns.md', '--no-config', '--max-warnings', '5'], { cwd: dir });
    const capped = cli(['lint', 'warns.md', '--no-config', '--max-warnings', '5', '--max-findings', '3'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(capped.code).toBe(1);
    expect(capped.stderr).toContain('roadmap: 20 warnings, more than --max-warnings 5');
    const json = JSON.parse(cli(['lint', 'warns.md', '--no-config', '--format', 'json', '--max-findings', '3'], { cwd: dir }).stdout) as {
      summary: { warnings: number };
      results: { warningCount: number; findings: unknown[] }[];
    };
    expect(json.summary.warnings).toBe(20);
    expect(json.results[0]!.warningCount).toBe(20);
    expect(json.results[0]!.findings).toHaveLength(4);
  });
});

describe('maxFindings and --fix', () => {
  it('applies every fix, shown or not: the roadmap mis-encoded 14 times is fully repaired under maxFindings 2', async () => {
    const capped = await lintRoadmap(roadmapText(), { path: 'backend-roadmap.md', limits: { maxFindings: 2 } });
    expect(capped).toHaveLength(3);
    expect(capped[2]!.ruleId).toBe('max-findings');
    const fixed = await fixText(roadmapText(), { path: 'backend-roadmap.md', limits: { maxFindings: 2 } });
    expect(fixed.output).toContain('Backend Development Roadmap — Official Resources Only');
    expect(fixed.output).not.toMatch(/â€”/u);

    const dir = project();
    const r = cli(['lint', '--fix', 'content/backend-roadmap.md', '--max-findings', '1', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toContain('applied 14 fixes');
    expect(readFileSync(join(dir, 'content/backend-roadmap.md'), 'utf8')).not.toMatch(/â€”|ðŸ|âœ/u);
  });
});

describe('maxFileSize and maxNesting from the configuration and flags', () => {
  it('refuses a file over maxFileSize before reading it, naming the file, exit 1', () => {
    const dir = project({ limits: { maxFileSize: 1000 } });
    const size = readFileSync(ROADMAP).length;
    const r = cli(['lint', 'content/backend-roadmap.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`roadmap: content/backend-roadmap.md: ${size.toLocaleString('en-US')} bytes is larger than maxFileSize (1,000 bytes)`);
    // A flag wins over the configuration.
    expect(cli(['lint', 'content/backend-roadmap.md', '--max-file-size', String(size)], { cwd: dir }).stderr).not.toContain('maxFileSize');
  });

  it('refuses nesting past a configured maxNesting, naming the line', () => {
    const dir = project({ limits: { maxNesting: 3 } });
    writeFileSync(join(dir, 'content/deep.md'), '# Deep\n\n## S\n\n> > > > [x](https://example.com/)\n');
    const r = cli(['lint', 'content/deep.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('roadmap: content/deep.md:5: nested 4 levels deep (block quotes and lists), more than maxNesting (3)');
    expect(cli(['lint', 'content/deep.md', '--max-nesting', '4'], { cwd: dir }).stderr).not.toContain('maxNesting');
  });

  it.each([
    [['--max-findings', '0'], '--max-findings takes a whole number from 1'],
    [['--max-nesting', '1e3'], '--max-nesting takes a whole number from 1 to 100,000'],
    [['--max-file-size', '-5'], '--max-file-size'],
  ])('refuses %j with one line, exit 2', (flags, message) => {
    const r = cli(['lint', ...flags, 'content'], { cwd: project() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('refuses a bad limits section with the JSON path, exit 2', () => {
    const r = cli(['lint', 'content'], { cwd: project({ limits: { maxFindings: 0 } }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/roadmap\.config\.json: invalid configuration at \/limits\/maxFindings: must be >= 1/u);
  });
});
