import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCheck, LinkChecker } from '../../src/links/index.js';
import { tempDir } from '../helpers.js';
import { hostsResolver } from './server.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!hasOpenssl)('a TLS failure', () => {
  it('a certificate nobody signed is link-unreachable, never dead', async () => {
    const dir = tempDir();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=tls.test'], { stdio: 'pipe' });
    const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.writeHead(200).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    let served = 0;
    server.on('request', () => served++);
    const checker = new LinkChecker({ userAgent: 'test', allowHosts: ['tls.test'], resolve: hostsResolver({ 'tls.test': '127.0.0.1' }), retryDelay: 10 });
    const r = await checker.check(`https://tls.test:${port}/`);
    await checker.close();
    server.close();
    expect(r.error).toBe('tls');
    expect(served).toBe(0);
    expect(classifyCheck(r, r.url)).toMatchObject({ ruleId: 'link-unreachable', messageId: 'network' });
  });
});
