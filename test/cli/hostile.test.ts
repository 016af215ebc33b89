/**
 * Hostile and odd input through the real command: refused documents as findings in every format,
 * terminal escape sequences in document text, CR-only and "\r\r\n" line ends, broken baselines,
 * and configuration keys that try to reach Object.prototype.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/index.js';
import { cli, tempDir } from '../helpers.js';

const SMALL = '# Small list\n\n## 1. One\n\n* [Python Docs](https://docs.python.org/3/)\n';
const FORMATS = ['stylish', 'compact', 'json', 'github', 'sarif'] as const;

function scratch(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('a refused document is a finding in every report format', () => {
  const refused: [string, string | Buffer, string][] = [
    ['binary', Buffer.from([0x23, 0x20, 0x00, 0x01]), 'binary'],
    ['not UTF-8', Buffer.from('# Caf\xe9\n', 'latin1'), 'not-utf8'],
    ['empty', '', 'empty'],
  ];
  it.each(refused)('%s', (_name, bytes, messageId) => {
    const dir = scratch({ 'bad.md': bytes, 'good.md': SMALL });
    for (const format of FORMATS) {
      const r = cli(['lint', '--no-config', '--format', format, 'bad.md', 'good.md'], { cwd: dir });
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).toContain('refused-document');
      expect(r.stdout, format).toContain('bad.md');
      if (format === 'stylish') {
        expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/u);
        expect(r.stdout).not.toContain('no problems');
      }
      if (format === 'json') {
        const finding = JSON.parse(r.stdout).results.find((x: { file: string }) => x.file === 'bad.md').findings[0];
        expect(finding).toMatchObject({ ruleId: 'refused-document', messageId, severity: 'error' });
      }
    }
  });

  it('a refused document alone never gives "0 files checked, no problems"', () => {
    const dir = scratch({ 'bad.md': Buffer.from([0, 1, 2]) });
    const r = cli(['lint', '--no-config', 'bad.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('no problems');
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(r.stderr).toContain('roadmap: bad.md: binary file, not Markdown (NUL byte at offset 0)');
  });

  it('standard input that is refused is a finding too', () => {
    const r = cli(['lint', '--no-config', '--format', 'json', '--stdin-filename', 'in.md', '-'], { input: Buffer.from([0x23, 0, 0]) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ file: 'in.md', findings: [{ ruleId: 'refused-document', messageId: 'binary' }] });
  });
});

describe('terminal escape sequences in document text', () => {
  // A title that would clear the screen, set the window title and hide the rest of the line.
  const evil = '\u001b[2J\u001b]0;owned\u0007\u001b[8m';
  // In link text the brackets are escaped, so the title is exactly "Docs " and the sequences.
  const inText = evil.replaceAll('[', '\\[').replaceAll(']', '\\]');
  const doc = `# List\n\n## 1. One\n\n* [Docs ${inText}](https://docs.python.org/3/)\n* [Docs ${inText}](https://docs.python.org/3/)\n`;

  it.each(['stylish', 'compact'])('are shown as visible escapes in the %s report', (format) => {
    const dir = scratch({ 'x.md': doc });
    const r = cli(['lint', '--no-config', '--format', format, 'x.md'], { cwd: dir, env: { FORCE_COLOR: '0' } });
    expect(r.stdout).toContain('duplicate-link');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('\\x1b[2J\\x1b]0;owned\\x07\\x1b[8m');
  });

  it('a file name with an escape sequence is neutralised too', () => {
    const dir = scratch({ [`a\u001b[31mred.md`]: '# T\n\n## 1. One\n\n* [A](https://a.example/)\n* [A](https://a.example/)\n' });
    const r = cli(['lint', '--no-config', '--format', 'compact', '.'], { cwd: dir });
    expect(r.stdout).toMatch(/^a\\x1b\[31mred\.md:6:3: error duplicate-link/mu);
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('CR-only and "\\r\\r\\n" line ends', () => {
  const lines = ['# Title', '', '## 1. One', '', '* [Python Docs](https://docs.python.org/3/)', '* [Python Docs](https://docs.python.org/3/)', ''];
  // CommonMark: "\n", "\r\n" and a lone "\r" each end a line, so "\r\r\n" ends two.
  const cases: [string, string, number][] = [
    ['LF', '\n', 6],
    ['CR', '\r', 6],
    ['CRLF', '\r\n', 6],
    ['CR CR LF', '\r\r\n', 11],
  ];
  it.each(cases)('%s: SARIF and GitHub annotations point at the line editors show', (_name, eol, line) => {
    const dir = scratch({ 'x.md': lines.join(eol) });
    const sarif = JSON.parse(cli(['lint', '--no-config', '--format', 'sarif', 'x.md'], { cwd: dir }).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-link');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: line, startColumn: 3 });
    const github = cli(['lint', '--no-config', '--format', 'github', 'x.md'], { cwd: dir }).stdout;
    expect(github).toContain(`::error file=x.md,line=${line},col=3,`);
    // The text at that line, split the way CommonMark splits lines, is the duplicate.
    expect(lines.join(eol).split(/\r\n|\r|\n/u)[line - 1]).toBe('* [Python Docs](https://docs.python.org/3/)');
  });
});

describe('a baseline is validated before use', () => {
  const broken: [string, string, RegExp][] = [
    ['entries: [null]', '{"version":1,"entries":[null]}', /not a valid roadmap baseline at \/entries\/0: must be object; rewrite it with --write-baseline/u],
    ['an entry without a fingerprint', '{"version":1,"entries":[{"file":"x.md","ruleId":"mojibake","count":1}]}', /at \/entries\/0: must have required property 'fingerprint'/u],
    ['a count of zero', '{"version":1,"entries":[{"file":"x.md","ruleId":"mojibake","fingerprint":"f","count":0}]}', /at \/entries\/0\/count: must be >= 1/u],
    ['another version', '{"version":2,"entries":[]}', /at \/version: must be equal to constant/u],
  ];
  it.each(broken)('%s: one line naming the file, exit 2, no TypeError', (_name, text, message) => {
    const dir = scratch({ 'x.md': SMALL, 'roadmap-baseline.json': text });
    const r = cli(['lint', '--no-config', 'x.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('roadmap-baseline.json: ');
    expect(r.stderr).not.toMatch(/TypeError|\n\s+at /u);
  });
});

describe('configuration keys cannot pollute prototypes', () => {
  it('__proto__, constructor and prototype in a configuration set nothing', async () => {
    const config = `{
      "__proto__": { "polluted": "yes" },
      "constructor": { "prototype": { "polluted": "yes" } },
      "rules": { "stray-link": "warn" },
      "overrides": [{ "files": ["**"], "rules": { "stray-link": "off" }, "__proto__": { "polluted": "yes" } }]
    }`;
    const dir = scratch({ 'x.md': SMALL, 'roadmap.config.json': config });
    const r = cli(['lint', 'x.md'], { cwd: dir });
    // Unknown keys are refused by the configuration schema: a clear message, exit 2.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roadmap: .*roadmap\.config\.json/mu);
    await expect(loadConfig(join(dir, 'x.md'), { cwd: dir })).rejects.toThrow(/roadmap\.config\.json/u);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const rules = scratch({ 'x.md': SMALL, 'roadmap.config.json': `{ "rules": { "${key}": "error" } }` });
      const bad = cli(['lint', 'x.md'], { cwd: rules });
      expect(bad.code, key).toBe(2);
      expect(bad.stderr, key).toMatch(new RegExp(`roadmap\\.config\\.json.*"${key}"`, 'u'));
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});
