import { describe, expect, it } from 'vitest';
import { checkDocuments, DEFAULT_LINKS_SETTINGS } from '../../src/links/index.js';
import { processSource } from '../../src/pipeline/process.js';
import { hostsResolver, startServer } from './server.js';

// The timing of this run is a benchmark (npm run bench:links, bench/links-results.json); here
// only what the server saw is asserted.
describe('1,000 URLs on 50 local hosts', () => {
  it('never has more than 2 requests in flight on a host, and asks for each URL once', async () => {
    const server = await startServer();
    const hosts = Array.from({ length: 50 }, (_, h) => `host${h}.test`);
    for (const host of hosts) {
      for (let p = 0; p < 20; p++) {
        server.route(`${host}/page/${p}`, (_req, res) => {
          setTimeout(() => res.writeHead(200, { 'content-length': '0' }).end(), 5);
        });
      }
    }
    const lines = ['# A thousand links', ''];
    for (const host of hosts) {
      lines.push(`## ${host}`, '');
      // Each URL twice, the second time with another spelling of the host and a fragment.
      for (let p = 0; p < 20; p++) lines.push(`- [Page ${p}](${server.url(host, `/page/${p}`)})`);
      for (let p = 0; p < 20; p++) lines.push(`- [Again ${p}](${server.url(host.toUpperCase(), `/page/${p}`)}#again)`);
      lines.push('');
    }
    const doc = processSource(lines.join('\n'), { path: 'thousand.md' });
    const result = await checkDocuments([doc], {
      mode: 'network',
      cacheFile: null,
      settings: { ...DEFAULT_LINKS_SETTINGS, allowHosts: hosts, perHost: 2 },
      userAgent: 'roadmap-pipeline/test',
      checker: { resolve: hostsResolver(Object.fromEntries(hosts.map((h) => [h, '127.0.0.1']))) },
    });
    await server.close();
    expect(result.requests).toBe(1000);
    expect(server.total()).toBe(1000);
    expect(Math.max(...server.peak.values())).toBe(2);
    expect(server.peak.size).toBe(50);
    for (const host of hosts) for (let p = 0; p < 20; p++) expect(server.hits(`${host}/page/${p}`)).toBe(1);
    expect(result.reports.get('thousand.md')).toEqual([]);
  });
});
