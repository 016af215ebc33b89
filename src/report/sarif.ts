/**
 * SARIF 2.1.0, the format code-scanning services ingest (GitHub's upload-sarif among them).
 * Columns are UTF-16 code units, as in every other report; fixes carry their replacements.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE } from '../lint/finding.js';
import type { RuleMeta } from '../lint/rule.js';
import { PACKAGE } from '../version.js';
import type { Reporter } from './types.js';

/** SARIF writes "{0}"-style placeholders, and braces as "{{" and "}}"; ours are "{{name}}". */
function sarifTemplate(template: string): { text: string; names: string[] } {
  const names: string[] = [];
  const parts = template.split(/(\{\{\s*\w+\s*\}\})/u);
  const text = parts
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[{}]/gu, (b) => b + b);
      const name = /\w+/u.exec(part)![0];
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      return `{${index}}`;
    })
    .join('');
  return { text, names };
}

function messageStrings(meta: RuleMeta): Record<string, { text: string }> {
  return Object.fromEntries(Object.entries(meta.messages).map(([id, template]) => [id, { text: sarifTemplate(template).text }]));
}

const level = (s: string): 'error' | 'warning' => (s === 'error' ? 'error' : 'warning');

export const sarif: Reporter = (results, { rules }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // A path under the working directory is relative to %SRCROOT%, each segment percent-encoded (a
  // "#" or "?" in a name is no fragment or query); one outside it that was given absolute is a
  // file: URI of its own.
  const artifact = (file: string): { uri: string; uriBaseId?: string } =>
    isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: PACKAGE.name,
            version: PACKAGE.version,
            informationUri: DOCS_BASE.replace(/\/blob\/main\/docs\/rules$/u, ''),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/gu, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.docs.description },
              helpUri: r.docs.url,
              defaultConfiguration: { level: level(r.defaultSeverity) },
              messageStrings: messageStrings(r),
              properties: { tags: [...r.docs.tags], fixable: r.fixable, type: r.type },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory the lint ran in.' } } },
        artifacts: results.map((r) => ({ location: artifact(r.file) })),
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
            level: level(f.severity),
            message: ruleIndex.has(f.ruleId) ? { id: f.messageId, text: f.message } : { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifact(f.file),
                  region: {
                    startLine: f.start.line,
                    startColumn: f.start.column,
                    endLine: f.end.line,
                    endColumn: f.end.column,
                    charOffset: f.start.offset,
                    charLength: f.end.offset - f.start.offset,
                  },
                },
              },
            ],
            ...(f.related
              ? {
                  relatedLocations: [
                    {
                      id: 1,
                      message: { text: f.related.message },
                      physicalLocation: {
                        artifactLocation: artifact(f.related.file ?? f.file),
                        region: { startLine: f.related.line, startColumn: f.related.column },
                      },
                    },
                  ],
                }
              : {}),
            ...(f.fix
              ? {
                  fixes: [
                    {
                      description: { text: f.fix.description },
                      artifactChanges: [
                        {
                          artifactLocation: artifact(f.file),
                          replacements: f.fix.edits.map((e) => ({
                            deletedRegion: { charOffset: e.offset, charLength: e.deleteCount },
                            insertedContent: { text: e.insert },
                          })),
                        },
                      ],
                    },
                  ],
                }
              : {}),
            partialFingerprints: { 'roadmapFinding/v1': f.fingerprint },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
