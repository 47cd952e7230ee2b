// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchor } from '@/utils/capture/anchor';
import { describeRange } from '@/utils/capture/describe';

function pageWith(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function rangeOver(document: Document, selector: string): Range {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector) as Element);
  return range;
}

describe('describeRange', () => {
  it('gives the quote with about 32 characters of context', () => {
    const document = pageWith(
      '<p>Some words that come before the quote. <b id="q">The quote.</b> ' +
        'And some words that come after the quote.</p>',
    );

    const actual = describeRange(rangeOver(document, '#q'), document.body);

    expect(actual?.selectors[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'The quote.',
      prefix: 'rds that come before the quote. ',
      suffix: ' And some words that come after ',
    });
  });

  it('reaches past indentation for its context', () => {
    const document = pageWith(
      `<div>The text before the indented quote\n${' '.repeat(60)}` +
        '<p id="q">Indented quote</p></div>',
    );

    const actual = describeRange(rangeOver(document, '#q'), document.body);

    expect(actual?.selectors[0].prefix).toMatch(
      /text before the indented quote\n {60}$/,
    );
  });

  it('shows line breaks, blocks and preformatted text in the quote', () => {
    const document = pageWith(
      '<div id="q"><p>First   line<br>second line</p>' +
        '<pre>a   b\n  c</pre><ul><li>one</li><li>two</li></ul></div>',
    );

    const actual = describeRange(rangeOver(document, '#q'), document.body);

    expect(actual?.quote).toBe(
      'First line\nsecond line\n\na   b\n  c\none\ntwo',
    );
  });

  it('returns null for a range without text', () => {
    const document = pageWith('<p id="q">   </p>');

    const actual = describeRange(rangeOver(document, '#q'), document.body);

    expect(actual).toBeNull();
  });

  it('truncates a long selection and describes the part kept', () => {
    const document = pageWith(`<p id="q">${'abcde '.repeat(30)}</p>`);

    const actual = describeRange(rangeOver(document, '#q'), document.body, 50);

    expect(actual?.quoteTruncated).toBe(true);
    expect(actual?.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start: 0,
      end: 50,
    });
  });

  it('keeps a selection over 100,000 characters findable once cut', () => {
    const document = pageWith(
      `<p id="q">${'a long clause. '.repeat(8_000)}</p>`,
    );
    const described = describeRange(rangeOver(document, '#q'), document.body);

    const found = anchor(described?.selectors ?? [], document.body);

    expect(described?.quote.length).toBe(100_000);
    expect(found?.toString().length).toBe(100_000);
  });
});
