import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Link, LinkReference, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { processRoadmap } from '../../src/index.js';
import { resourcesOf } from '../../src/model/walk.js';
import { walk, type TreeNode } from '../../src/util/tree.js';
import { ROOT } from '../helpers.js';

const LISTS = join(ROOT, '..', 'shared', 'corpus', 'lists');
const present = existsSync(LISTS);
const lists = present ? readdirSync(LISTS).filter((f) => f.endsWith('.md')).sort() : [];

describe.skipIf(!present)('the real-world report over ../shared/corpus/lists', () => {
  it('pins links, resources, description links, findings per rule and refusals (explain a change in the commit that makes it)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/realworld.js'), '--json', LISTS], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const documents = (JSON.parse(r.stdout) as { document: string; ms: number }[]).map(({ ms, ...d }) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      return { ...d, document: basename(d.document) };
    });
    expect(documents).toEqual(JSON.parse(readFileSync(join(ROOT, 'test/realworld/lists.json'), 'utf8')));
  }, 300_000);

  it('prints a readable report with totals, and exits 2 on a missing folder', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/realworld.js'), join(LISTS, 'free-programming-books-de.md')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/free-programming-books-de\.md\n {2}links 132, resources 91, description links 2, internal links 39, sections 40, title from heading, \d+ ms\n {2}findings: duplicate-link 1, /u);
    expect(r.stdout).toMatch(/1 documents: links 132, resources 91, description links 2, refusals 0, \d+ ms\nfindings: /u);
    const missing = spawnSync(process.execPath, [join(ROOT, 'scripts/realworld.js'), join(LISTS, 'nope')], { cwd: ROOT, encoding: 'utf8' });
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('no such file or directory')]);
  }, 120_000);

  /**
   * An oracle apart from the extractor: the resources of a list item are its first link and the
   * links joined to it only by separators; of a table row, its first link. Nothing else.
   */
  it.each(lists)('%s: resources are exactly the leading links of items and table rows', (file) => {
    const doc = processRoadmap(readFileSync(join(LISTS, file), 'utf8'), { path: file });
    const urlOf = (n: Link | LinkReference): string =>
      n.type === 'link' ? n.url : findDefinition(doc.tree as TreeNode, n.identifier);
    const expected: (Link | LinkReference)[] = [];
    walk(doc.tree as TreeNode, (node) => {
      if (node.type === 'listItem') {
        const first = node.children?.[0];
        if (first?.type !== 'paragraph') return undefined;
        const links: { link: Link | LinkReference; before: string }[] = [];
        let text = '';
        walk(first, (n) => {
          if (n.type === 'link' || n.type === 'linkReference') {
            links.push({ link: n as Link, before: text });
            text = '';
            return 'skip';
          }
          if (n.type === 'text' || n.type === 'inlineCode') text += String(n.value);
          return undefined;
        });
        for (const [i, { link, before }] of links.entries()) {
          if (i > 0 && !/^[\s|,/]*(?:and[\s|,/]*)?$/iu.test(before)) break;
          expected.push(link);
        }
      } else if (node.type === 'table') {
        for (const row of (node as Table).children.slice(1)) {
          let lead: Link | LinkReference | null = null;
          walk(row as TreeNode, (n) => {
            if (lead) return 'skip';
            if ((n.type === 'link' || n.type === 'linkReference') && !urlOf(n as Link).startsWith('#')) lead = n as Link;
            return undefined;
          });
          if (lead) expected.push(lead);
        }
      }
      return undefined;
    });
    const external = expected.filter((l) => !urlOf(l).startsWith('#'));
    const actual = [...resourcesOf(doc.roadmap)].map(({ resource }) => doc.extraction.resourceNodes.get(resource)!);
    // A leading link before the first section heading is reported as stray instead.
    const stray = new Set(doc.extraction.issues.filter((i) => i.messageId === 'beforeFirstSection').map((i) => i.node));
    expect(actual).toEqual(external.filter((l) => !stray.has(l)));
    if (file === 'public-apis.md') {
      let rows = 0;
      walk(doc.tree as TreeNode, (n) => {
        if (n.type !== 'table') return undefined;
        for (const row of (n as Table).children.slice(1)) {
          let hasLink = false;
          walk(row as TreeNode, (c) => void (hasLink ||= c.type === 'link'));
          if (hasLink) rows++;
        }
        return 'skip';
      });
      const fromTables = [...resourcesOf(doc.roadmap)].filter(({ resource }) => resource.columns !== null);
      expect(fromTables.length).toBe(rows);
      expect(rows).toBeGreaterThan(1400);
    }
  }, 120_000);
});

function findDefinition(tree: TreeNode, identifier: string): string {
  let url = '';
  walk(tree, (n) => {
    if (n.type === 'definition' && (n as unknown as { identifier: string }).identifier.toLowerCase() === identifier.toLowerCase() && !url) {
      url = (n as unknown as { url: string }).url;
    }
    return undefined;
  });
  return url;
}

if (!present) describe.skip('the real-world report: ../shared/corpus/lists is not beside the project, so it is skipped', () => {});
