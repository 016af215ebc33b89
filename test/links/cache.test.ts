import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkDocuments,
  DEFAULT_LINKS_SETTINGS,
  LinkCache,
  readLinkCache,
  writeLinkCache,
  type CheckDocumentsOptions,
  type LinkCheck,
} from '../../src/links/index.js';
import { processSource } from '../../src/pipeline/process.js';
import { tempDir } from '../helpers.js';
import { hostsResolver, reply, startServer, type TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.route('site.test/fine', reply(200));
  server.route('site.test/old', reply(301, { location: '/new' }));
  server.route('site.test/new', reply(200));
  server.route('site.test/gone', reply(404));
});
afterAll(() => server.close());

const check = (url: string, status: number | null, checkedAt: string, error: LinkCheck['error'] = null): LinkCheck => ({
  url,
  status,
  finalUrl: url,
  chain: [],
  error,
  detail: null,
  checkedAt,
});

describe('the links cache file', () => {
  it('round-trips entries, sorted, through an atomic write that creates its directory', async () => {
    const dir = tempDir();
    const file = join(dir, 'deep', 'er', 'links.json');
    const cache = new LinkCache([check('https://b.example/', 200, '2026-01-01T00:00:00.000Z'), check('https://a.example/', null, '2026-01-01T00:00:00.000Z', 'dns')]);
    await writeLinkCache(file, cache, Date.parse('2026-01-02T00:00:00Z'));
    const text = readFileSync(file, 'utf8');
    expect(text.indexOf('https://a.example/')).toBeLessThan(text.indexOf('https://b.example/'));
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['links.json']);
    const back = await readLinkCache(file);
    expect(back.warning).toBeNull();
    expect(back.cache.get('https://a.example/')).toEqual(cache.get('https://a.example/'));
    expect(back.cache.size).toBe(2);
  });

  it('a missing cache is empty, without a warning', async () => {
    const back = await readLinkCache(join(tempDir(), 'none.json'));
    expect(back).toMatchObject({ warning: null });
    expect(back.cache.size).toBe(0);
  });

  it.each([
    ['not JSON', '{"version":1,', 'not JSON'],
    ['another version', '{"version":7,"entries":{}}', 'version 7'],
    ['a bad status', '{"version":1,"entries":{"https://a.example/":{"status":"ok","finalUrl":"https://a.example/","chain":[],"error":null,"detail":null,"checkedAt":"2026-01-01T00:00:00Z"}}}', 'not an HTTP status'],
    ['a key that is not a URL', '{"version":1,"entries":{"nope":{}}}', '"nope" is not a URL'],
    ['an unknown error code', '{"version":1,"entries":{"https://a.example/":{"status":null,"finalUrl":"https://a.example/","chain":[],"error":"boom","detail":null,"checkedAt":"2026-01-01T00:00:00Z"}}}', 'error code is unknown'],
    ['null entries', '{"version":1,"entries":[null]}', 'no entries'],
  ])('a corrupt cache (%s) is ignored with a warning naming the file', async (_name, content, why) => {
    const file = join(tempDir(), 'links.json');
    writeFileSync(file, content);
    const back = await readLinkCache(file);
    expect(back.cache.size).toBe(0);
    expect(back.warning).toBe(`${file}: the links cache is corrupt (${back.warning!.match(/\((.*)\)/u)![1]}); ignoring it`);
    expect(back.warning).toContain(why);
  });

  it('entries expire by outcome: a success after a day, a failure after an hour', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const cache = new LinkCache([check('https://ok.example/', 200, '2026-01-01T00:00:00Z'), check('https://bad.example/', 404, '2026-01-01T00:00:00Z')]);
    const at = (hours: number) => t0 + hours * 3_600_000;
    expect(cache.fresh('https://ok.example/', at(0.5))).toBeDefined();
    expect(cache.fresh('https://bad.example/', at(0.5))).toBeDefined();
    expect(cache.fresh('https://bad.example/', at(1.5))).toBeUndefined();
    expect(cache.fresh('https://ok.example/', at(23))).toBeDefined();
    expect(cache.fresh('https://ok.example/', at(25))).toBeUndefined();
    expect(cache.fresh('https://ok.example/', at(25), { success: 2 * 86_400, failure: 60 })).toBeDefined();
  });
});

describe('checking documents with a cache', () => {
  const doc = () =>
    processSource(
      [
        '# Links',
        '',
        '## Resources',
        '',
        `- [Fine](${server.url('site.test', '/fine')})`,
        `- [Old](${server.url('site.test', '/old')})`,
        `- [Gone](${server.url('site.test', '/gone')})`,
        `- [Nowhere](${server.url('nowhere.test', '/')})`,
        '',
      ].join('\n'),
      { path: 'links.md' },
    );
  const options = (cacheFile: string, mode: 'network' | 'cached'): CheckDocumentsOptions => ({
    mode,
    cacheFile,
    settings: { ...DEFAULT_LINKS_SETTINGS, allowHosts: ['site.test'] },
    userAgent: 'roadmap-pipeline/test',
    checker: { resolve: hostsResolver({ 'site.test': '127.0.0.1' }), retryDelay: 10 },
  });

  it('offline with an empty cache: no request, nothing reported, every URL listed as missing', async () => {
    const before = server.total();
    const result = await checkDocuments([doc()], options(join(tempDir(), 'links.json'), 'cached'));
    expect(server.total()).toBe(before);
    expect(result.requests).toBe(0);
    expect(result.missing).toHaveLength(4);
    expect(result.reports.get('links.md')).toEqual([]);
  });

  it('offline with a full cache: no request and the same reports as the network run', async () => {
    const file = join(tempDir(), 'links.json');
    const warnings: string[] = [];
    const network = await checkDocuments([doc()], { ...options(file, 'network'), warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect(network.requests).toBeGreaterThan(0);
    expect(network.reports.get('links.md')!.map((r) => [r.ruleId, r.messageId])).toEqual([
      ['moved-link', 'moved'],
      ['dead-link', 'gone'],
      ['dead-link', 'noSuchHost'],
    ]);
    const before = server.total();
    const cached = await checkDocuments([doc()], options(file, 'cached'));
    expect(server.total()).toBe(before);
    expect(cached.requests).toBe(0);
    expect(cached.missing).toEqual([]);
    expect(cached.reports).toEqual(network.reports);
    // A network run within the day asks the server nothing either: every entry is fresh.
    const again = await checkDocuments([doc()], options(file, 'network'));
    expect(server.total()).toBe(before);
    expect(again.reports).toEqual(network.reports);
  });

  it('a network run re-checks failures older than an hour and keeps fresh successes', async () => {
    const file = join(tempDir(), 'links.json');
    const t0 = Date.now();
    await checkDocuments([doc()], { ...options(file, 'network'), now: () => t0 });
    const before = new Map(server.counts);
    await checkDocuments([doc()], { ...options(file, 'network'), now: () => t0 + 2 * 3_600_000 });
    const asked = [...server.counts].filter(([k, v]) => v !== (before.get(k) ?? 0)).map(([k]) => k);
    expect(asked).toEqual(['HEAD site.test/gone', 'GET site.test/gone']);
  });

  it('a corrupt cache is ignored with a warning, and replaced by a good one', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'links.json');
    writeFileSync(file, 'garbage');
    const warnings: string[] = [];
    const result = await checkDocuments([doc()], { ...options(file, 'network'), warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([`${file}: the links cache is corrupt (not JSON); ignoring it`]);
    expect(result.reports.get('links.md')).toHaveLength(3);
    // The four links, and where the moved one ended.
    expect((await readLinkCache(file)).cache.size).toBe(5);
  });
});
