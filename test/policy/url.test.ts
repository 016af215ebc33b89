import { describe, expect, it } from 'vitest';
import { normalizeUrl, safeDecode, schemeTypo } from '../../src/util/url.js';

describe('URL helpers for the link rules', () => {
  it.each([
    ['ttps://example.com/', 'https://'],
    ['htps://example.com/', 'https://'],
    ['http//example.com/', 'http://'],
    ['https//example.com/', 'https://'],
    ['https;//example.com/', 'https://'],
    ['hhttps://example.com/', 'https://'],
    ['htp://example.com/', 'http://'],
    ['http:/example.com/', 'http://'],
  ])('%s is a misspelt %s', (url, meant) => {
    expect(schemeTypo(url)).toBe(meant);
  });

  it.each([
    ['https://example.com/'],
    ['http://example.com/'],
    ['HTTPS://example.com/'],
    ['mailto:someone@example.com'],
    ['ftp://example.com/'],
    ['ws://example.com/'],
    ['http/readme.md'],
    ['https/index.md'],
    ['./docs/x.md'],
    ['CONTRIBUTING.md'],
    ['#section'],
  ])('%s is not a scheme typo', (url) => {
    expect(schemeTypo(url)).toBeNull();
  });

  it('decodes percent-escapes, and answers null for a malformed one instead of throwing', () => {
    expect(safeDecode('caf%C3%A9')).toBe('café');
    expect(safeDecode('%E0%A4%A')).toBeNull();
    expect(safeDecode('100%')).toBeNull();
  });

  it('keeps content parameters, drops tracking ones, and reads an empty query as none', () => {
    expect(normalizeUrl('https://example.com/a?')).toBe('https://example.com/a');
    expect(normalizeUrl('https://example.com/a?utm_source=x')).toBe('https://example.com/a');
    expect(normalizeUrl('https://example.com/a?v=2&utm_medium=y')).toBe('https://example.com/a?v=2');
    expect(normalizeUrl('https://example.com/a?v=2')).not.toBe(normalizeUrl('https://example.com/a?v=3'));
  });

  it('compares GitHub and GitLab owner/repository without case, and nothing else', () => {
    expect(normalizeUrl('https://github.com/Encode/HTTPX')).toBe(normalizeUrl('https://github.com/encode/httpx'));
    expect(normalizeUrl('https://gitlab.com/GitLab-org/GitLab')).toBe(normalizeUrl('https://gitlab.com/gitlab-org/gitlab'));
    expect(normalizeUrl('https://github.com/encode/httpx/blob/master/README.md')).not.toBe(normalizeUrl('https://github.com/encode/httpx/blob/master/readme.md'));
    expect(normalizeUrl('https://example.com/Docs')).not.toBe(normalizeUrl('https://example.com/docs'));
  });
});
