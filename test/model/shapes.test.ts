import { parse as parseCsv } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhrasingContent, Root } from 'mdast';
import { emitCsv } from '../../src/emit/csv.js';
import { emitJson } from '../../src/emit/json.js';
import { emitMarkdown, InputError, processRoadmap, validateRoadmap, type Roadmap } from '../../src/index.js';
import { resourcesOf } from '../../src/model/walk.js';
import { extractRoadmap } from '../../src/model/extract.js';
import { cli, tempDir } from '../helpers.js';

const doc = (text: string, path = 'doc.md') => processRoadmap(text, { path });
const resources = (m: Roadmap) => [...resourcesOf(m)].map((x) => x.resource);

describe('the title comes from the first source that has one', () => {
  it.each([
    ['front matter title', '---\ntitle: From YAML\n---\n\n# The H1\n\n## S\n', 'From YAML', 'front-matter'],
    ['an H1', '# The H1\n\n## S\n', 'The H1', 'h1'],
    [
      "a leading HTML block's <h1>",
      '<div align="center">\n<h1>Awesome <em>Things</em> &amp; more</h1>\n<img alt="Logo">\n</div>\n\n## S\n',
      'Awesome Things & more',
      'html',
    ],
    ["a leading HTML block's image alt", '<p align="center">\n  <img width="500" src="logo.svg" alt="Awesome Node.js">\n</p>\n\n## S\n', 'Awesome Node.js', 'html'],
    ['the first heading of any level', 'Intro.\n\n### Index\n\n## Books\n', 'Index', 'heading'],
    ['an empty H1 falls through to the next source', '#\n\n## 2. Next\n', '2. Next', 'heading'],
    ['the file name', 'Just a paragraph.\n', 'my-notes', 'file'],
  ])('%s', (_name, text, title, source) => {
    const d = doc(text, 'lists/my-notes.md');
    expect([d.roadmap.title, d.roadmap.titleSource]).toEqual([title, source]);
    expect(d.schemaErrors).toEqual([]);
  });

  it('never refuses a document for lacking an H1, and keeps the other headings as sections', () => {
    const d = doc('### Index\n\n* [ABAP](#abap)\n\n### ABAP\n\n* [Book](https://book.example/) - Author (PDF)\n');
    expect(d.extraction.titleNode).toBeNull();
    expect(d.roadmap.sections.map((s) => s.title)).toEqual(['Index', 'ABAP']);
    expect(resources(d.roadmap).map((r) => [r.title, r.description])).toEqual([['Book', 'Author (PDF)']]);
  });
});

describe('front matter', () => {
  it('YAML between --- is kept as data, never read as a heading or a paragraph', () => {
    const d = doc('---\ntitle: Guide\ntags: [a, b]\ndate: 2024-01-02\n---\n\n## S\n\n* [A](https://a.example/)\n');
    expect(d.roadmap.frontMatter).toEqual({ format: 'yaml', data: { title: 'Guide', tags: ['a', 'b'], date: '2024-01-02' }, line: 1 });
    expect(d.roadmap.description).toBeNull();
    expect(d.roadmap.sections.map((s) => s.title)).toEqual(['S']);
    expect(JSON.parse(emitJson(d.roadmap)).frontMatter.data.tags).toEqual(['a', 'b']);
  });

  it('TOML between +++, dates as ISO strings', () => {
    const d = doc('+++\ntitle = "Toml Guide"\nupdated = 2024-03-04T05:06:07Z\n[owner]\nname = "x"\n+++\n\n# H1\n');
    expect(d.roadmap.title).toBe('Toml Guide');
    expect(d.roadmap.frontMatter).toEqual({
      format: 'toml',
      data: { title: 'Toml Guide', updated: '2024-03-04T05:06:07.000Z', owner: { name: 'x' } },
      line: 1,
    });
  });

  it('front matter that does not parse keeps data null and says why; the document still builds', () => {
    const d = doc('---\ntitle: [unclosed\n---\n\n# H1\n');
    expect(d.roadmap.frontMatter).toEqual({ format: 'yaml', data: null, line: 1 });
    expect(d.extraction.frontMatterError).toMatch(/YAML front matter does not parse/u);
    expect([d.roadmap.title, d.schemaErrors]).toEqual(['H1', []]);
    const list = doc('---\n- a\n- b\n---\n\n# H1\n');
    expect(list.extraction.frontMatterError).toMatch(/not a mapping/u);
  });

  it('YAML nested past 100 levels is refused before the parser recurses into it; brackets in quotes do not count', () => {
    const flow = doc(`---\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n\n# H1\n`);
    expect(flow.extraction.frontMatterError).toBe('the YAML front matter is nested more than 100 levels deep');
    const block = doc(`---\n${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n---\n\n# H1\n`);
    expect(block.extraction.frontMatterError).toBe('the YAML front matter is nested more than 100 levels deep');
    const quoted = doc(`---\ntitle: "${'['.repeat(500)}"\nnote: '${'{'.repeat(500)}'\n---\n\n# H1\n`);
    expect(quoted.extraction.frontMatterError).toBeNull();
    expect(quoted.roadmap.frontMatter?.data?.['title']).toBe('['.repeat(500));
  });

  it('a deeply nested YAML after one that does not parse: no fatal error in the parser (it took V8 down once)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '---\ntitle: [unclosed\n: : :\n---\n# T\n');
    writeFileSync(join(dir, 'b.md'), `---\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n# T\n`);
    const r = cli(['lint', '--no-config', '--format', 'compact', 'a.md', 'b.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'a.md:1:1: error front-matter The YAML front matter does not parse: Flow sequence in block collection must be sufficiently indented and end with a ] (the model keeps none of its data)',
      'b.md:1:1: error front-matter The YAML front matter is nested more than 100 levels deep (the model keeps none of its data)',
    ]);
  });
});

