import type { ExtractIssue } from '../model/extract.js';
import type { RuleContext } from './rule.js';

/** The check of a rule that reports what extraction flagged as its kind of issue. */
export function reportExtractionIssues(kind: ExtractIssue['ruleId']) {
  return ({ doc, report }: RuleContext): void => {
    for (const issue of doc.extraction.issues) {
      if (issue.ruleId === kind) report({ message: issue.message, node: issue.node, fingerprint: issue.message });
    }
  };
}
