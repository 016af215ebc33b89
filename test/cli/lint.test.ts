import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROADMAP, cli, roadmapText, tempDir } from '../helpers.js';

function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const withRoadmap = (extra: Record<string, string | Buffer> = {}): string => {
  const dir = scratch(extra);
  mkdirSync(join(dir, 'content'), { recursive: true });
  cpSync(ROADMAP, join(dir, 'content/backend-roadmap.md'));
  return dir;
};

const CLEAN = '# Clean list\n\n## 1. Docs\n\n* [Python Docs](https://docs.python.org/3/)\n';

describe('roadmap lint on the roadmap', () => {
  const dir = withRoadmap();
  const r = cli(['lint', 'content/backend-roadmap.md', '--format', 'json', '--no-config'], { cwd: dir });
  const report = JSON.parse(r.stdout);
  const findings = report.results[0].findings as { ruleId: string; line: number; column: number; endColumn: number; message: string }[];

  it('reports all 14 mis-encoded characters with exact positions', () => {
    const moji = findings.filter((f) => f.ruleId === 'mojibake');
    expect(moji).toHaveLength(14);
    const lines = roadmapText().split('\n');
    for (const f of moji) {
      const original = /Mojibake "(.+?)" should be/u.exec(f.message)![1]!;
      expect(lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1)).toBe(original);
    }
    expect(moji.map((f) => f.line)).toEqual([1, 1, 7, 8, 9, 17, 18, 19, 20, 43, 44, 116, 117, 125]);
  });

  it('exits 1 and summarises in the stable JSON format', () => {
    expect(r.code).toBe(1);
    expect(report).toMatchObject({ version: 1, tool: { name: 'roadmap-pipeline' }, summary: { files: 1, fixable: 14 } });
  });
});

