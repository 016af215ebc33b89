/**
 * The link commands end to end, against local servers only: `roadmap links` on a copy of the
 * backend roadmap whose URLs a local mirror answers (some moved, some dead, some gone elsewhere),
 * `--fix`, `--links=cached`, `lint --links`, `build --links`, and the address policy through the
 * real command with the system's resolver.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/shared.js';
import { collectLinks } from '../../src/links/collect.js';
import { processSource } from '../../src/pipeline/process.js';
import { BIN, cli, ROADMAP, roadmapText, tempDir } from '../helpers.js';
import { MIRROR_CHANGES, MIRROR_MISSING_HOSTS, startMirror, type Mirror } from './mirror.js';
import { reply, startServer } from './server.js';

interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
  line: number;
}

let mirror: Mirror;
let dir: string;
const original = readFileSync(ROADMAP);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io & { linkChecker: Mirror['transport'] } = {
    cwd: dir,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => new Uint8Array(),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    linkChecker: mirror.transport,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The real command, run without blocking this process (whose test server must keep answering). */
function cliAsync(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function findings(json: string): JsonFinding[] {
  const report = JSON.parse(json) as { results: { findings: JsonFinding[] }[] };
  return report.results.flatMap((f) => f.findings.map((x) => ({ ruleId: x.ruleId, messageId: x.messageId, severity: x.severity, message: x.message, line: x.line })));
}

const lineOf = (url: string): number => roadmapText().slice(0, roadmapText().indexOf(`(${url})`)).split('\n').length;

/** What each changed URL of the mirror must give. */
const EXPECTED: [string, string, string, string][] = [
  // url, rule, message id, severity
  ['https://nodejs.org/en/docs/', 'moved-link', 'moved', 'warn'],
  ['https://redis.io/documentation', 'moved-link', 'moved', 'warn'],
  ['https://restfulapi.net/', 'redirected-away', 'away', 'warn'],
  ['https://jwt.io/introduction/', 'moved-link', 'moved', 'warn'],
  ['https://owasp.org/www-project-top-ten/', 'soft-404', 'home', 'warn'],
  ['https://varnish-cache.org/docs/', 'redirected-away', 'officialAway', 'error'],
  ['https://learning.postman.com/', 'dead-link', 'gone', 'error'],
  ['https://jestjs.io/docs/getting-started', 'dead-link', 'gone', 'error'],
  ['https://docs.aws.amazon.com/', 'link-unreachable', 'status', 'warn'],
  ['https://devcenter.heroku.com/', 'dead-link', 'noSuchHost', 'error'],
  ['https://www.youtube.com/watch?v=rHux0gMZ3Eg', 'link-unreachable', 'status', 'warn'],
  ['https://ocw.mit.edu/courses/electrical-engineering-and-computer-science/', 'soft-404', 'notFound', 'warn'],
];

beforeAll(async () => {
  const urls = collectLinks(processSource(roadmapText(), { path: 'content/backend-roadmap.md' })).map((l) => l.url);
  mirror = await startMirror(urls);
  dir = tempDir();
  mkdirSync(join(dir, 'content'));
  copyFileSync(ROADMAP, join(dir, 'content', 'backend-roadmap.md'));
  writeFileSync(join(dir, 'roadmap.config.json'), JSON.stringify({ links: { allowHosts: mirror.hosts, retryAfterBudget: 2 } }));
});

afterAll(() => mirror.server.close());

describe('roadmap links on the backend roadmap, against a local mirror', () => {
  let first: { code: number; stdout: string; stderr: string };

  it('each rule fires exactly where it should', async () => {
    first = await run(['links', 'content/', '--format', 'json', '--links-cache', 'links.json']);
    const got = findings(first.stdout).map((f) => [f.line, f.ruleId, f.messageId, f.severity]);
    const want = EXPECTED.map(([url, rule, id, severity]) => [lineOf(url), rule, id, severity]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(got).toEqual(want);
    // Every change of the mirror is accounted for; the other 27 links answer 200 and say nothing.
    expect(EXPECTED.length).toBe(Object.keys(MIRROR_CHANGES).length - 2 + MIRROR_MISSING_HOSTS.length);
    expect(first.code).toBe(1);
    // Each URL once: 39 links, 38 distinct hosts' URLs asked (one host does not resolve).
    for (const [target, n] of [...mirror.server.counts].filter(([k]) => k.startsWith('HEAD '))) {
      if (!target.includes('docs.aws.amazon.com')) expect(n, target).toBe(1);
    }
  });

  it('a second run with --links=cached, as a real process, sends no request and prints the same findings', () => {
    const before = mirror.server.total();
    const again = cli(['links', 'content/', '--format', 'json', '--links=cached', '--links-cache', 'links.json'], { cwd: dir });
    expect(mirror.server.total()).toBe(before);
    expect(again.stdout).toBe(first.stdout);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('');
  });

  it('--fix rewrites the moved URLs and nothing else, byte for byte; a second --fix changes nothing', async () => {
    const file = join(dir, 'content', 'backend-roadmap.md');
    const before = mirror.server.total();
    const fixed = await run(['links', 'content/', '--fix', '--links-cache', 'links.json']);
    expect(fixed.stderr).toContain('applied 3 fixes');
    let expected = original.toString('utf8');
    for (const [from, to] of [
      ['https://nodejs.org/en/docs/', 'https://nodejs.org/docs/latest/api/'],
      ['https://redis.io/documentation', 'https://redis.io/docs/latest/'],
      ['https://jwt.io/introduction/', 'https://jwt.io/introduction'],
    ]) {
      expect(expected.split(`(${from})`)).toHaveLength(2);
      expected = expected.replace(`(${from})`, `(${to})`);
    }
    expect(readFileSync(file).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    const twice = await run(['links', 'content/', '--fix', '--links-cache', 'links.json']);
    expect(readFileSync(file).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(twice.stderr).not.toContain('applied');
    // The cache was fresh: fixing asked the mirror nothing new.
    expect(mirror.server.log.slice(before).map((l) => l.target)).toEqual([]);
  });
});

describe('the command line around the link step', () => {
  it('shows a progress line on a terminal only, and clears it', async () => {
    let stderr = '';
    const here = tempDir();
    writeFileSync(join(here, 'list.md'), '# List\n\n## Links\n\n- [Gone](https://gone.test/)\n');
    const io: Io & { linkChecker: Mirror['transport'] } = {
      cwd: here,
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      readStdin: async () => new Uint8Array(),
      stdoutIsTTY: false,
      stderrIsTTY: true,
      env: {},
      linkChecker: mirror.transport,
    };
    expect(await main(['links', 'list.md', '--links-cache', 'c.json'], io)).toBe(1);
    expect(stderr).toBe('\r\x1b[Kchecking links: 0/1\r\x1b[K');
    const quiet = await run(['links', join(here, 'list.md'), '--links-cache', join(here, 'c2.json')]);
    expect(quiet.stderr).toBe('');
  });

  it('--diff-base checks only the links on lines the change added', async () => {
    const here = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: here, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(here, 'list.md'), '# List\n\n## Links\n\n- [Old](https://old-gone.test/)\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'pr');
    writeFileSync(join(here, 'list.md'), '# List\n\n## Links\n\n- [Old](https://old-gone.test/)\n- [New](https://new-gone.test/)\n');
    let stdout = '';
    const io: Io & { linkChecker: Mirror['transport'] } = {
      cwd: here,
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      readStdin: async () => new Uint8Array(),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: {},
      linkChecker: mirror.transport,
    };
    expect(await main(['links', 'list.md', '--format', 'json', '--diff-base', 'main', '--links-cache', 'c.json'], io)).toBe(1);
    expect(findings(stdout).map((f) => [f.line, f.ruleId, f.messageId])).toEqual([[6, 'dead-link', 'noSuchHost']]);
  });

  it('a bad links configuration is a one-line error naming the file and the key, exit 2', async () => {
    const here = tempDir();
    writeFileSync(join(here, 'list.md'), '# List\n');
    writeFileSync(join(here, 'roadmap.config.json'), JSON.stringify({ links: { perHost: 0 } }));
    const r = cli(['links', 'list.md'], { cwd: here });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roadmap: .*roadmap\.config\.json: invalid configuration at \/links\/perHost: must be >= 1\n$/u);
  });

  it('--links-cache and --diff-base need links to be checked; --links takes only =cached', () => {
    expect(cli(['lint', '--links-cache', 'x.json', 'content/']).stderr).toContain('--links-cache applies only when links are checked');
    expect(cli(['lint', '--links=sometimes', 'content/']).code).toBe(2);
  });
});

describe('roadmap build --links', () => {
  it('adds link { status, finalUrl, checkedAt } to each resource and two CSV columns; without --links, neither', async () => {
    const plain = await run(['build', 'content/', '--out', 'plain']);
    expect(plain.code).toBe(1); // the roadmap's own findings (mojibake, official-only), as in npm start
    const plainJson = readFileSync(join(dir, 'plain', 'backend-roadmap.json'), 'utf8');
    expect(plainJson).not.toContain('"link"');
    expect(readFileSync(join(dir, 'plain', 'backend-roadmap.csv'), 'utf8').split('\r\n')[0]).not.toContain('link_status');

    const built = await run(['build', 'content/', '--links', '--links-cache', 'links.json', '--out', 'linked']);
    expect(built.stderr).toContain('wrote linked/backend-roadmap.json');
    const model = JSON.parse(readFileSync(join(dir, 'linked', 'backend-roadmap.json'), 'utf8')) as {
      sections: { groups: { resources: { url: string; link?: { status: number | null; finalUrl: string; checkedAt: string } }[] }[] }[];
    };
    const resources = model.sections.flatMap((s) => s.groups.flatMap((g) => g.resources));
    expect(resources).toHaveLength(39);
    for (const r of resources) {
      expect(r.link, r.url).toBeDefined();
      expect(Object.keys(r.link!)).toEqual(['status', 'finalUrl', 'checkedAt']);
    }
    const byUrl = new Map(resources.map((r) => [r.url, r.link!]));
    expect(byUrl.get('https://jestjs.io/docs/getting-started')!.status).toBe(404);
    expect(byUrl.get('https://devcenter.heroku.com/')).toMatchObject({ status: null, finalUrl: 'https://devcenter.heroku.com/' });
    expect(byUrl.get('https://varnish-cache.org/docs/')).toMatchObject({ status: 200, finalUrl: 'https://parked.example/?domain=varnish-cache.org' });
    // Apart from the link objects, the same model as the build without --links.
    const stripped = JSON.parse(readFileSync(join(dir, 'linked', 'backend-roadmap.json'), 'utf8'), (k, v: unknown) => (k === 'link' ? undefined : v));
    expect(stripped).toEqual(JSON.parse(plainJson));
    const csv = readFileSync(join(dir, 'linked', 'backend-roadmap.csv'), 'utf8').split('\r\n');
    expect(csv[0]!.endsWith(',line,link_status,final_url')).toBe(true);
    expect(csv.find((l) => l.includes('jestjs.io'))!.endsWith(',404,https://jestjs.io/docs/getting-started')).toBe(true);
  });
});

describe('the address policy through the real command and the system resolver', () => {
  it('refuses loopback by name, by literal and through a redirect, and asks the server nothing', async () => {
    const server = await startServer();
    server.route('127.0.0.1/hop', reply(302, { location: `http://127.0.0.1:${server.port}/secret` }));
    server.route('127.0.0.1/secret', reply(200));
    const here = tempDir();
    writeFileSync(
      join(here, 'list.md'),
      ['# List', '', '## Links', '', `- [By name](http://localhost:${server.port}/secret)`, `- [By literal](http://127.0.0.1:${server.port}/secret)`, `- [By v6](http://[::1]:${server.port}/secret)`, `- [Metadata](http://169.254.169.254/latest/meta-data/)`, ''].join('\n'),
    );
    const r = await cliAsync(['links', 'list.md', '--format', 'json', '--links-cache', 'cache.json'], here);
    expect(findings(r.stdout).map((f) => [f.line, f.ruleId, f.messageId])).toEqual([
      [5, 'link-unreachable', 'refused'],
      [6, 'link-unreachable', 'refused'],
      [7, 'link-unreachable', 'refused'],
      [8, 'link-unreachable', 'refused'],
    ]);
    expect(r.code).toBe(0);
    // Allowed for 127.0.0.1 by name: the first hop is fetched, the redirect to "localhost" is not.
    writeFileSync(join(here, 'hop.md'), ['# Hop', '', '## Links', '', `- [Hop](http://127.0.0.1:${server.port}/hop)`, ''].join('\n'));
    server.route('127.0.0.1/hop', reply(302, { location: `http://localhost:${server.port}/secret` }));
    writeFileSync(join(here, 'roadmap.config.json'), JSON.stringify({ links: { allowHosts: ['127.0.0.1'] } }));
    const hop = await cliAsync(['links', 'hop.md', '--format', 'json', '--links-cache', 'cache.json'], here);
    expect(findings(hop.stdout).map((f) => [f.ruleId, f.messageId])).toEqual([['link-unreachable', 'refused']]);
    expect(findings(hop.stdout)[0]!.message).toContain('localhost is the local machine');
    await server.close();
    expect(server.hits('127.0.0.1/hop')).toBe(1);
    expect(server.log.filter((l) => l.target.endsWith('/secret'))).toEqual([]);
  });
});
