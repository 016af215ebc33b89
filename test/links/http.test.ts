import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyCheck, LinkChecker, parseRetryAfter, type CheckerOptions } from '../../src/links/index.js';
import { hostsResolver, reply, startServer, type TestServer } from './server.js';

let server: TestServer;
const UA = 'roadmap-pipeline/test (+https://github.com/roadmap-pipeline/roadmap-pipeline)';
const NAMES = {
  'site.test': '127.0.0.1',
  'www.site.test': '127.0.0.1',
  'other.test': '127.0.0.1',
  'evil.test': '127.0.0.1', // a public-looking name that resolves to loopback
  'meta.test': '169.254.169.254',
  'v6.test': '::1',
  'mapped.test': '::ffff:7f00:1',
  'private.test': '10.1.2.3',
};

function checker(options: Partial<CheckerOptions> = {}): LinkChecker {
  return new LinkChecker({
    userAgent: UA,
    allowHosts: ['site.test', 'www.site.test', 'other.test'],
    resolve: hostsResolver(NAMES),
    timeout: 1500,
    retryDelay: 20,
    ...options,
  });
}

const u = (path: string, host = 'site.test') => server.url(host, path);

beforeAll(async () => {
  server = await startServer();
  const s = server;
  s.route('site.test/ok', reply(200));
  s.route('site.test/a', reply(301, { location: '/b' }));
  s.route('site.test/b', (_req, res) => {
    res.writeHead(301, { location: u('/c') });
    res.end();
  });
  s.route('site.test/c', reply(200));
  for (const status of [302, 307, 308]) {
    s.route(`site.test/r${status}`, reply(status, { location: '/c' }));
  }
  s.route('site.test/loop1', reply(301, { location: '/loop2' }));
  s.route('site.test/loop2', reply(302, { location: '/loop1' }));
  s.route('site.test/gone404', reply(404));
  s.route('site.test/gone410', reply(410));
  s.route('site.test/busy', (_req, res, seen) => {
    if (seen === 1) res.writeHead(429, { 'retry-after': '1' }).end();
    else res.writeHead(200).end();
  });
  s.route('site.test/flaky', (_req, res, seen) => {
    res.writeHead(seen === 1 ? 503 : 200).end();
  });
  s.route('site.test/down', reply(500));
  s.route('site.test/nohead', (req, res) => {
    res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
  });
  s.route('site.test/hang', () => {
    /* never answers */
  });
  s.route('site.test/reset', (req) => {
    req.socket.destroy();
  });
  s.route('site.test/away', reply(301, { location: u('/landing', 'other.test') }));
  s.route('other.test/landing', reply(200));
  s.route('site.test/docs/deep/page', reply(301, { location: '/' }));
  s.route('site.test/', reply(200));
  s.route('site.test/old-page', reply(302, { location: '/errors/404.html' }));
  s.route('other.test/errors/404.html', reply(200));
  s.route('site.test/errors/404.html', reply(200));
  s.route('site.test/to-loopback', reply(302, { location: `http://127.0.0.1:${s.port}/secret` }));
  s.route('site.test/to-evil', reply(302, { location: u('/secret', 'evil.test') }));
  s.route('site.test/to-metadata', reply(302, { location: 'http://169.254.169.254/latest/meta-data/' }));
  s.route('*/secret', reply(200, {}, 'internal'));
  s.route('evil.test/', reply(200, {}, 'internal'));
  s.route('site.test/headers', reply(200));
});

afterAll(async () => {
  await server.close();
});

