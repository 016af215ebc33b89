import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const SCRIPT = join(ROOT, 'scripts/official-agreement.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A topic file in roadmap.sh's shape: an H1, a paragraph, then marked links. */
const topic = (title: string, links: string[]): string =>
  `# ${title}\n\n${title} is a topic worth knowing.\n\nVisit the following resources to learn more:\n\n${links.map((l) => `- ${l}\n`).join('')}`;

function folder(): string {
  const dir = tempDir('official-agreement-');
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content', 'redis@a1.md'), topic('Redis', ['[@official@Redis Documentation](https://redis.io/docs/)', '[@video@Redis in 100 Seconds](https://www.youtube.com/watch?v=G1rOthIU-uo)']));
  writeFileSync(join(dir, 'content', 'testing@b2.md'), topic('Testing', ['[@official@Jest](https://jest.io)', '[@official@Vitest](https://vitest.dev/guide/)']));
  writeFileSync(join(dir, 'content', 'php@c3.md'), topic('PHP', ['[@official@Visit Dedicated PHP Roadmap](https://roadmap.sh/php)']));
  writeFileSync(join(dir, 'content', 'npm@d4.md'), topic('npm', ['[@official@What is npm?](https://nodejs.org/en/learn/getting-started/an-introduction-to-the-npm-package-manager)', '[@official@left-pad](https://www.npmjs.com/package/left-pad)']));
  writeFileSync(join(dir, 'content', 'dns@e5.md'), topic('DNS', ['[@official@What is DNS?](https://www.cloudflare.com/learning/dns/what-is-dns/)', '[@official@Node.js dns module](https://nodejs.org/api/dns.html)']));
  return dir;
}

describe('npm run official-agreement', () => {
  it('reports the agreement and each disagreement with its reason', () => {
    const dir = folder();
    const r = run(['content'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('content: 5 files, 8 @official@ links');
    expect(lines[1]).toBe('agreement: 4 of 8 @official@ links are official for their technology (50%)');
    expect(r.stdout).toContain('content/testing@b2.md:7:3 "Jest" https://jest.io\n    jest.io is not an official source of any technology in the registry');
    expect(r.stdout).toContain('"Visit Dedicated PHP Roadmap" https://roadmap.sh/php');
    expect(r.stdout).toContain('www.npmjs.com is a place where anyone can publish (npm), and no registry entry names this project');
    expect(r.stdout).toContain('"What is DNS?" https://www.cloudflare.com/learning/dns/what-is-dns/');
  });

  it('gives JSON, and exits 1 below --min', () => {
    const dir = folder();
    const r = run(['content', '--json', '--min', '95'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ officialLinks: 8, agreeing: 4, percent: 50 });
    expect(report.disagreements.map((d: { title: string }) => d.title)).toEqual(['What is DNS?', 'left-pad', 'Visit Dedicated PHP Roadmap', 'Jest']);
  });

  it('names a missing folder in one line and exits 2', () => {
    const r = run(['nowhere'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^official-agreement: .*nowhere: no such file or folder$/u);
  });
});
