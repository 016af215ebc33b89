/**
 * scripts/audit.js judges `npm audit --omit=dev --json` in .ci/run. Its inputs here are answers in
 * npm's report format (version 2): one with advisories, a clean one, and the answer this project's
 * registry mirror gives (405 on the bulk advisory endpoint).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const judge = (answer: string) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/audit.js')], { input: answer, encoding: 'utf8' });
  return { code: r.status, out: r.stdout };
};

const counts = (high: number, critical: number) => ({ info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical });

describe('the CI audit', () => {
  it('fails on a high or critical advisory, naming the package', () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        'tar-fs': { name: 'tar-fs', severity: 'high', isDirect: false, via: [], effects: [], range: '<2.1.2', nodes: [], fixAvailable: true },
        minimist: { name: 'minimist', severity: 'moderate', isDirect: false, via: [], effects: [], range: '<1.2.6', nodes: [], fixAvailable: true },
      },
      metadata: { vulnerabilities: counts(1, 0), dependencies: { prod: 40, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 40 } },
    };
    const r = judge(JSON.stringify(report));
    expect(r.code).toBe(1);
    expect(r.out).toContain('tar-fs (high)');
    expect(judge(JSON.stringify({ ...report, metadata: { vulnerabilities: counts(0, 2) } })).code).toBe(1);
  });

  it('passes when there is nothing high or critical', () => {
    const r = judge(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0) } }));
    expect(r.code).toBe(0);
    expect(r.out).toContain('no high or critical advisory in production dependencies (0 critical, 0 high, 2 moderate, 1 low, 0 info)');
  });

  it('passes, saying so, when the registry refuses the audit endpoint', () => {
    const refused = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    };
    const r = judge(JSON.stringify(refused));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^npm audit: the registry refused the audit endpoint \(405 Method Not Allowed/u);
  });

  it('fails when the answer cannot be read', () => {
    expect(judge('').code).toBe(1);
    expect(judge('{"auditReportVersion": 2}').code).toBe(1);
  });
});
