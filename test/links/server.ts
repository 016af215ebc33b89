/**
 * A local HTTP server for link checks: it listens on 127.0.0.1 only, answers by host name and path
 * (so one server plays many hosts), and counts what it sees: requests per URL, requests in flight
 * per host and their peak. Tests start it and stop it; nothing touches the internet.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ResolvedAddress } from '../../src/links/http.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: number) => void;

export interface TestServer {
  port: number;
  /** http://host:port/path */
  url(host: string, path: string): string;
  /** Routes by "host/path" (host without port, lower case); `*` as the host matches any. */
  route(hostPath: string, handler: Handler): void;
  /** Requests per "METHOD host/path". */
  counts: Map<string, number>;
  /** Requests per "host/path", any method. */
  hits(hostPath: string): number;
  /** Peak requests in flight per host. */
  peak: Map<string, number>;
  /** Every request as seen: method, host/path, headers, time. */
  log: { method: string; target: string; headers: IncomingMessage['headers']; at: number }[];
  total(): number;
  close(): Promise<void>;
}

/** "Host.Example/Path" -> "host.example/Path": host names compare without case, paths with it. */
function lowerHost(hostPath: string): string {
  const slash = hostPath.indexOf('/');
  return slash < 0 ? hostPath.toLowerCase() : hostPath.slice(0, slash).toLowerCase() + hostPath.slice(slash);
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const perTarget = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const log: TestServer['log'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/u, '').toLowerCase();
    const path = req.url ?? '/';
    const target = `${host}${path}`;
    const key = `${req.method} ${target}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const seen = (perTarget.get(target) ?? 0) + 1;
    perTarget.set(target, seen);
    log.push({ method: req.method ?? '', target, headers: req.headers, at: Date.now() });
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    peak.set(host, Math.max(peak.get(host) ?? 0, now));
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    };
    res.on('close', end);
    res.on('finish', end);
    const handler = routes.get(target) ?? routes.get(`*${path}`);
    if (handler) handler(req, res, seen);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, path) => `http://${host}:${port}${path}`,
    route: (hostPath, handler) => routes.set(lowerHost(hostPath), handler),
    counts,
    hits: (hostPath) => perTarget.get(lowerHost(hostPath)) ?? 0,
    peak,
    log,
    total: () => log.length,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A resolver that knows only these names (all on loopback); any other name does not resolve. */
export function hostsResolver(names: Record<string, string>): (hostname: string) => Promise<ResolvedAddress[]> {
  return async (hostname) => {
    const address = names[hostname.toLowerCase()];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
}

/** Reply with a status and headers. */
export const reply =
  (status: number, headers: Record<string, string> = {}, body = ''): Handler =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
