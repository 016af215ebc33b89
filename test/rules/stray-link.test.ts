import { describe, expect, it } from 'vitest';
import { lintRoadmap, processRoadmap } from '../../src/index.js';
import { packageReadmes, sharedCorpus } from '../helpers.js';
import { findingsOf, placesOf } from './harness.js';

/** A list of `n` resources under one section, with `prose` after it in the same section (on line n + 6). */
const listWith = (prose: string, n: number): string =>
  `# Roadmap\n\n## 1. Basics\n\n${Array.from({ length: n }, (_, i) => `* [R${i}](https://r${i}.example/)`).join('\n')}\n\n${prose}\n`;

describe('stray-link', () => {
  it('reports a link outside the lists, and one before the first section', async () => {
    const source = '# T\n\n* [Badge](https://badge.example/)\n\n## 1. S\n\n* [A](https://a.example/)\n* [B](https://b.example/)\n* [C](https://c.example/)\n\nRead [the guide](https://guide.example/).\n';
    expect(await placesOf('stray-link', source)).toEqual(['3:3 beforeFirstSection', '11:6 outsideList']);
    const [, prose] = await findingsOf('stray-link', source);
    expect(prose!.message).toBe('Link "the guide" (https://guide.example/) is outside any resource list: a link in a paragraph');
  });

  it('passes a document whose links are all in lists', async () => {
    expect(await placesOf('stray-link', '# T\n\n## 1. S\n\n* [A](https://a.example/)\n')).toEqual([]);
  });

  it('judges a document whose list items hold three of every four links to other sites, and no other', async () => {
    const two = 'See [one](https://one.example/) and [two](https://two.example/).';
    expect(await placesOf('stray-link', listWith(two, 6))).toEqual(['12:5 outsideList', '12:37 outsideList']);
    expect(await placesOf('stray-link', listWith(two, 5))).toEqual([]);
    // Relative links and addresses are not counted against the list, nor reported.
    const local = 'See [the guide](docs/guide.md), [us](mailto:a@b.example) and [one](https://one.example/).';
    expect(await placesOf('stray-link', listWith(local, 3))).toEqual(['9:62 outsideList']);
  });

  it('counts and reports links to other sites only: http, https and protocol-relative, in any case', async () => {
    const offSite = 'See [a](//a.example/x), [us](mailto:us@b.example) and [c](HTTPS://C.example/).';
    expect(await placesOf('stray-link', listWith(offSite, 6))).toEqual(['12:5 outsideList', '12:55 outsideList']);
    // A list of relative links does not make a resource list of a README.
    const readme = '# tool\n\n## Docs\n\nMore on [the site](https://tool.example/).\n\n* [Guide](guide.md)\n* [API](api.md)\n* [FAQ](faq.md)\n';
    expect(await placesOf('stray-link', readme)).toEqual([]);
  });

  it('says nothing of a list before the first heading when no section lists resources', async () => {
    const nav = '# tool\n\n* [Site](https://tool.example/)\n* [Chat](https://chat.example/)\n* [Blog](https://blog.example/)\n\n## Install\n\nRun it.\n';
    expect(await placesOf('stray-link', nav)).toEqual([]);
    expect(await placesOf('stray-link', `${nav}\n## Links\n\n* [Docs](https://docs.example/)\n`)).toEqual(['3:3 beforeFirstSection', '4:3 beforeFirstSection', '5:3 beforeFirstSection']);
  });

  it('in a document with no section headings, judges from its first list on, not the description', async () => {
    const topic = [
      '# C#',
      '',
      'Used for [ASP.NET](https://dotnet.microsoft.com/apps/aspnet) web development.',
      '',
      'Visit the following resources to learn more:',
      '',
      '- [@official@C# Tour](https://learn.microsoft.com/en-us/dotnet/csharp/tour-of-csharp/)',
      '- [@course@C# Learning Path](https://learn.microsoft.com/en-us/training/paths/csharp-first-steps/)',
      '- [@video@Learn C#](https://www.youtube.com/watch?v=YrtFtdTTfv0)',
      '- [@article@C# docs](https://learn.microsoft.com/en-us/dotnet/csharp/)',
      '- [@article@C# guide](https://learn.microsoft.com/en-us/dotnet/csharp/fundamentals/)',
      '- [@opensource@Roslyn](https://github.com/dotnet/roslyn)',
      '',
      'Also see [the spec](https://learn.microsoft.com/en-us/dotnet/csharp/language-reference/).',
      '',
    ].join('\n');
    expect(processRoadmap(topic).roadmap.sections.map((s) => s.implicit)).toEqual([true]);
    // Six links in the list against two outside it: a resource list.
    expect(await placesOf('stray-link', topic)).toEqual(['14:10 outsideList']);
  });

  it('leaves the matter before and after the list alone, section introductions, and linked headings', async () => {
    const source = [
      '# Roadmap',
      '',
      'By [the team](https://team.example/), sponsored by [Example](https://sponsor.example/).',
      '',
      '## Contents',
      '',
      'Jump to [Basics](#1-basics).',
      '',
      '## 1. Basics',
      '',
      // Twenty-two resources: the seven links outside the lists are fewer than one in four.
      ...Array.from({ length: 11 }, (_, i) => `* [A${i}](https://a${i}.example/)`),
      '',
      '## 2. [Web](https://web.example/)',
      '',
      '*See also [awesome-web](https://awesome-web.example/).*',
      '',
      ...Array.from({ length: 11 }, (_, i) => `* [B${i}](https://b${i}.example/)`),
      '',
      'Also read [this](https://this.example/).',
      '',
      '## Contributing',
      '',
      'Read [the guidelines](https://github.com/example/list/blob/main/CONTRIBUTING.md) and [follow us](https://social.example/).',
      '',
    ].join('\n');
    expect(await placesOf('stray-link', source)).toEqual(['39:11 outsideList']);
  });

  it('on the shared lists, reports nothing as they stand, and a prose link put among their resources', async () => {
    const lists = sharedCorpus();
    expect(lists.length).toBeGreaterThanOrEqual(7);
    for (const { name, text } of lists) {
      const strays = async (t: string) => (await lintRoadmap(t, { path: name, rules: { 'stray-link': 'warn' } })).filter((f) => f.ruleId === 'stray-link');
      // Before this rule looked at the document's shape: 22 findings, all on titles, badges,
      // sponsor blurbs, "See also" introductions, contributing and licence sections.
      expect(await strays(text), name).toEqual([]);
      // A paragraph with a link after the first list of the middle section that lists resources.
      const sections = processRoadmap(text, { path: name }).roadmap.sections.filter((s) => s.groups.length > 0);
      if (sections.length < 3) continue;
      const section = sections[Math.floor(sections.length / 2)]!;
      const lines = text.split('\n');
      let at = section.groups[0]!.line; // 1-based: the group's first line; find the end of its list
      while (at < lines.length && lines[at]!.trim() !== '' && !lines[at]!.startsWith('#')) at++;
      lines.splice(at, 0, '', 'Also try [Stray Tool](https://stray-tool.example/).', '');
      const found = await strays(lines.join('\n'));
      expect(found.map((f) => [f.start.line, f.messageId]), name).toEqual([[at + 2, 'outsideList']]);
    }
  });

  it('says nothing on most READMEs of the installed packages, which are prose', async () => {
    const readmes = packageReadmes();
    expect(readmes.length).toBeGreaterThan(200);
    let judged = 0;
    for (const { name, text } of readmes) {
      let findings;
      try {
        findings = await lintRoadmap(text, { path: `${name}/README.md`, rules: { 'stray-link': 'warn' } });
      } catch {
        continue; // a README refused as input (a limit): not this rule's business
      }
      if (findings.some((f) => f.ruleId === 'stray-link')) judged++;
    }
    // Before the rule looked at the document's shape, it reported on most of them.
    expect(judged / readmes.length).toBeLessThan(0.05);
  }, 120_000);
});
