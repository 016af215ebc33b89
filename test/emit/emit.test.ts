import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, emitCsv, neutralizeCell } from '../../src/emit/csv.js';
import { emitJson } from '../../src/emit/json.js';
import { emitIndex, indexEntry } from '../../src/emit/write.js';
import { parseRoadmap } from '../../src/index.js';
import { roadmapText } from '../helpers.js';

const roadmap = parseRoadmap(roadmapText(), { path: 'content/backend-roadmap.md' });

describe('CSV', () => {
  const csv = emitCsv(roadmap);

  it('is RFC 4180: header, CRLF records, one row per resource', () => {
    expect(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows).toHaveLength(39);
    expect(rows.find((r) => r.title === 'REST API Tutorial')).toMatchObject({ section_number: '4', section_title: 'APIs & Communication', title: 'REST API Tutorial', description: 'Principles of REST.', line: '43' });
    expect(rows.find((r) => r.title === 'Node.js, Express, MongoDB & More')).toMatchObject({ group: 'Udemy', kind: 'course', official: 'false' });
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    const m = parseRoadmap('# T\n\n## A, "b"\n\n* [x, "y"](https://e.example/) — one\n', { path: 't.md' });
    const out = emitCsv(m);
    expect(out).toContain('"A, ""b"""');
    expect(out).toContain('"x, ""y"""');
    expect((parse(out, { columns: true }) as Record<string, string>[])[0]!.title).toBe('x, "y"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCell(v)).toBe(`'${v}`);
    for (const v of ['Docs', '1+1', 'a=b', '']) expect(neutralizeCell(v)).toBe(v);
    // Full-width formula signs, and formula signs behind zero-width characters, a BOM or spaces.
    for (const v of ['\uff1dHYPERLINK("http://x")', '\uff0b1', '\uff0d2', '\uff20SUM(A1)', '\u200b=1+1', '\u200d\u2060+1', '\ufeff@x', '  =1', '\u200c\uff1d1']) {
      expect(neutralizeCell(v), JSON.stringify(v)).toBe(`'${v}`);
    }
    for (const v of ['\u200bDocs', 'a\uff1db', '\uff08note\uff09']) expect(neutralizeCell(v)).toBe(v);
    const m = parseRoadmap('# T\n\n## S\n\n* [=cmd|"/c calc"!A1](https://e.example/) — @mention dangers\n', { path: 't.md' });
    const row = (parse(emitCsv(m), { columns: true }) as Record<string, string>[])[0]!;
    expect(row.title).toBe(`'=cmd|"/c calc"!A1`);
    expect(row.description).toBe(`'@mention dangers`);
  });
});

describe('JSON', () => {
  it('is deterministic, pretty-printed, with a trailing newline and schema key order', () => {
    const a = emitJson(roadmap);
    expect(emitJson(parseRoadmap(roadmapText(), { path: 'content/backend-roadmap.md' }))).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(a))).toEqual(['schemaVersion', 'document', 'source', 'title', 'titleSource', 'frontMatter', 'description', 'officialOnly', 'sections', 'internalLinks', 'counts']);
    const shuffled = { ...roadmap, counts: roadmap.counts, title: roadmap.title, schemaVersion: roadmap.schemaVersion };
    expect(emitJson(shuffled)).toBe(a);
  });
});

describe('index.json', () => {
  it('merges with what an earlier run listed, keyed and sorted by output path', () => {
    const other = indexEntry({ ...roadmap, document: 'aaa', title: 'Other' });
    const first = JSON.parse(emitIndex([other], null, '1.0.0'));
    const merged = JSON.parse(emitIndex([indexEntry(roadmap)], first, '1.0.0'));
    expect(merged.documents.map((d: { document: string }) => d.document)).toEqual(['aaa', 'backend-roadmap']);
    expect(merged.documents[1]).toMatchObject({ title: roadmap.title, counts: { resources: 39 }, outputs: { csv: 'backend-roadmap.csv' } });
    // Two documents with one name in different folders are two entries.
    const twin = indexEntry(roadmap, 'b/backend-roadmap');
    const both = JSON.parse(emitIndex([twin], merged, '1.0.0'));
    expect(both.documents.map((d: { outputs: { json: string } }) => d.outputs.json)).toEqual(['aaa.json', 'b/backend-roadmap.json', 'backend-roadmap.json']);
  });
});