describe('GFM', () => {
  const apis = [
    '# APIs',
    '',
    '## Animals',
    '',
    'API | Description | Auth | HTTPS | CORS',
    '|:---|:---|:---|:---|:---|',
    '| [Cat Facts](https://cat.example/) | Daily cat facts | No | Yes | No |',
    '| [Dogs](https://dog.example/api) | Dog pictures, see [docs](https://dog.example/docs) | `apiKey` | Yes | Unknown |',
    '| No link here | text | No | No | No |',
    '| [Top](#animals) | back to the top | | | |',
    '',
  ].join('\n');

  it('a table row with a link is a resource: the first link, the Description cell, and named columns', () => {
    const d = doc(apis);
    const r = resources(d.roadmap);
    expect(r.map((x) => [x.title, x.description, x.columns])).toEqual([
      ['Cat Facts', 'Daily cat facts', { Description: 'Daily cat facts', Auth: 'No', HTTPS: 'Yes', CORS: 'No' }],
      ['Dogs', 'Dog pictures, see docs', { Description: 'Dog pictures, see docs', Auth: 'apiKey', HTTPS: 'Yes', CORS: 'Unknown' }],
    ]);
    expect(r[1]!.descriptionLinks).toEqual([{ text: 'docs', url: 'https://dog.example/docs', host: 'dog.example', line: 8, column: 55 }]);
    expect(d.roadmap.internalLinks.map((l) => l.target)).toEqual(['#animals']);
    expect(d.extraction.issues).toEqual([]);
    expect(d.schemaErrors).toEqual([]);
  });

  it('the CSV gets one column per table header after the fixed ones', () => {
    const rows = parseCsv(emitCsv(doc(apis).roadmap), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row['title'], row['columns.Auth'], row['columns.CORS'], row['description_links']])).toEqual([
      ['Cat Facts', 'No', 'No', ''],
      ['Dogs', 'apiKey', 'Unknown', 'https://dog.example/docs'],
    ]);
  });

  it('a table without a Description header joins its other cells', () => {
    const d = doc('# T\n\n## S\n\n| Name | Author | Format |\n|---|---|---|\n| [Book](https://b.example/) | Ann | PDF |\n');
    expect(resources(d.roadmap).map((r) => r.description)).toEqual(['Ann | PDF']);
  });

  it('autolink literals and strikethrough', () => {
    const d = doc('# T\n\n## S\n\n* https://www.example.com/x\n* ~~[Gone](https://gone.example/)~~ - retired\n');
    expect(resources(d.roadmap).map((r) => [r.title, r.url, r.description])).toEqual([
      ['https://www.example.com/x', 'https://www.example.com/x', null],
      ['Gone', 'https://gone.example/', 'retired'],
    ]);
  });
});

