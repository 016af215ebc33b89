import { describe, expect, it } from 'vitest';
import { findingsOf, placesOf } from './harness.js';

describe('unsafe-url', () => {
  it('reports every scheme but http, https and mailto, wherever the link stands', async () => {
    const source = [
      '# T',
      '',
      'Prose [x](data:text/html,hi) and ![i](vbscript:msgbox) and <a href="file:///etc/passwd">f</a>.',
      '',
      '> Quote [q](ms-msdt:/id) here.',
      '',
      '| a |',
      '|---|',
      '| [t](search-ms:query=x) |',
      '',
      '## 1. S',
      '',
      '* [j](< JaVa\tScript:alert(1)>)',
      '',
      '[ref]: blob:https://x.example/1',
      '',
    ].join('\n');
    expect(await placesOf('unsafe-url', source)).toEqual(['3:7 scheme', '3:34 scheme', '3:63 scheme', '5:9 scheme', '9:3 scheme', '13:3 scheme', '15:1 scheme']);
  });

  it('reports javascript: in a paragraph as an error', async () => {
    const [f] = await findingsOf('unsafe-url', '# T\n\nClick [here](javascript:alert(document.cookie)) to continue.\n');
    expect(f).toMatchObject({ severity: 'error', messageId: 'scheme', start: { line: 3, column: 7 } });
  });

  it('decodes character references in HTML attributes as a browser would', async () => {
    const [f] = await findingsOf('unsafe-url', '# T\n\n<a href="&#x6A;avascript&colon;alert(1)">x</a>\n');
    expect(f).toMatchObject({ messageId: 'scheme', message: expect.stringContaining('Unsafe javascript: html') });
  });

  it('reports credentials hiding the real host', async () => {
    const [f] = await findingsOf('unsafe-url', '# T\n\n## 1. S\n\n* [Node](https://nodejs.org@evil.example/)\n');
    expect(f).toMatchObject({ messageId: 'credentials', message: 'URL "https://nodejs.org@evil.example/" carries credentials before "@": the real host is evil.example' });
  });

  it('passes http, https, mailto, relative and # links', async () => {
    const ok = '# T\n\n[a](https://a.example/) [b](http://b.example/) [m](mailto:x@y.example) [r](./docs/x.md) [h](#t) [p](/abs)\n';
    expect(await placesOf('unsafe-url', ok)).toEqual([]);
  });
});
