/**
 * SARIF 2.1.0, the format code-scanning services ingest (GitHub's upload-sarif among them).
 * Columns are UTF-16 code units, as in every other report; fixes carry their replacements.
 */
import { RULES } from '../rules/index.js';
import { PACKAGE } from '../version.js';
import { DOCS_BASE } from '../lint/finding.js';
import type { Reporter } from './types.js';

const level = (s: string): 'error' | 'warning' => (s === 'error' ? 'error' : 'warning');

export const sarif: Reporter = (results) => {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const artifact = (file: string): { uri: string; uriBaseId: string } => ({ uri: encodeURI(file), uriBaseId: '%SRCROOT%' });
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
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z])/gu, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.meta.description },
              helpUri: `${DOCS_BASE}/${r.meta.id}.md`,
              defaultConfiguration: { level: level(r.meta.defaultSeverity) },
              properties: { tags: [...r.meta.tags], fixable: r.meta.fixable },
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
            message: { text: f.message },
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