describe('roadmap.sh topic files', () => {
  // Written for this test in the shape of roadmap.sh's content files: an H1, a paragraph, a list.
  const topic = [
    '# Message Queues',
    '',
    'A message queue lets services talk without waiting for each other.',
    '',
    'Visit the following resources to learn more:',
    '',
    '- [@official@RabbitMQ Tutorials](https://www.rabbitmq.com/tutorials)',
    '- [@article@Queues in Plain Words](https://blog.example/queues)',
    '- [@video@Queues in 100 Seconds](https://www.youtube.com/watch?v=abc)',
    '- [@feed@Explore top posts about Queues](https://app.daily.dev/tags/queues)',
    '- [@roadmap@Backend Roadmap](https://roadmap.sh/backend)',
    '- [@podcast@Queue Talk](https://pod.example/ep1)',
    '- [@opensource@queue-lib](https://github.com/example-org/queue-lib)',
    '- [@cheatsheet@Queue Cheats](https://cheat.example/)',
    '',
  ].join('\n');

  it('have one implicit section, markers read and stripped, the declared kind as kind and the inferred one kept', () => {
    const d = doc(topic, 'content/message-queues@abc123.md');
    expect(d.roadmap.title).toBe('Message Queues');
    expect(d.roadmap.description).toBe('A message queue lets services talk without waiting for each other.\n\nVisit the following resources to learn more:');
    expect(d.roadmap.sections).toHaveLength(1);
    const [section] = d.roadmap.sections;
    expect([section!.title, section!.slug, section!.implicit, section!.depth, section!.line]).toEqual(['Message Queues', 'message-queues', true, 1, 1]);
    expect(resources(d.roadmap).map((r) => [r.title, r.declaredKind, r.kind, r.inferredKind])).toEqual([
      ['RabbitMQ Tutorials', 'official', 'official', 'official'],
      ['Queues in Plain Words', 'article', 'article', 'article'],
      ['Queues in 100 Seconds', 'video', 'video', 'video'],
      ['Explore top posts about Queues', 'feed', 'feed', 'article'],
      ['Backend Roadmap', 'roadmap', 'roadmap', 'article'],
      ['Queue Talk', 'podcast', 'podcast', 'article'],
      ['queue-lib', 'opensource', 'opensource', 'opensource'],
      ['Queue Cheats', 'cheatsheet', 'article', 'article'],
    ]);
    expect(d.extraction.issues).toEqual([]);
    expect(d.schemaErrors).toEqual([]);
  });

  it('without an H1 the file name is the title, and a paragraph first line is the description', () => {
    const d = doc('Dotenv Package\n \nLoads variables from a file.\n\n- [@official@Docs](https://www.npmjs.com/package/dotenv)\n', 'content/dotenv-package@x1.md');
    expect([d.roadmap.title, d.roadmap.titleSource, d.roadmap.sections[0]!.implicit, d.roadmap.counts.resources]).toEqual(['dotenv-package@x1', 'file', true, 1]);
  });
});

describe('HTML in headings and anchors', () => {
  it('titles, slugs and CSV cells carry plain text; id and name attributes are anchors', () => {
    const d = doc('# <a id="top"></a>Awesome <b>List</b>\n\n## <a name="web"></a>Web <img src="x.png" alt=""> Frameworks\n\n* [Flask](https://flask.example/)\n\n<div id="footer"></div>\n');
    expect(d.roadmap.title).toBe('Awesome List');
    expect(d.roadmap.sections.map((s) => [s.title, s.slug])).toEqual([['Web Frameworks', 'web-frameworks']]);
    expect([...d.extraction.anchors].sort()).toEqual(['awesome-list', 'footer', 'top', 'web', 'web-frameworks']);
    expect(emitCsv(d.roadmap)).toContain(',Web Frameworks,');
  });

  it('raw HTML never reaches the text fields', () => {
    const d = doc('# T\n\n<b>Intro</b> text.\n\n## S\n\n* [<i>Lib</i>](https://lib.example/) - A <code>fast</code> lib.<br>Really.\n* Note with <span>html</span>\n');
    expect(d.roadmap.description).toBe('Intro text.');
    expect(resources(d.roadmap).map((r) => [r.title, r.description])).toEqual([['Lib', 'A fast lib. Really.']]);
    expect(d.roadmap.sections[0]!.notes.map((n) => n.text)).toEqual(['Note with html']);
  });
});

describe('descriptions keep their links', () => {
  it('a link after prose is a description link, not a resource', () => {
    const d = doc('# T\n\n## Clients\n\n- [httpx2](https://github.com/example/httpx2) - HTTP/2 client ([httpx](https://github.com/example/httpx) fork).\n');
    expect(resources(d.roadmap).map((r) => [r.title, r.description, r.descriptionLinks.map((l) => [l.text, l.url, l.line, l.column])])).toEqual([
      ['httpx2', 'HTTP/2 client (httpx fork).', [['httpx', 'https://github.com/example/httpx', 5, 64]]],
    ]);
    expect(d.roadmap.counts.descriptionLinks).toBe(1);
  });

  it('book formats after the author are description links', () => {
    const d = doc('# T\n\n## Go\n\n* [Go Book](https://go.example/) - Ann Author ([HTML](https://go.example/html), [PDF](https://go.example/pdf), [Kindle](https://go.example/k))\n');
    const [r] = resources(d.roadmap);
    expect(resources(d.roadmap)).toHaveLength(1);
    expect(r!.description).toBe('Ann Author (HTML, PDF, Kindle)');
    expect(r!.descriptionLinks.map((l) => l.text)).toEqual(['HTML', 'PDF', 'Kindle']);
  });

  it.each([
    ['|', '* **Node.js**: [Express](https://e.example/) | [Nest](https://n.example/)'],
    [',', '* [Express](https://e.example/), [Nest](https://n.example/)'],
    ['/', '* [Express](https://e.example/) / [Nest](https://n.example/)'],
    ['and', '* [Express](https://e.example/) and [Nest](https://n.example/)'],
  ])('links joined only by %s are all resources', (_sep, item) => {
    const d = doc(`# T\n\n## S\n\n${item}\n`);
    expect(resources(d.roadmap).map((r) => r.title)).toEqual(['Express', 'Nest']);
    expect(d.roadmap.counts.descriptionLinks).toBe(0);
  });
});

