#!/usr/bin/env node
// Judge `npm audit --omit=dev --json` (read from standard input) for CI: exit 1 when a production
// dependency has a high or critical advisory; exit 0 with a message when the registry refused the
// audit endpoint (some mirrors and proxies answer 404, 405 or 501), so CI does not fail for want
// of an answer. Anything else unreadable is a failure, not a pass.
import { readFileSync } from 'node:fs';

let text = '';
try {
  text = readFileSync(0, 'utf8');
} catch {
  text = '';
}
let report;
try {
  report = JSON.parse(text);
} catch {
  console.log('npm audit: no JSON answer; cannot tell whether dependencies are safe');
  process.exit(1);
}
const counts = report?.metadata?.vulnerabilities;
if (counts && typeof counts === 'object') {
  const high = Number(counts.high ?? 0);
  const critical = Number(counts.critical ?? 0);
  const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((k) => `${Number(counts[k] ?? 0)} ${k}`).join(', ');
  if (high + critical > 0) {
    const names = Object.values(report.vulnerabilities ?? {})
      .filter((v) => v && (v.severity === 'high' || v.severity === 'critical'))
      .map((v) => `${v.name} (${v.severity})`);
    console.log(`npm audit: production dependencies have high or critical advisories: ${names.join(', ') || summary}`);
    process.exit(1);
  }
  console.log(`npm audit: no high or critical advisory in production dependencies (${summary})`);
  process.exit(0);
}
const status = report?.statusCode ?? report?.error?.code ?? report?.code;
const refused = typeof report?.message === 'string' ? report.message : report?.error?.summary;
if (status !== undefined || refused) {
  console.log(`npm audit: the registry refused the audit endpoint (${refused || status}); advisories were not checked`);
  process.exit(0);
}
console.log('npm audit: an answer without vulnerability counts; cannot tell whether dependencies are safe');
process.exit(1);
