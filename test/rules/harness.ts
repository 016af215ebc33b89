/** What the per-rule tests share: one rule on, its findings as "line:column messageId", its fixed text. */
import { fixText, lintRoadmap, type Finding, type RuleEntry } from '../../src/index.js';

export interface RunOptions {
  options?: Record<string, unknown>;
  path?: string;
  officialOnly?: boolean;
}

function settings(id: string, o: RunOptions): Record<string, RuleEntry> {
  return { [id]: o.options ? ['error', o.options] : 'error' };
}

/** The rule's findings on a document. */
export async function findingsOf(id: string, source: string, o: RunOptions = {}): Promise<Finding[]> {
  const all = await lintRoadmap(source, {
    rules: settings(id, o),
    ...(o.path ? { path: o.path } : {}),
    ...(o.officialOnly !== undefined ? { officialOnly: o.officialOnly } : {}),
  });
  return all.filter((f) => f.ruleId === id);
}

/** "line:column messageId" of each finding, in report order. */
export async function placesOf(id: string, source: string, o: RunOptions = {}): Promise<string[]> {
  return (await findingsOf(id, source, o)).map((f) => `${f.start.line}:${f.start.column} ${f.messageId}`);
}

/** The document after applying the rule's fixes until stable. */
export async function fixedBy(id: string, source: string, o: RunOptions = {}): Promise<string> {
  return (await fixText(source, { rules: settings(id, o) })).output;
}

/** A document with one numbered section holding the given list items. */
export const doc = (...items: string[]): string => `# Roadmap\n\n## 1. Basics\n\n${items.map((i) => `* ${i}`).join('\n')}\n`;