describe('formats and flags', () => {
  const dir = withRoadmap();
  const run = (...args: string[]) => cli(['lint', 'content/backend-roadmap.md', '--no-config', ...args], { cwd: dir });

  it('stylish groups by file, no colour unless asked', () => {
    const r = run();
    expect(r.stdout.split('\n')[0]).toBe('content/backend-roadmap.md');
    expect(r.stdout).not.toContain('\x1b[');
    expect(cli(['lint', 'content/backend-roadmap.md', '--no-config'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain('\x1b[');
  });

  it('compact is file:line:col: severity rule message', () => {
    expect(run('--format', 'compact').stdout.split('\n')[0]).toBe(
      'content/backend-roadmap.md:1:3: error mojibake Mojibake "ðŸ–¥" should be "🖥" (utf-8 read as windows-1252)',
    );
  });

  it('github writes workflow annotations', () => {
    const first = run('--format', 'github').stdout.split('\n')[0];
    expect(first).toBe('::error file=content/backend-roadmap.md,line=1,col=3,endLine=1,endColumn=7,title=mojibake::Mojibake "ðŸ–¥" should be "🖥" (utf-8 read as windows-1252)');
  });

  it('--quiet shows errors only; --max-warnings counts warnings', () => {
    expect(run('--quiet', '--format', 'compact').stdout).not.toContain(': warn ');
    const onlyWarnings = run('--rule', 'mojibake=off', '--rule', 'official-only=off', '--max-warnings', '0');
    expect(onlyWarnings.code).toBe(1);
    expect(onlyWarnings.stderr).toContain('more than --max-warnings 0');
    expect(run('--rule', 'mojibake=off', '--rule', 'official-only=off', '--max-warnings', '1').code).toBe(0);
  });

  it('--rule sets severities; unknown rules and bad severities are usage errors', () => {
    expect(run('--rule', 'mojibake=warn', '--rule', 'official-only=warn', '--format', 'json').code).toBe(0);
    const unknown = run('--rule', 'no-such-rule=error');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown rule "no-such-rule"');
    const bad = run('--rule', 'mojibake=loud');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('roadmap: --rule: rule "mojibake": severity "loud" is not error, warn or off');
    const misspelt = run('--rule', 'duplicate-lnk=error');
    expect(misspelt.stderr).toContain('unknown rule "duplicate-lnk" (did you mean "duplicate-link"?)');
    const options = run('--rule', 'duplicate-link=["error",{"allow":"x"}]');
    expect(options.code).toBe(2);
    expect(options.stderr).toContain('roadmap: --rule: rule "duplicate-link": invalid option allow: must be array');
  });

  it('each URL rule has one severity: an unsafe link is an error, an http: link a warning', () => {
    // insecure-url reports an http: link to a site the document also links with https:.
    const input = '# T\n\n## S\n\n* [a](javascript:alert(1))\n* [b](http://b.example/)\n* [c](https://b.example/c)\n';
    const r = cli(['lint', '-', '--format', 'compact', '--no-config'], { cwd: dir, input });
    expect(r.stdout).toContain('<stdin>:5:3: error unsafe-url Unsafe javascript: link');
    expect(r.stdout).toContain('<stdin>:6:3: warn insecure-url Insecure http: link');
  });

  it('reads standard input with -, named by --stdin-filename', () => {
    const r = cli(['lint', '-', '--stdin-filename', 'docs/list.md', '--format', 'compact', '--no-config'], { cwd: dir, input: '# T\n\n## S\n\n* [a](javascript:alert(1))\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('docs/list.md:5:3: error unsafe-url Unsafe javascript: link');
  });
});

describe('configuration', () => {
  it('this repository\'s roadmap.config.json exempts section 10: freeCodeCamp and REST API Tutorial remain', () => {
    const r = cli(['lint', 'content/backend-roadmap.md', '--format', 'json']);
    const official = JSON.parse(r.stdout).results[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'official-only');
    expect(official.map((f: { message: string }) => /^"(.+?)"/u.exec(f.message)![1])).toEqual([
      'freeCodeCamp — Backend Development Explained',
      'REST API Tutorial',
    ]);
  });

  it('is found upward from each file, in roadmap.config.json or package.json', () => {
    const dir = scratch({
      'a/roadmap.config.json': JSON.stringify({ rules: { 'insecure-url': 'off' } }),
      'a/list.md': '# T\n\n## S\n\n* [x](http://insecure.example/)\n* [y](https://insecure.example/y)\n',
      'b/package.json': JSON.stringify({ name: 'b', roadmap: { rules: { 'insecure-url': 'error' } } }),
      'b/list.md': '# T\n\n## S\n\n* [x](http://insecure.example/)\n* [y](https://insecure.example/y)\n',
    });
    const r = cli(['lint', 'a/list.md', 'b/list.md', '--format', 'compact'], { cwd: dir });
    expect(r.stdout).not.toContain('a/list.md');
    expect(r.stdout).toContain('b/list.md:5:3: error insecure-url Insecure http: link');
  });

  it('an override that sets only a severity keeps the options the configuration gave', () => {
    const allowed = { url: 'https://a.example/', reason: 'listed in both places on purpose' };
    const dir = scratch({
      'roadmap.config.json': JSON.stringify({
        rules: { 'duplicate-link': ['error', { allow: [allowed] }] },
        overrides: [{ files: ['legacy/**'], rules: { 'duplicate-link': 'warn' } }],
      }),
      'legacy/old.md': '# T\n\n## 1. S\n\n* [a](https://a.example/)\n* [b](https://a.example/)\n* [c](https://c.example/)\n* [d](https://c.example/)\n',
    });
    const r = cli(['lint', 'legacy/old.md', '--format', 'compact'], { cwd: dir });
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^legacy\/old\.md:8:3: warn duplicate-link Duplicate link to https:\/\/c\.example\//u)]);
    expect(r.code).toBe(0);
  });

  it('applies overrides for matching files and skips ignored ones', () => {
    const dir = scratch({
      'roadmap.config.json': JSON.stringify({
        ignore: ['drafts/**'],
        overrides: [{ files: ['legacy/**'], rules: { 'insecure-url': 'off' } }],
      }),
      'legacy/old.md': '# T\n\n## S\n\n* [x](http://old.example/)\n* [y](https://old.example/y)\n',
      'new/new.md': '# T\n\n## S\n\n* [x](http://new.example/)\n* [y](https://new.example/y)\n',
      'drafts/d.md': '# T\n\n## S\n\n* [x](javascript:void(0))\n',
    });
    const r = cli(['lint', '.', '--format', 'compact'], { cwd: dir });
    expect(r.stdout.trim().split('\n')).toEqual(['new/new.md:5:3: warn insecure-url Insecure http: link "http://new.example/"; the document links new.example with https: at line 6']);
  });

  it.each([
    ['broken JSON', '{ "rules": { ', /roadmap\.config\.json:1:\d+: not valid JSON/u],
    ['an unknown rule id', JSON.stringify({ rules: { 'no-such-rule': 'error' } }), /roadmap\.config\.json: invalid configuration at \/rules: must NOT have additional properties: "no-such-rule"/u],
    ['a bad severity', JSON.stringify({ rules: { mojibake: 'loud' } }), /roadmap\.config\.json: invalid configuration at \/rules\/mojibake/u],
    ['bad rule options', JSON.stringify({ rules: { 'official-only': ['error', { exempt: [{ section: 1 }] }] } }), /\/rules\/official-only.*reason/u],
  ])('%s ends with a message naming the file and JSON path, exit 2, no write', (_n, config, message) => {
    const dir = withRoadmap({ 'roadmap.config.json': config });
    const before = readFileSync(join(dir, 'content/backend-roadmap.md'));
    for (const args of [['lint', '--fix'], ['build']]) {
      const r = cli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(join(dir, 'content/backend-roadmap.md'))).toEqual(before);
  });

  it('can add, replace and remove official sources, and set the promise', () => {
    const md = '# Stack docs\n\n## 1. Docs\n\n* [Acme SDK](https://docs.acme.example/)\n* [Heroku Dev Center](https://devcenter.heroku.com/)\n';
    const dir = scratch({
      'roadmap.config.json': JSON.stringify({
        officialOnly: true,
        officialSources: { technologies: [{ name: 'Acme SDK', hosts: ['docs.acme.example'] }], remove: ['Heroku'] },
      }),
      'list.md': md,
    });
    const r = cli(['lint', 'list.md', '--format', 'compact'], { cwd: dir });
    expect(r.stdout.trim().split('\n')).toEqual([
      'list.md:6:3: error official-only "Heroku Dev Center" in section 1 is not an official source: devcenter.heroku.com is not in the official-source registry (kind: article). The document promises official resources only',
    ]);
    writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ officialSources: { technologies: [{ name: 'Bad', hosts: ['github.io'] }] } }));
    const bad = cli(['lint', 'list.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"github.io" is a public suffix');
  });

  it('--config uses one file for all; --no-config uses none', () => {
    const dir = withRoadmap({ 'strict.json': JSON.stringify({ rules: { mojibake: 'off', 'official-only': 'off' } }) });
    expect(cli(['lint', '--config', 'strict.json'], { cwd: dir }).code).toBe(0);
    expect(cli(['lint', '--config', 'missing.json'], { cwd: dir }).code).toBe(2);
    expect(cli(['lint', '--no-config'], { cwd: dir }).code).toBe(1);
  });

  it('honours inline disable, enable and disable-next-line comments', () => {
    const md = [
      '# T',
      '',
      '## S',
      '',
      '<!-- roadmap-lint-disable-next-line insecure-url -->',
      '* [a](http://one.example/)',
      '* [b](http://two.example/)',
      '',
      '<!-- roadmap-lint-disable -->',
      '',
      '* [c](http://three.example/)',
      '',
      '<!-- roadmap-lint-enable insecure-url -->',
      '',
      '* [d](http://four.example/)',
      '',
      ...['one', 'two', 'three', 'four'].map((n) => `* [${n}](https://${n}.example/secure)`),
      '',
    ].join('\n');
    const dir = scratch({ 'x.md': md });
    const lines = cli(['lint', 'x.md', '--format', 'compact', '--no-config'], { cwd: dir }).stdout.trim().split('\n');
    expect(lines.map((l) => l.split(':')[1])).toEqual(['7', '15']);
  });
});

describe('--fix', () => {
  it('repairs exactly the 14 spans and nothing else; a second run changes nothing', () => {
    const dir = withRoadmap();
    const file = join(dir, 'content/backend-roadmap.md');
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o640);
    const r = cli(['lint', '--fix', '--no-config', 'content/backend-roadmap.md'], { cwd: dir });
    expect(r.stderr).toContain('applied 14 fixes');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replaceAll('â€”', '—').replace('ðŸ–¥', '🖥').replace('âœ…', '✅'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(r.stdout).not.toContain('mojibake');
    const again = cli(['lint', '--fix', '--no-config', 'content/backend-roadmap.md'], { cwd: dir });
    expect(again.stderr).not.toContain('applied');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('keeps a BOM, CRLF line ends and a missing final newline', () => {
    const text = '\ufeff# Caf\u00c3\u00a9 list\r\n\r\n## S\r\n\r\n* [A](https://a.example/) \u00e2\u20ac\u201d nice';
    const dir = scratch({ 'x.md': text });
    cli(['lint', '--fix', '--no-config', 'x.md'], { cwd: dir });
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe('\ufeff# Café list\r\n\r\n## S\r\n\r\n* [A](https://a.example/) — nice');
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = withRoadmap();
    const before = readFileSync(join(dir, 'content/backend-roadmap.md'));
    const r = cli(['lint', '--fix-dry-run', '--no-config', 'content/backend-roadmap.md'], { cwd: dir });
    expect(r.stdout).toContain('--- a/content/backend-roadmap.md');
    expect(r.stdout).toContain('+# 🖥 Backend Development Roadmap — Official Resources Only');
    expect(readFileSync(join(dir, 'content/backend-roadmap.md'))).toEqual(before);
  });
});
