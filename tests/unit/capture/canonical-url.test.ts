import { describe, expect, it } from 'vitest';
import { canonicalUrl, siteOf } from '@/utils/capture/canonical-url';

describe('canonicalUrl', () => {
  it('drops the fragment', () => {
    const actual = canonicalUrl('https://wiki.example/page#section-2');

    expect(actual).toBe('https://wiki.example/page');
  });

  it('drops utm and click-id parameters and keeps the others in order', () => {
    const url =
      'https://wiki.example/p?b=2&utm_source=mail&a=1&gclid=x&fbclid=y' +
      '&UTM_Medium=z&msclkid=1&mc_cid=2&mc_eid=3&_ga=4&_gl=5&igshid=6' +
      '&ref_src=7&yclid=8&c=3';

    const actual = canonicalUrl(url);

    expect(actual).toBe('https://wiki.example/p?b=2&a=1&c=3');
  });

  it('removes the question mark when only tracking parameters were there', () => {
    const actual = canonicalUrl('https://wiki.example/p?utm_campaign=q3');

    expect(actual).toBe('https://wiki.example/p');
  });

  it('keeps the encoding of the kept parameters', () => {
    const actual = canonicalUrl('https://wiki.example/s?q=a%20b+c&utm_id=1');

    expect(actual).toBe('https://wiki.example/s?q=a%20b+c');
  });

  it('lower-cases the host and drops a default port', () => {
    const actual = canonicalUrl('HTTPS://Wiki.Example:443/Page');

    expect(actual).toBe('https://wiki.example/Page');
  });

  it('keeps a port that is not the default', () => {
    const actual = canonicalUrl('http://127.0.0.1:8080/a?x=1#top');

    expect(actual).toBe('http://127.0.0.1:8080/a?x=1');
  });

  it('returns a string that is not a URL unchanged', () => {
    const actual = canonicalUrl('not a url');

    expect(actual).toBe('not a url');
  });
});

describe('siteOf', () => {
  it('gives the lower-case host name without port', () => {
    const actual = siteOf('https://Wiki.Northwind.example:8443/x');

    expect(actual).toBe('wiki.northwind.example');
  });

  it('gives an empty string for a string that is not a URL', () => {
    const actual = siteOf('nothing');

    expect(actual).toBe('');
  });
});