describe('no recursion the input controls', () => {
  const link = '[a](https://a.example/)';

  it('- ×1,500 and a link on one line: refused by maxNesting, and with the limit raised, processed and emitted', () => {
    const text = `# T\n\n## S\n\n${'- '.repeat(1500)}${link}\n`;
    expect(() => doc(text)).toThrow(/nested 1,500 levels deep.*maxNesting/u);
    const d = processRoadmap(text, { path: 'deep.md', limits: { maxNesting: 100_000 } });
    expect(validateRoadmap(d.roadmap)).toEqual([]);
    expect(resources(d.roadmap).map((r) => r.url)).toEqual(['https://a.example/']);
    expect(emitCsv(d.roadmap)).toContain('https://a.example/');
    expect(emitMarkdown(d)).toContain(link);
  });

  it('> ×10,000: with the nesting limit raised, a model or a clean refusal naming the file; never a stack overflow', () => {
    let outcome: string;
    try {
      const d = processRoadmap(`# T\n\n## S\n\n${'>'.repeat(10000)} ${link}\n`, { path: 'deep.md', limits: { maxNesting: 100_000 } });
      outcome = `model with ${d.extraction.issues.length} issue`;
      emitJson(d.roadmap);
      emitMarkdown(d);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      outcome = (error as InputError).message;
    }
    expect(outcome).toMatch(/^(model with 1 issue|deep\.md: nested too deeply)/u);
  });

  it('emphasis nested 5,000 deep around a link: extracted and emitted without recursion', () => {
    // Built directly: micromark itself takes half a minute to parse `**` ×5,000 (bounded in the parser).
    let inner: PhrasingContent = { type: 'link', url: 'https://a.example/', children: [{ type: 'text', value: 'a' }] };
    for (let i = 0; i < 5000; i++) inner = { type: i % 2 ? 'strong' : 'emphasis', children: [inner] };
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [{ type: 'text', value: 'T' }] },
        { type: 'heading', depth: 2, children: [{ type: 'text', value: 'S' }] },
        { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [inner] }] }] },
      ],
    };
    const { roadmap } = extractRoadmap(tree, { document: 'deep', source: 'deep.md' });
    expect(resources(roadmap).map((r) => [r.title, r.url])).toEqual([['a', 'https://a.example/']]);
    expect(validateRoadmap(roadmap)).toEqual([]);
    expect(emitCsv(roadmap)).toContain('https://a.example/');
  });
});

describe('URLs that the URL parser refuses', () => {
  it('a definition with a no-break space before its URL (commander 7.2.0 CHANGELOG.md) is read, not a crash', () => {
    const d = doc('# T\n\n## S\n\n* [#1149] nested commands\n* [Docs][d]\n\n[#1149]:\u00a0https://github.com/example/commander/pull/1149\n[d]: <https://exa mple.com/>\n');
    expect(resources(d.roadmap).map((r) => [r.title, r.url, r.host])).toEqual([
      ['#1149', '\u00a0https://github.com/example/commander/pull/1149', null],
      ['Docs', 'https://exa mple.com/', null],
    ]);
    expect(d.schemaErrors).toEqual([]);
  });
});

describe('nodes a parser extension makes without a position', () => {
  it('a GFM autolink literal found by the text transform gets its place, for the model and for findings', async () => {
    const { lintRoadmap } = await import('../../src/index.js');
    // Three more resources, so that the document is a resource list stray-link judges, and the
    // prose after the list, where it reports.
    const text = '# T\n\n## S\n\n* See www.…`\n* [A](https://a.example/)\n* [B](https://b.example/)\n* [C](https://c.example/)\n\nRead (www.…` and more) first.\n';
    const d = doc(text);
    expect(d.extraction.issues.map((i) => [i.ruleId, i.node.position?.start.line, i.node.position?.start.column])).toEqual([['stray-link', 10, 7]]);
    expect(resources(d.roadmap).map((r) => [r.url, r.line, r.column])[0]).toEqual(['http://www.…`', 5, 7]);
    const findings = await lintRoadmap(text);
    expect(findings.filter((f) => f.ruleId === 'stray-link').map((f) => f.start.line)).toEqual([10]);
  });
});
