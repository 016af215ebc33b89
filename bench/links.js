#!/usr/bin/env node
// npm run bench:links: 1,000 URLs on 50 local hosts through the link checker, with its default
// limits (16 requests at once, 2 per host). Every answer takes a fixed delay, so the limits alone
// decide the wall time: the run cannot beat ceil(1000 / 16) rounds of that delay. The local server
// counts what it sees: the peak of requests in flight per host, and requests per URL.
// Writes bench/links-results.json. Nothing leaves 127.0.0.1.
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { checkDocuments, DEFAULT_LINKS_SETTINGS } = await import(join(root, 'build/links/index.js'));
const { processSource } = await import(join(root, 'build/pipeline/process.js'));

const HOSTS = 50;
const PER_HOST = 20;
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
server.on("connection", () => connections++);
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
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
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
writeFileSync(join(root, 'bench/links-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(figures);
