import { describe, expect, it } from 'vitest';
import { lintRoadmap } from '../../src/index.js';
import { getDefaultRegistry } from '../../src/policy/registry.js';
import { claimsToBeOfficial } from '../../src/rules/official-claim.js';
import { doc, findingsOf, placesOf } from './harness.js';

describe('official-claim', () => {
  it('reports a link that calls itself official on a host that is not', async () => {
    const source = doc('[Python Official Docs](https://w3schools.example/python/)');
    expect(await placesOf('official-claim', source)).toEqual(['5:3 claimsOfficial']);
    expect((await findingsOf('official-claim', source))[0]!.message).toBe(
      '"Python Official Docs" reads as official Python documentation, but w3schools.example is not an official source',
    );
  });

  it('reports an @official@ marker on a host that is not official', async () => {
    expect(await placesOf('official-claim', doc('[@official@Git Documentation](https://git-tutorial.example/)'))).toEqual(['5:3 markedOfficial']);
  });

  it('passes true claims', async () => {
    expect(await placesOf('official-claim', doc('[Python Official Docs](https://docs.python.org/3/)', '[@official@Git Documentation](https://git-scm.com/doc)'))).toEqual([]);
  });

  it('reports a link that claims to be official on a host that is not official for its technology', async () => {
    const f = await lintRoadmap('# T\n\n## S\n\n* [Python Official Docs](https://w3schools.com/python/)\n* [Node.js Official Docs](https://expressjs.com/)\n* **Python**: [Flask Docs](https://flask.palletsprojects.com/)\n* **Python**: [A blog](https://blog.example/)\n');
    expect(f.filter((x) => x.ruleId === 'official-claim').map((x) => x.message)).toEqual([
      '"Python Official Docs" reads as official Python documentation, but w3schools.com is not an official source',
      '"Node.js Official Docs" reads as official Node.js documentation, but expressjs.com is official for Express only',
    ]);
  });

  it('takes no group label for a claim: third-party packages filed under a technology (awesome-python)', async () => {
    const doc = [
      '# Awesome Python',
      '',
      '## Web Frameworks',
      '',
      '- Django',
      '  - [django-rest-framework](https://github.com/encode/django-rest-framework) - Web APIs for Django.',
      '  - [django-ninja](https://github.com/vitalik/django-ninja) - Fast Django REST framework.',
      '- Flask',
      '  - [apiflask](https://github.com/apiflask/apiflask) - Web APIs with Flask.',
      '',
      '## Database Drivers',
      '',
      '- MySQL',
      '  - [pymysql](https://github.com/PyMySQL/PyMySQL) - A pure Python MySQL driver.',
      '',
    ].join('\n');
    const f = await lintRoadmap(doc);
    expect(f.filter((x) => x.ruleId === 'official-claim')).toEqual([]);
  });

  it('judges book-list claims by the technology they name (free-programming-books)', async () => {
    const doc = [
      '# Free Programming Books',
      '',
      '## Django',
      '',
      '* [Django Official Documentation](https://media.readthedocs.org/pdf/django/1.5.x/django.pdf) (PDF) (1.5)',
      '* [Django Official Documentation](https://buildmedia.readthedocs.org/media/pdf/django/4.0.x/django.pdf) (PDF) (4.0)',
      '* [AutoHotkey Official Documentation](https://www.autohotkey.com/docs/)',
      '* [The Official Raspberry Pi Handbook 2023](https://magpi.raspberrypi.com/books/handbook-2023) (PDF)',
      '* [Valorant (non-official)](https://valorant-api.com/)',
      '* [Unofficial Python Documentation](https://python-docs.example/)',
      '* [Django Reference](https://django-mirror.example/ref/)',
      '',
    ].join('\n');
    const f = (await lintRoadmap(doc)).filter((x) => x.ruleId === 'official-claim');
    expect(f.map((x) => [x.start.line, x.message])).toEqual([
      [11, '"Django Reference" reads as official Django documentation, but django-mirror.example is not an official source'],
    ]);
  });

  it('reads a documentation word as a claim only after a technology\'s name, at the end of the title (book lists)', async () => {
    const source = [
      '# Free Programming Books',
      '',
      '## Books',
      '',
      '* [Kotlin Quick Reference](https://kotlin-quick-reference.com) - Alvin Alexander (HTML)',
      '* [Maven: The Complete Reference](https://books.sonatype.com/mvnref-book/reference/public-book.html) - Sonatype, Inc. (HTML, PDF)',
      '* [PHP Reference: Beginner to Intermediate PHP5](https://phpreferencebook.com) - Mario Lurig (PDF)',
      '* [Clojure community-driven documentation](http://clojure-doc.org) (HTML)',
      '* [Beanshell Simple Java Scripting Manual](http://www.beanshell.org/manual/contents.html) (HTML)',
      '* [The GNU C Reference Manual](https://www.gnu.org/software/gnu-c-manual/gnu-c-manual.html) (HTML)',
      '* [Zig Language Reference](https://devdocs.io/zig/) (HTML)',
      '* [The Ruby Reference](https://rubyreferences.github.io/rubyref/) (HTML)',
      '',
    ].join('\n');
    expect(await placesOf('official-claim', source)).toEqual(['11:3 claimsOfficial', '12:3 claimsOfficial']);
    const registry = getDefaultRegistry();
    expect(['Redis Docs', 'Python Official Docs', 'MDN Web Docs', 'Zig Language Reference (0.11)', 'Python 3 Documentation'].map((t) => claimsToBeOfficial(t, registry))).toEqual([true, true, true, true, true]);
    expect(['Python 2.7 quick reference', 'Ubuntu Pocket Guide and Reference', 'Databricks Spark Reference Applications'].map((t) => claimsToBeOfficial(t, registry))).toEqual([false, false, false]);
  });

  it('reports only @official@ in a roadmap.sh topic file, judged against the topic its H1 names', async () => {
    const source = [
      '# Testing',
      '',
      'Testing checks that code does what it should. Jest and Vitest are the usual runners.',
      '',
      'Visit the following resources to learn more:',
      '',
      '- [@official@Jest](https://jest.io)',
      '- [@official@Vitest Guide](https://vitest.dev/guide/)',
      '- [@article@The Jest Reference](https://jest-cheatsheet.example/)',
      '- [@official@Visit Dedicated PHP Roadmap](https://roadmap.sh/php)',
      '',
    ].join('\n');
    expect(await placesOf('official-claim', source)).toEqual(['7:3 markedOfficial', '10:3 markedOfficial']);
  });

  it('counts a group label as a claim only when asked', async () => {
    const f = await lintRoadmap('# T\n\n## S\n\n* **Python**: [A blog](https://blog.example/)\n* **Python**: [Heroku guide](https://devcenter.heroku.com/articles/python)\n', {
      rules: { 'official-claim': ['error', { groupLabels: true }] },
    });
    expect(f.filter((x) => x.ruleId === 'official-claim').map((x) => x.message)).toEqual([
      '"A blog" is listed under "Python", but blog.example is not an official source, not for Python',
    ]);
  });
});