describe('the link checker against a local server', () => {
  it('200', async () => {
    const c = checker();
    const r = await c.check(u('/ok'));
    await c.close();
    expect(r).toMatchObject({ status: 200, chain: [], error: null, finalUrl: u('/ok') });
    expect(server.counts.get('HEAD site.test/ok')).toBe(1);
    expect(classifyCheck(r, u('/ok'))).toBeNull();
  });

  it('a 301 → 301 → 200 chain is recorded and is a moved link', async () => {
    const c = checker();
    const r = await c.check(u('/a'));
    await c.close();
    expect(r.status).toBe(200);
    expect(r.chain).toEqual([
      { url: u('/a'), status: 301 },
      { url: u('/b'), status: 301 },
    ]);
    expect(r.finalUrl).toBe(u('/c'));
    expect(classifyCheck(r, `${u('/a')}#part`)).toEqual({
      ruleId: 'moved-link',
      messageId: 'moved',
      data: { url: u('/a'), finalUrl: `${u('/c')}#part` },
      replacement: `${u('/c')}#part`,
    });
  });

  it('302 and 307 are temporary (nothing to report); 308 is permanent', async () => {
    const c = checker();
    const [r302, r307, r308] = await Promise.all([302, 307, 308].map((s) => c.check(u(`/r${s}`))));
    await c.close();
    for (const [r, status] of [[r302, 302], [r307, 307], [r308, 308]] as const) {
      expect(r!.chain).toEqual([{ url: u(`/r${status}`), status }]);
      expect(r!.status).toBe(200);
    }
    expect(classifyCheck(r302!, u('/r302'))).toBeNull();
    expect(classifyCheck(r307!, u('/r307'))).toBeNull();
    expect(classifyCheck(r308!, u('/r308'))?.replacement).toBe(u('/c'));
  });

  it('a redirect loop is detected, not followed ten times', async () => {
    const c = checker();
    const r = await c.check(u('/loop1'));
    await c.close();
    expect(r.error).toBe('loop');
    expect(r.chain.map((h) => h.status)).toEqual([301, 302]);
    expect(server.hits('site.test/loop1')).toBe(1);
    expect(classifyCheck(r, u('/loop1'))?.ruleId).toBe('link-unreachable');
  });

  it('more than 10 redirects, and a redirect to another scheme, stop the chain', async () => {
    for (let i = 0; i < 12; i++) server.route(`site.test/hop${i}`, reply(302, { location: `/hop${i + 1}` }));
    server.route('site.test/to-ftp', reply(301, { location: 'ftp://site.test/file' }));
    const c = checker();
    const [long, ftp] = await Promise.all([c.check(u('/hop0')), c.check(u('/to-ftp'))]);
    await c.close();
    expect(long).toMatchObject({ error: 'too-many-redirects', detail: 'more than 10 redirects' });
    expect(long.chain).toHaveLength(11);
    expect(server.hits('site.test/hop11')).toBe(0);
    expect(ftp).toMatchObject({ error: 'bad-redirect', detail: 'redirects to a ftp: URL' });
    expect(classifyCheck(long, long.url)?.ruleId).toBe('link-unreachable');
  });

  it('404 and 410 are dead links', async () => {
    const c = checker();
    const [a, b] = await Promise.all([c.check(u('/gone404')), c.check(u('/gone410'))]);
    await c.close();
    expect(classifyCheck(a!, u('/gone404'))).toMatchObject({ ruleId: 'dead-link', messageId: 'gone', data: { status: '404' } });
    // HEAD said gone; GET confirmed it.
    expect([server.counts.get('HEAD site.test/gone404'), server.counts.get('GET site.test/gone404')]).toEqual([1, 1]);
    expect(classifyCheck(b!, u('/gone410'))).toMatchObject({ ruleId: 'dead-link', messageId: 'gone', data: { status: '410' } });
  });

  it('a HEAD that wrongly says 404 is not a dead link when GET finds the page', async () => {
    server.route('site.test/bad-head', (req, res) => res.writeHead(req.method === 'HEAD' ? 404 : 200).end());
    const c = checker();
    const r = await c.check(u('/bad-head'));
    await c.close();
    expect(r.status).toBe(200);
    expect(classifyCheck(r, u('/bad-head'))).toBeNull();
  });

  it('429 with Retry-After: 1 waits a second, then gets its 200', async () => {
    const c = checker({ retryAfterBudget: 5000 });
    const r = await c.check(u('/busy'));
    await c.close();
    expect(r.status).toBe(200);
    const times = server.log.filter((l) => l.target === 'site.test/busy').map((l) => l.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('429 whose Retry-After is past the budget is unreachable, never dead', async () => {
    server.route('site.test/busy-long', reply(429, { 'retry-after': '120' }));
    const c = checker({ retryAfterBudget: 1000 });
    const r = await c.check(u('/busy-long'));
    await c.close();
    expect(r.status).toBe(429);
    expect(server.hits('site.test/busy-long')).toBe(1);
    expect(classifyCheck(r, u('/busy-long'))).toMatchObject({ ruleId: 'link-unreachable', messageId: 'status' });
  });

  it('503 then 200 is retried with backoff', async () => {
    const c = checker();
    const r = await c.check(u('/flaky'));
    await c.close();
    expect(r.status).toBe(200);
    expect(server.hits('site.test/flaky')).toBe(2);
  });

  it('a 500 that stays is retried a bounded number of times, then unreachable', async () => {
    const c = checker({ retries: 2 });
    const r = await c.check(u('/down'));
    await c.close();
    expect(r.status).toBe(500);
    expect(server.hits('site.test/down')).toBe(3);
    expect(classifyCheck(r, u('/down'))).toMatchObject({ ruleId: 'link-unreachable', data: { detail: 'HTTP 500, after 3 attempts' } });
  });

  it('HEAD 405 falls back to GET 200', async () => {
    const c = checker();
    const r = await c.check(u('/nohead'));
    await c.close();
    expect(r.status).toBe(200);
    expect(server.counts.get('HEAD site.test/nohead')).toBe(1);
    expect(server.counts.get('GET site.test/nohead')).toBe(1);
  });

  it('a hang past the timeout is unreachable, after a bounded number of tries', async () => {
    const c = checker({ timeout: 300, retries: 1 });
    const r = await c.check(u('/hang'));
    await c.close();
    expect(r.error).toBe('timeout');
    expect(server.hits('site.test/hang')).toBe(2);
    expect(classifyCheck(r, u('/hang'))?.ruleId).toBe('link-unreachable');
  });

  it('a reset connection is unreachable', async () => {
    const c = checker({ retries: 1 });
    const r = await c.check(u('/reset'));
    await c.close();
    expect(r.error).toBe('reset');
    expect(server.hits('site.test/reset')).toBe(2);
    expect(classifyCheck(r, u('/reset'))?.ruleId).toBe('link-unreachable');
  });

  it('a redirect to another host name is redirected-away, an error for an official resource', async () => {
    const c = checker();
    const r = await c.check(u('/away'));
    await c.close();
    expect(r.finalUrl).toBe(u('/landing', 'other.test'));
    expect(classifyCheck(r, u('/away'))).toMatchObject({ ruleId: 'redirected-away', messageId: 'away', data: { from: 'site.test', to: 'other.test' } });
    expect(classifyCheck(r, u('/away'), { official: true })?.messageId).toBe('officialAway');
  });

  it('a deep path redirected to the home page is a soft 404, and so is a redirect to a "not found" URL', async () => {
    const c = checker();
    const [home, notFound] = await Promise.all([c.check(u('/docs/deep/page')), c.check(u('/old-page'))]);
    await c.close();
    expect(classifyCheck(home!, u('/docs/deep/page'))).toMatchObject({ ruleId: 'soft-404', messageId: 'home' });
    expect(classifyCheck(notFound!, u('/old-page'))).toMatchObject({ ruleId: 'soft-404', messageId: 'notFound' });
  });

  it('a 10 MB body is not downloaded: the stream is dropped once the status is known', async () => {
    let sent = 0;
    let finished = false;
    const closed = new Promise<void>((resolve) => {
      server.route('site.test/big', (req, res) => {
        if (req.method === 'HEAD') {
          res.writeHead(405).end();
          return;
        }
        res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
        const chunk = Buffer.alloc(64 * 1024, 120);
        const write = () => {
          while (sent < 10 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', write);
              return;
            }
          }
          res.end(() => (finished = true));
        };
        res.on('close', () => resolve());
        write();
      });
    });
    const c = checker();
    const r = await c.check(u('/big'));
    await closed;
    await c.close();
    expect(r.status).toBe(200);
    expect(finished).toBe(false);
    expect(sent).toBeLessThan(10 * 1024 * 1024);
  });

  it('never connects to a private address reached by a redirect: a literal, a name, the metadata service', async () => {
    const c = checker();
    const [literal, name, metadata] = await Promise.all([c.check(u('/to-loopback')), c.check(u('/to-evil')), c.check(u('/to-metadata'))]);
    await c.close();
    for (const r of [literal, name, metadata]) {
      expect(r!.error).toBe('blocked');
      expect(classifyCheck(r!, r!.url)).toMatchObject({ ruleId: 'link-unreachable', messageId: 'refused' });
    }
    expect(literal!.detail).toContain('127.0.0.1 is a private or reserved address');
    expect(name!.detail).toContain('evil.test resolves to 127.0.0.1');
    expect(metadata!.detail).toContain('169.254.169.254');
    expect(server.log.filter((l) => l.target.endsWith('/secret'))).toEqual([]);
  });

  it('never connects to a name that resolves to a private address, v4 or v6, unless allowHosts names it', async () => {
    const c = checker();
    const names = ['evil.test', 'meta.test', 'v6.test', 'mapped.test', 'private.test', 'localhost', 'metadata.google.internal'];
    const results = await Promise.all(names.map((n) => c.check(u('/', n))));
    await c.close();
    for (const r of results) expect(r.error, r.url).toBe('blocked');
    expect(server.hits('evil.test/')).toBe(0);
    const allowed = checker({ allowHosts: ['evil.test'] });
    const r = await allowed.check(u('/', 'evil.test'));
    await allowed.close();
    expect(r.status).toBe(200);
    expect(server.hits('evil.test/')).toBe(1);
  });

  it('a name that does not resolve is a dead link, without retries', async () => {
    const c = checker();
    const r = await c.check(u('/', 'no-such-host.test'));
    await c.close();
    expect(r.error).toBe('dns');
    expect(classifyCheck(r, r.url)).toMatchObject({ ruleId: 'dead-link', messageId: 'noSuchHost', data: { host: 'no-such-host.test' } });
  });

  it('sends a User-Agent naming the tool and its home page, and no credentials or cookies', async () => {
    const c = checker();
    const url = u('/headers').replace('http://', 'http://user:secret@');
    const r = await c.check(url);
    await c.close();
    expect(r.status).toBe(200);
    const seen = server.log.find((l) => l.target === 'site.test/headers')!;
    expect(seen.headers['user-agent']).toBe(UA);
    expect(seen.headers['authorization']).toBeUndefined();
    expect(seen.headers['cookie']).toBeUndefined();
  });

  it('checks each URL once however often it is asked, and keeps to the per-host limit', async () => {
    let open = 0;
    let most = 0;
    for (let i = 0; i < 8; i++) {
      server.route(`site.test/slow${i}`, (_req, res) => {
        open++;
        most = Math.max(most, open);
        setTimeout(() => {
          open--;
          res.writeHead(200).end();
        }, 50);
      });
    }
    const c = checker({ perHost: 2 });
    const urls = Array.from({ length: 8 }, (_, i) => u(`/slow${i}`));
    await Promise.all([...urls, ...urls, ...urls.map((x) => `${x}#again`)].map((x) => c.check(x)));
    await c.close();
    expect(most).toBe(2);
    for (let i = 0; i < 8; i++) expect(server.hits(`site.test/slow${i}`)).toBe(1);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
