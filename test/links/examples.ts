/**
 * The link rules' doc examples, run for real: an example's "```http answers" block says how each
 * server answers (`url status [location | retry-after=N]`, `url dns` for a name that does not
 * resolve, `url blocked` for one that resolves to a private address). A local server gives those
 * answers, the checker asks it, and the example is linted with what the checker found.
 */
import { fixUntilStable } from '../../src/lint/fix.js';
import type { Finding } from '../../src/lint/finding.js';
import { lintDocument } from '../../src/lint/run.js';
import { resolveRuleSettings, type RuleEntry } from '../../src/lint/settings.js';
import { checkDocuments, collectLinks, DEFAULT_LINKS_SETTINGS, linkReports } from '../../src/links/index.js';
import type { LinkCheck } from '../../src/links/http.js';
import { processSource } from '../../src/pipeline/process.js';
import { RULES } from '../../src/rules/index.js';
import { hostsResolver, reply, startServer } from './server.js';

/** Check the links of a text against servers that answer as told; returns the checks. */
export async function checksFor(source: string, answers: string): Promise<Map<string, LinkCheck>> {
  const server = await startServer();
  const names: Record<string, string> = {};
  for (const line of answers.split('\n').filter((l) => l.trim() !== '')) {
    const [url, what, extra] = line.trim().split(/\s+/u) as [string, string, string | undefined];
    const u = new URL(url);
    if (what === 'dns') continue;
    names[u.hostname] = what === 'blocked' ? '10.0.0.5' : '127.0.0.1';
    if (what === 'blocked') continue;
    const headers: Record<string, string> = { 'content-length': '0' };
    if (extra?.startsWith('retry-after=')) headers['retry-after'] = extra.slice('retry-after='.length);
    else if (extra) headers['location'] = extra;
    server.route(`${u.hostname}${u.pathname}${u.search}`, reply(Number(what), headers));
  }
  try {
    const doc = processSource(source, { path: 'example.md' });
    const result = await checkDocuments([doc], {
      mode: 'network',
      cacheFile: null,
      settings: { ...DEFAULT_LINKS_SETTINGS, retryAfterBudget: 1, allowHosts: Object.keys(names).filter((h) => names[h] === '127.0.0.1') },
      userAgent: 'roadmap-pipeline/docs-test',
      checker: { resolve: hostsResolver(names), route: () => ({ protocol: 'http:', port: String(server.port) }), retryDelay: 5 },
    });
    return result.checks;
  } finally {
    await server.close();
  }
}

async function lintWith(text: string, rules: Readonly<Record<string, RuleEntry>>, checks: Map<string, LinkCheck>): Promise<Finding[]> {
  const settings = resolveRuleSettings(RULES, [{ source: 'example', rules }]);
  const doc = processSource(text, { path: 'example.md' });
  return lintDocument(doc, { rules: RULES, settings, links: linkReports(collectLinks(doc), checks, DEFAULT_LINKS_SETTINGS) });
}

/** The findings of an example whose servers answer as told. */
export async function lintWithAnswers(source: string, rules: Readonly<Record<string, RuleEntry>>, answers: string): Promise<Finding[]> {
  return lintWith(source, rules, await checksFor(source, answers));
}

/** An example fixed until stable, its links judged by one check (as `roadmap links --fix` does). */
export async function fixWithAnswers(source: string, rules: Readonly<Record<string, RuleEntry>>, answers: string): Promise<{ once: string; left: Finding[]; twice: string }> {
  const checks = await checksFor(source, answers);
  const once = (await fixUntilStable(source, (t) => lintWith(t, rules, checks))).output;
  const left = (await lintWith(once, rules, checks)).filter((f) => f.fix);
  const twice = (await fixUntilStable(once, (t) => lintWith(t, rules, checks))).output;
  return { once, left, twice };
}
