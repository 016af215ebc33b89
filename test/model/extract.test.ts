import type { Link, LinkReference } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { emitCsv } from '../../src/emit/csv.js';
import { emitJson } from '../../src/emit/json.js';
import { emitMarkdown, parseRoadmap, processRoadmap, validateRoadmap } from '../../src/index.js';
import type { Resource, Roadmap } from '../../src/model/types.js';
import { roadmapText } from '../helpers.js';

const resources = (r: Roadmap): Resource[] => r.sections.flatMap((s) => s.groups.flatMap((g) => g.resources));
const parse = (md: string): Roadmap => parseRoadmap(md, { path: 'test.md' });

describe('the backend roadmap (golden values)', () => {
  const doc = processRoadmap(roadmapText(), { path: 'content/backend-roadmap.md' });
  const model = doc.roadmap;

  it('has its title repaired', () => {
    expect(model.title).toBe('🖥 Backend Development Roadmap — Official Resources Only');
    expect(model.officialOnly).toBe(true);
  });

  it('has 10 numbered sections plus "How to Use This Roadmap"', () => {
    expect(model.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    expect(model.sections[10]).toMatchObject({ title: '✅ How to Use This Roadmap', depth: 3, slug: '-how-to-use-this-roadmap' });
    expect(model.sections[2]).toMatchObject({ number: 3, title: 'Databases', slug: '3-databases', depth: 2, intro: 'Learn both SQL and NoSQL:' });
  });

  it('has 39 resources, one per link in the document', () => {
    let links = 0;
    visit(doc.tree, (n) => {
      if (n.type === 'link' || n.type === 'linkReference') links++;
    });
    expect(links).toBe(39);
    expect(resources(model)).toHaveLength(39);
    expect(model.counts).toEqual({ sections: 11, numberedSections: 10, groups: 21, resources: 39, descriptionLinks: 0, notes: 3 });
    expect(doc.extraction.issues).toEqual([]);
  });

  it('reads the group labels', () => {
    const labels = new Set(model.sections.flatMap((s) => s.groups.map((g) => g.label)));
    for (const l of ['Relational (SQL)', 'NoSQL', 'Node.js', 'Python', 'Java', 'Udemy', 'Coursera', 'YouTube', 'MIT OpenCourseWare']) {
      expect(labels).toContain(l);
    }
    const s10 = model.sections[9]!;
    expect(s10.groups.map((g) => [g.label, g.resources.length])).toEqual([
      ['Udemy', 2],
      ['Coursera', 2],
      ['YouTube', 2],
      ['MIT OpenCourseWare', 1],
    ]);
  });

  it('keeps descriptions, labels and positions', () => {
    const rest = resources(model).find((r) => r.title === 'REST API Tutorial')!;
    expect(rest).toMatchObject({ url: 'https://restfulapi.net/', host: 'restfulapi.net', description: 'Principles of REST.', group: null, line: 43, column: 3 });
    const line54 = roadmapText().split('\n')[53]!;
    const express = resources(model).find((r) => r.title === 'Express Docs')!;
    expect(express).toMatchObject({ group: 'Node.js', line: 54, column: line54.indexOf('[Express') + 1 });
    const nest = resources(model).find((r) => r.title === 'NestJS Docs')!;
    expect(nest).toMatchObject({ group: 'Node.js', line: 54, column: line54.indexOf('[NestJS') + 1 });
    // Columns count in the repaired text: "â€”" before the link is one character there.
    const node = resources(model).find((r) => r.title === 'Node.js Official Docs')!;
    expect(node.column).toBe('* **JavaScript (Node.js)** — ['.length);
  });

  it('keeps the ordered "How to Use" steps as notes with their text', () => {
    expect(model.sections[10]!.notes).toEqual([
      { text: 'Pick one language + one framework and master it first.', ordinal: 1, line: 127 },
      { text: 'Learn databases & API fundamentals alongside.', ordinal: 2, line: 128 },
      { text: 'Gradually move to deployment, scaling, and security.', ordinal: 3, line: 129 },
    ]);
  });

  it('validates against the schema, and no output carries mojibake', () => {
    expect(validateRoadmap(model)).toEqual([]);
    for (const out of [emitJson(model), emitCsv(model), emitMarkdown(doc)]) expect(out).not.toMatch(/[âðŸ]/u);
  });

  it('parses its cleaned Markdown back to the identical model', () => {
    const again = processRoadmap(emitMarkdown(doc), { path: 'content/backend-roadmap.md' });
    expect(again.roadmap).toEqual(model);
    expect(again.repairs).toEqual([]);
  });
});

describe('every shape the extractor reads', () => {
  const md = (body: string): string => `# Title\n\n## 1. **Section**\n\n${body}\n`;

  it('numbered H2 sections, unnumbered headings and intros', () => {
    const m = parse('# T\n\nAbout this list.\n\n## 2) Two\n\nIntro one.\n\nIntro two.\n\n* [A](https://a.example/)\n\n### ✅ Unnumbered\n\n- note\n');
    expect(m.description).toBe('About this list.');
    expect(m.sections.map((s) => [s.number, s.title, s.depth, s.intro])).toEqual([
      [2, 'Two', 2, 'Intro one.\n\nIntro two.'],
      [null, '✅ Unnumbered', 3, null],
    ]);
  });

  it('plain link items', () => {
    const r = resources(parse(md('* [Docs](https://docs.example.com/x)')));
    expect(r).toMatchObject([{ title: 'Docs', url: 'https://docs.example.com/x', host: 'docs.example.com', description: null, group: null }]);
  });

  it('a link followed by a description', () => {
    const r = resources(parse(md('* [REST](https://rest.example/) — Principles of REST.')));
    expect(r[0]).toMatchObject({ title: 'REST', description: 'Principles of REST.' });
  });

  it('labelled items', () => {
    const r = resources(parse(md('* **Python** — [Python Docs](https://docs.python.org/3/)')));
    expect(r[0]).toMatchObject({ title: 'Python Docs', group: 'Python', description: null });
  });

  it('several links on one labelled line separated by |', () => {
    const m = parse(md('* **Node.js**: [Express](https://expressjs.com/) | [NestJS](https://docs.nestjs.com/)'));
    expect(m.sections[0]!.groups).toMatchObject([{ label: 'Node.js', resources: [{ title: 'Express' }, { title: 'NestJS' }] }]);
  });

  it('a bold label with a nested list', () => {
    const m = parse(md('* **Relational (SQL)**\n\n  * [PostgreSQL](https://www.postgresql.org/docs/)\n  * [MySQL](https://dev.mysql.com/doc/)\n* **Udemy**:\n\n  * [Course](https://www.udemy.com/course/x/)'));
    expect(m.sections[0]!.groups.map((g) => [g.label, g.resources.map((r) => r.title)])).toEqual([
      ['Relational (SQL)', ['PostgreSQL', 'MySQL']],
      ['Udemy', ['Course']],
    ]);
  });

  it('list items without links are notes', () => {
    const m = parse(md('1. Pick **one** language.\n2. Learn `SQL`.'));
    expect(m.sections[0]!.notes).toEqual([
      { text: 'Pick one language.', ordinal: 1, line: 5 },
      { text: 'Learn SQL.', ordinal: 2, line: 6 },
    ]);
  });

  it('thematic breaks are skipped', () => {
    const m = parse(md('* [A](https://a.example/)\n\n---\n\n* [B](https://b.example/)'));
    expect(resources(m).map((r) => r.title)).toEqual(['A', 'B']);
  });

  it('reference links, emphasised links and roadmap.sh markers', () => {
    const m = parse(md('* [Guide][g]\n* **[Bold](https://bold.example/)**\n* [@video@Talk](https://youtu.be/x)\n\n[g]: https://guide.example/'));
    expect(resources(m).map((r) => [r.title, r.url, r.declaredKind])).toEqual([
      ['Guide', 'https://guide.example/', null],
      ['Bold', 'https://bold.example/', null],
      ['Talk', 'https://youtu.be/x', 'video'],
    ]);
  });

  it('in-page anchors are internal links, not resources', () => {
    const m = parse('# T\n\n* [Databases](#databases)\n\n## Databases\n\n* [PG](https://www.postgresql.org/)\n');
    expect(m.internalLinks).toEqual([{ text: 'Databases', target: '#databases', line: 3, column: 3 }]);
    expect(resources(m)).toHaveLength(1);
  });
});

describe('nothing is lost', () => {
  const unusual = [
    '# Title with [a link](https://h1.example/)',
    '',
    'Intro with [a link](https://intro.example/) in prose.',
    '',
    '## 1. Section [linked](https://heading.example/)',
    '',
    '> Quoted [link](https://quote.example/)',
    '',
    '| a | b |',
    '|---|---|',
    '| [cell](https://cell.example/) | x |',
    '',
    '* [Kept](https://kept.example/)',
    '',
    '  A second paragraph with [another](https://second.example/).',
    '* <a href="https://html.example/">html</a>',
    '*     code block with [no link](https://code.example/)',
    '',
    'After the list, [more](https://after.example/).',
    '',
  ].join('\n');

  it('accounts for every link: as a resource, or as an issue naming its line', () => {
    const doc = processRoadmap(unusual, { path: 'unusual.md' });
    const links: (Link | LinkReference)[] = [];
    visit(doc.tree, (n) => {
      if (n.type === 'link' || n.type === 'linkReference') links.push(n as Link);
    });
    const inModel = resources(doc.roadmap).length + doc.roadmap.internalLinks.length + doc.roadmap.counts.descriptionLinks;
    expect(inModel + doc.extraction.issues.length).toBe(links.length);
    expect(resources(doc.roadmap).map((r) => r.url)).toEqual(['https://cell.example/', 'https://kept.example/']);
    expect(doc.extraction.issues.map((i) => [i.ruleId, i.node.position?.start.line])).toEqual([
      ['stray-link', 1],
      ['stray-link', 3],
      ['stray-link', 5],
      ['stray-link', 7],
      ['unrecognized-item', 15],
      ['stray-link', 19],
    ]);
    expect(doc.extraction.issues[4]!.data.url).toBe('https://second.example/');
  });

  it('reports links in a list before the first section, and keeps no empty groups', () => {
    const doc = processRoadmap('# T\n\n* [Badge](https://badge.example/)\n* [Contents](#s)\n\n## S\n\n* **Label**:\n  * just a note\n* [A](https://a.example/)\n', { path: 'x.md' });
    expect(doc.extraction.issues.map((i) => [i.ruleId, i.node.position?.start.line])).toEqual([['stray-link', 3]]);
    expect(doc.extraction.issues[0]!.messageId).toBe('beforeFirstSection');
    expect(doc.roadmap.internalLinks).toHaveLength(1);
    expect(doc.roadmap.sections[0]!.groups.map((g) => g.label)).toEqual([null]);
    expect(doc.roadmap.sections[0]!.notes.map((n) => n.text)).toEqual(['just a note']);
  });

  it('also on the roadmap with its links moved into prose', () => {
    const text = roadmapText().replace('* [REST API Tutorial]', 'See [REST API Tutorial]');
    const doc = processRoadmap(text, { path: 'x.md' });
    expect(resources(doc.roadmap)).toHaveLength(38);
    expect(doc.extraction.issues).toHaveLength(1);
    expect(doc.extraction.issues[0]!.node.position?.start.line).toBe(43);
  });
});
