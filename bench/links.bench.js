#!/usr/bin/env node
// The link checker's limits, measured (run by npm run bench, or alone: npm run bench:links): 1,000
// URLs on 50 local hosts, each URL in the document twice, with the default limits (16 requests at
// once, 2 per host). Every answer takes a fixed delay, so the limits alone decide the wall time:
// no run can beat ceil(1000 / 16) rounds of that delay. The local server counts what it sees: the
// peak of requests in flight per host, requests per URL, connections. Nothing leaves 127.0.0.1.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function run({ root, quick = false, log = () => undefined }) {
  const { checkDocuments, DEFAULT_LINKS_SETTINGS } = await import(pathToFileURL(join(root, 'build/links/index.js')).href);
  const { processSource } = await import(pathToFileURL(join(root, 'build/pipeline/process.js')).href);

  const HOSTS = 50;
  const PER_HOST = quick ? 4 : 20;
  const DELAY_MS = Number(process.env.DELAY_MS ?? 50);

  const inFlight = new Map();
  const peak = new Map();
  const perUrl = new Map();
  const server = createServer((req, res) => {
    const host = req.headers.host.replace(/:\d+$/u, '');
    const key = `${host}${req.url}`;
    perUrl.set(key, (perUrl.get(key) ?? 0) + 1);
    const n = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, n);
    peak.set(host, Math.max(peak.get(host) ?? 0, n));
    setTimeout(() => {
      inFlight.set(host, inFlight.get(host) - 1);
      // A length, as real servers send, lets the connection be kept for the next request.
      res.writeHead(200, { 'content-length': '0' }).end();
    }, DELAY_MS);
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  const hosts = Array.from({ length: HOSTS }, (_, h) => `host${h}.bench.test`);
  const lines = ['# A thousand links', ''];
  for (const [h, host] of hosts.entries()) {
    lines.push(`## Host ${h}`, '');
    for (let p = 0; p < PER_HOST; p++) lines.push(`- [Page ${p}](http://${host}:${port}/page/${p})`);
    // Every URL a second time, in another form: still one request.
    for (let p = 0; p < PER_HOST; p++) lines.push(`- [Again ${p}](http://${host.toUpperCase()}:${port}/page/${p}#again)`);
    lines.push('');
}
const doc = processSource(lines.join('\n'), { path: 'thousand.md' });
const names = new Set(hosts);
const settings = { ...DEFAULT_LINKS_SETTINGS, allowHosts: hosts };
const t0 = performance.now();
const result = await checkDocuments([doc], {
  mode: 'network',
  cacheFile: null,
  settings,
  userAgent: 'roadmap-pipeline/bench',
  checker: {
    resolve: async (name) => {
      if (!names.has(name)) throw Object.assign(new Error(name), { code: 'ENOTFOUND' });
      return [{ address: '127.0.0.1', family: 4 }];
    },
  },
});
const ms = performance.now() - t0;
server.close();

const urls = HOSTS * PER_HOST;
const floor = Math.ceil(urls / Math.min(settings.concurrency, HOSTS * settings.perHost)) * DELAY_MS;
const figures = {
  urls,
  linksInDocument: urls * 2,
  hosts: HOSTS,
  concurrency: settings.concurrency,
  perHost: settings.perHost,
  serverDelayMs: DELAY_MS,
  wallMs: Math.round(ms),
  floorMs: floor,
  overheadPercent: +((ms / floor - 1) * 100).toFixed(1),
  requests: result.requests,
  distinctUrlsRequested: perUrl.size,
  mostRequestsForOneUrl: Math.max(...perUrl.values()),
  mostInFlightOnOneHost: Math.max(...peak.values()),
  problems: [...result.reports.values()].flat().length,
  connections,
};
log(`${urls} URLs on ${HOSTS} hosts (${settings.perHost} per host, ${settings.concurrency} at once, ${DELAY_MS} ms answers): ${figures.wallMs} ms, floor ${floor} ms; most in flight on one host ${figures.mostInFlightOnOneHost}; most requests for one URL ${figures.mostRequestsForOneUrl}`);
return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  console.log(await run({ root, quick: process.argv.includes('--quick'), log: (l) => console.log(l) }));
}
