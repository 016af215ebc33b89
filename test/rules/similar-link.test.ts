import { describe, expect, it } from 'vitest';
import { differOnlyInVersion, normalizeTitle } from '../../src/rules/similar-link.js';
import { doc, findingsOf, placesOf } from './harness.js';

describe('similar-link', () => {
  it('reports the same title on the same host with another URL, pointing at the first', async () => {
    const source = doc('[Redis Docs](https://redis.io/documentation)', '[Redis docs](https://redis.io/docs/)');
    expect(await placesOf('similar-link', source)).toEqual(['6:3 similar']);
    expect((await findingsOf('similar-link', source))[0]!.related).toEqual({ message: 'same title here', line: 5, column: 3 });
  });

  it('passes different titles, and other hosts', async () => {
    expect(await placesOf('similar-link', doc('[Redis Docs](https://redis.io/docs/)', '[Redis Commands](https://redis.io/commands/)', '[Redis Docs](https://mirror.example/redis)'))).toEqual([]);
  });

  it('keeps "#", "+" and a "." inside a name: C, C#, C++ and .NET are four titles (free-programming-books)', async () => {
    expect(['C', 'C#', 'C++', '.NET', 'ASP.NET Core', 'Node.js'].map(normalizeTitle)).toEqual(['c', 'c#', 'c++', '.net', 'asp.net core', 'node.js']);
    expect(normalizeTitle('Redis Docs.')).toBe(normalizeTitle('redis  docs'));
    const source = [
      '# Free Programming Books',
      '',
      '## C',
      '',
      '* [C Notes for Professionals](https://goalkicker.com/CBook) - Compiled from StackOverflow Documentation (PDF)',
      '* [C Programming](https://en.wikibooks.org/wiki/Programming%3AC) - Wikibooks',
      '',
      '## C#',
      '',
      '* [C# Notes for Professionals](http://goalkicker.com/CSharpBook/) - Compiled from StackOverflow documentation (PDF)',
      '* [C# Programming](https://en.wikibooks.org/wiki/C_Sharp_Programming) - Wikibooks',
      '',
      '## C++',
      '',
      '* [C++ Notes for Professionals](https://goalkicker.com/CPlusPlusBook) - Compiled from StackOverflow Documentation (PDF)',
      '* [C++ Programming](https://en.wikibooks.org/wiki/C%2B%2B_Programming) - Wikibooks',
      '',
    ].join('\n');
    expect(await placesOf('similar-link', source)).toEqual([]);
  });

  it('passes versions of one document listed apart', async () => {
    expect(differOnlyInVersion('https://pymotw.com/3/', 'https://pymotw.com/2/')).toBe(true);
    expect(differOnlyInVersion('https://media.readthedocs.org/pdf/django/1.5.x/django.pdf', 'https://media.readthedocs.org/pdf/django/1.10.x/django.pdf')).toBe(true);
    expect(differOnlyInVersion('https://redis.io/documentation', 'https://redis.io/docs/')).toBe(false);
    const source = [
      '# Free Programming Books',
      '',
      '## Python',
      '',
      '* [Python for you and me](http://pymbook.readthedocs.org/en/latest/) (2.7.3)',
      '* [Python for you and me](http://pymbook.readthedocs.org/en/py3/) (3.x)',
      '* [Python Module of the Week](https://pymotw.com/3/) (3.x)',
      '    * [Python Module of the Week](https://pymotw.com/2/) (2.x)',
      '',
    ].join('\n');
    expect(await placesOf('similar-link', source)).toEqual([]);
  });

  it('passes code and package hosts, where different paths are different projects (awesome-nodejs)', async () => {
    const source = doc(
      '[More…](https://github.com/sindresorhus/promise-fun) - Promise packages.',
      '[More…](https://github.com/sindresorhus/awesome-observables) - Observable packages.',
      '[client](https://www.npmjs.com/package/client) - One package.',
      '[client](https://www.npmjs.com/package/@acme/client) - Another.',
    );
    expect(await placesOf('similar-link', source)).toEqual([]);
  });

  it('still reports one book at two URLs in two sections', async () => {
    const source = [
      '# Free Programming Books',
      '',
      '## Autotools',
      '',
      '* [GNU Autoconf, Automake and Libtool](https://sourceware.org/autobook/) - Gary V. Vaughan, Ben Elliston, Tom Tromey, Ian Lance Taylor',
      '',
      '## Build tools',
      '',
      '* [GNU Autoconf, Automake and Libtool](http://www.sourceware.org/autobook/download.html) - Gary V. Vaughan, Ben Elliston, Tom Tromey, Ian Lance Taylor',
      '',
    ].join('\n');
    expect(await placesOf('similar-link', source)).toEqual(['9:3 similar']);
  });
});
