/**
 * No setting lets an unsafe URL into the outputs: with unsafe-url off and disabled inline, the
 * JSON, the CSV and the cleaned Markdown still carry "#" where the document had javascript:,
 * data:, vbscript:, file: and the like, and the cleaned Markdown parses back to the same model.
 */
import { describe, expect, it } from 'vitest';
import { emitCsv, emitJson, emitMarkdown, lintRoadmap, processRoadmap } from '../../src/index.js';

const DOCUMENT = [
  '# Links',
  '',
  '<!-- roadmap-lint-disable unsafe-url -->',
  '',
  'Prose [p](javascript:alert(1)) and ![img](data:image/svg+xml,<svg/onload=alert(1)>) and',
  '<a href="&#106;avascript:alert(2)">html</a> <img src=vbscript:msgbox>.',
  '',
  '## 1. Resources',
  '',
  '* [Click](JavaScript:alert(3)) - a resource with an unsafe target',
  '* [Docs](https://docs.example/) - see also [local](file:///etc/passwd)',
  '* [By reference][evil]',
  '',
  '| API | Link |',
  '|---|---|',
  '| Bad | [row](ms-msdt:/id) |',
  '',
  '[evil]: data:text/html,<script>alert(4)</script>',
  '',
].join('\n');

const UNSAFE = /javascript|data:|vbscript|file:|ms-msdt|&#106;/iu;

describe('unsafe URLs and the outputs', () => {
  it('are reported when the rule is on', async () => {
    const findings = (await lintRoadmap(DOCUMENT.replace('<!-- roadmap-lint-disable unsafe-url -->', ''))).filter((f) => f.ruleId === 'unsafe-url');
    expect(findings.map((f) => f.start.line)).toEqual([5, 5, 6, 6, 10, 11, 16, 18]);
  });

  it('never reach JSON, CSV or cleaned Markdown, with the rule off or disabled inline', async () => {
    expect((await lintRoadmap(DOCUMENT, { rules: { 'unsafe-url': 'off' } })).filter((f) => f.ruleId === 'unsafe-url')).toEqual([]);
    const doc = processRoadmap(DOCUMENT, { path: 'links.md' });
    const json = emitJson(doc);
    const csv = emitCsv(doc);
    const markdown = emitMarkdown(doc);
    expect(json).not.toMatch(UNSAFE);
    expect(csv).not.toMatch(UNSAFE);
    expect(markdown).not.toMatch(UNSAFE);
    // Same length, same lines: each target reads "#" followed by spaces, so every position holds.
    expect(markdown).toHaveLength(DOCUMENT.length);
    expect(markdown).toContain(`* [Click](#${' '.repeat('JavaScript:alert(3)'.length - 1)}) - a resource with an unsafe target`);
    expect(markdown).toMatch(/<a href="# +">html<\/a> <img src=# +>/u);
    expect(markdown).toMatch(/^\[evil\]: # +$/mu);
    // The safe parts are untouched, byte for byte.
    expect(markdown.split('\n').filter((l, i) => l === DOCUMENT.split('\n')[i])).toHaveLength(DOCUMENT.split('\n').length - 6);
    expect(processRoadmap(markdown, { path: 'links.md' }).roadmap).toEqual(doc.roadmap);
  });
});
