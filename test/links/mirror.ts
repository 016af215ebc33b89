/**
 * A local mirror of the backend roadmap's links: the same URLs (host names and paths), answered
 * by a server on 127.0.0.1. Most pages are there; some moved, some are gone, some went elsewhere,
 * as real links do over the years. The checker reaches it through a resolver that maps these host
 * names to loopback and a route that sends their https origins to the local plain-HTTP port.
 */
import type { CheckerOptions } from '../../src/links/http.js';
import { hostsResolver, reply, startServer, type TestServer } from './server.js';

/** What the mirror does with some of the roadmap's URLs; every other URL answers 200. */
export const MIRROR_CHANGES = {
  // Permanent moves within the site: moved-link, fixed by --fix.
  'https://redis.io/documentation': { status: 301, location: 'https://redis.io/docs/latest/' },
  'https://nodejs.org/en/docs/': { status: 308, location: 'https://nodejs.org/docs/latest/api/' },
  'https://jwt.io/introduction/': { status: 301, location: '/introduction' },
  // Gone: dead-link.
  'https://jestjs.io/docs/getting-started': { status: 404 },
  'https://learning.postman.com/': { status: 410 },
  // Taken over by another site: redirected-away (an error for an official resource).
  'https://varnish-cache.org/docs/': { status: 301, location: 'https://parked.example/?domain=varnish-cache.org' },
  'https://restfulapi.net/': { status: 302, location: 'https://ads.example/landing' },
  // A deep page sent to the home page, and one sent to a "not found" page: soft-404.
  'https://owasp.org/www-project-top-ten/': { status: 301, location: 'https://owasp.org/' },
  'https://ocw.mit.edu/courses/electrical-engineering-and-computer-science/': { status: 302, location: '/page-not-found/' },
  // Network trouble: link-unreachable, never an error.
  'https://docs.aws.amazon.com/': { status: 503 },
  'https://www.youtube.com/watch?v=rHux0gMZ3Eg': { status: 429, retryAfter: '3600' },
  // A temporary redirect and a server that refuses HEAD: nothing to report.
  'https://spring.io/projects/spring-boot': { status: 302, location: '/projects/spring-boot/overview' },
  'https://www.coursera.org/specializations/web-applications': { status: 'no-head' },
} as const;

/** Hosts that do not resolve at all: dead-link. */
export const MIRROR_MISSING_HOSTS = ['devcenter.heroku.com'];

export interface Mirror {
  server: TestServer;
  /** Options that send the checker to the mirror. */
  transport: Partial<CheckerOptions>;
  /** Host names the configuration must allow (the mirror is on loopback). */
  hosts: string[];
}

export async function startMirror(urls: readonly string[]): Promise<Mirror> {
  const server = await startServer();
  const hosts = [...new Set(urls.map((u) => new URL(u).hostname))].filter((h) => !MIRROR_MISSING_HOSTS.includes(h));
  for (const raw of urls) {
    const u = new URL(raw);
    const change = (MIRROR_CHANGES as Record<string, { status: number | string; location?: string; retryAfter?: string }>)[raw];
    const target = `${u.hostname}${u.pathname}${u.search}`;
    if (!change) server.route(target, reply(200, { 'content-length': '0' }));
    else if (change.status === 'no-head') {
      server.route(target, (req, res) => res.writeHead(req.method === 'HEAD' ? 405 : 200, { 'content-length': '0' }).end());
    } else {
      const headers: Record<string, string> = { 'content-length': '0' };
      if (change.location) headers['location'] = change.location;
      if (change.retryAfter) headers['retry-after'] = change.retryAfter;
      server.route(target, reply(change.status as number, headers));
    }
  }
  // Where the redirects land.
  for (const landing of [
    'redis.io/docs/latest/',
    'nodejs.org/docs/latest/api/',
    'jwt.io/introduction',
    'parked.example/?domain=varnish-cache.org',
    'ads.example/landing',
    'owasp.org/',
    'ocw.mit.edu/page-not-found/',
    'spring.io/projects/spring-boot/overview',
  ]) {
    server.route(landing, reply(200, { 'content-length': '0' }));
  }
  const all = [...hosts, 'parked.example', 'ads.example'];
  return {
    server,
    hosts: all,
    transport: {
      resolve: hostsResolver(Object.fromEntries(all.map((h) => [h, '127.0.0.1']))),
      route: () => ({ protocol: 'http:', port: String(server.port) }),
      retryDelay: 10,
    },
  };
}
