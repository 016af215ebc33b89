import type { RuleContext } from '../lint/rule.js';
import type { ExtractIssue } from '../model/extract.js';

/** The check of a rule that reports what extraction flagged as its kind of issue. */
export function reportExtractionIssues(kind: ExtractIssue['ruleId']) {
  return ({ doc, report }: RuleContext): void => {
    for (const issue of doc.extraction.issues) {
      if (issue.ruleId !== kind) continue;
      report({ messageId: issue.messageId, data: issue.data, node: issue.node, key: issue.data.url || '(empty URL)' });
    }
  };
}