describe('claimsToBeOfficial, with its ASCII shortcuts', () => {
  // The function as it was before the shortcuts ("official", then a docs word, looked for in
  // ASCII first): the shortcuts must never change an answer.
  const OFFICIAL = /(?<![\p{L}\p{N}_-])official(?![\p{L}\p{N}_])/iu;
  const DISCLAIMS = /\b(?:not\s+(?:an?\s+)?official|unofficial|non-?official)\b/iu;
  const DOCS_WORDS = new Set(['doc', 'docs', 'documentation', 'reference', 'manual']);
  const BETWEEN = new Set(['official', 'language', 'api', 'standard', 'library', 'user', "user's", 'online', 'web', 'reference', 'developer', 'developers']);
  const VERSION = /^v?\d+(?:\.[\dx]+)*$/iu;
  const PUNCTUATION = /^[.!:;,–—-]+$/u;
  const registry = getDefaultRegistry();
  const reference = (title: string): boolean => {
    if (DISCLAIMS.test(title)) return false;
    if (OFFICIAL.test(title)) return true;
    const words = title.replace(/\([^()]*\)/gu, ' ').split(/[\s:–—]+/u).filter((w) => w !== '' && !PUNCTUATION.test(w));
    while (words.length > 0 && VERSION.test(words[words.length - 1]!)) words.pop();
    if (words.length < 2 || !DOCS_WORDS.has(words[words.length - 1]!.toLowerCase())) return false;
    words.pop();
    while (words.length > 0 && (BETWEEN.has(words[words.length - 1]!.toLowerCase()) || VERSION.test(words[words.length - 1]!))) words.pop();
    for (let k = Math.min(4, words.length); k >= 1; k--) if (registry.technologyNamed(words.slice(-k).join(' ')) !== undefined) return true;
    return false;
  };

  it('answers as before on generated titles of names, docs words, "official" and their look-alikes', async () => {
    const fc = (await import('fast-check')).default;
    const word = fc.constantFrom(
      'Python', 'Node.js', 'Go', 'Rust', 'C#', 'Official', 'OFFICIAL', 'official', 'unofficial', 'not', 'an', 'Non-official', 'Offİcial',
      'Docs', 'DOC', 'Documentation', 'documentatİon', 'Reference', 'REFERENCE', 'Manual', 'manuals', 'Language', 'API', 'Web', 'User',
      '3.12', 'v2', '(PDF)', '(中文版)', ':', '—', '–', '-', '.', 'the', 'K', 'ſ', 'Ⅾocs', 'ｄocs', 'Guide', 'MDN',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.constantFrom(' ', '  ', ': ', ' — '), (words, sep) => {
        const title = words.join(sep);
        expect(claimsToBeOfficial(title, registry)).toBe(reference(title));
      }),
      { numRuns: 5000, seed: 20261124 },
    );
  });

  it('reads "official" as a word exactly as the Unicode expression did, whatever touches it', async () => {
    const fc = (await import('fast-check')).default;
    // Letters and numbers inside and outside the BMP, marks, joiners and the characters the word
    // test names, right against the word.
    const piece = fc.constantFrom(
      'official', 'OFFICIAL', 'Official', 'offic', 'ial', '_', '-', 'x', '7', ' ', '.', '/', 'é', 'ß', 'İ', 'ı', '٣', 'Ⅻ', '𝐀', '𝟙', '😀',
      '\u0301', '\u200d', '\ud835', '\udc00', 'K', 'ſ', '中',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const title = pieces.join('');
        expect(claimsToBeOfficial(title, registry), JSON.stringify(title)).toBe(reference(title));
      }),
      { numRuns: 20000, seed: 20261124 },
    );
  });
});
