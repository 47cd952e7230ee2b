// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { describeRange } from '@/utils/capture/describe';
import { checkPageQuotes } from '@/utils/capture/page-quote-check';
import { findQuotes, type PageQuote } from '@/utils/capture/quote-check';
import { QUOTE_CHECK_INPUT } from '@/utils/capture/script-files';

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><body>${body}</body>`,
    'text/html',
  );
}

/** The quote a clip of the first `<mark>` of the page would keep. */
function clipOf(document: Document, id = 'clip-1'): PageQuote {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('mark') as Element);
  const described = describeRange(range, document.body);
  const [quote] = described!.selectors;
  return { id, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

const ARTICLE =
  '<h1>Lifting</h1><p>Before you lift: <mark>Bend your knees, not ' +
  'your back.</mark> Keep the load close.</p><p>Ask for help.</p>';

describe('findQuotes', () => {
  it('finds a quote on the unchanged page', () => {
    const document = page(ARTICLE);

    const [result] = findQuotes([clipOf(document)], document.body);

    expect(result).toEqual({ id: 'clip-1', found: true });
  });

  it('misses a quote whose words changed on the page', () => {
    const quote = clipOf(page(ARTICLE));
    const changed = page(ARTICLE.replace('not your back', 'and your back'));

    const [result] = findQuotes([quote], changed.body);

    expect(result?.found).toBe(false);
  });

  it('finds a repeated quote while one repeat is left', () => {
    const twice =
      `<p>Intro. <mark>Close the door.</mark></p>` +
      '<p>Later: Close the door. Always.</p>';
    const quote = clipOf(page(twice));
    const onceLeft = page('<p>Intro.</p><p>Later: Close the door. Always.</p>');

    const [result] = findQuotes([quote], onceLeft.body);

    expect(result?.found).toBe(true);
  });

  it('finds a quote on a page re-indented since', () => {
    const quote = clipOf(page(ARTICLE));
    const reindented = page(
      ARTICLE.replace('Bend your knees, not ', 'Bend   your\n    knees, not\n'),
    );

    const [result] = findQuotes([quote], reindented.body);

    expect(result?.found).toBe(true);
  });

  it('finds a quote that spans elements split differently now', () => {
    const quote = clipOf(
      page('<p><mark>Keep <b>the</b> load close.</mark></p>'),
    );
    const plain = page('<p>Keep the <i>load</i> close.</p>');

    const [result] = findQuotes([quote], plain.body);

    expect(result?.found).toBe(true);
  });

  it('answers each quote by its id, in the order asked', () => {
    const document = page(ARTICLE);
    const gone = { id: 'gone', exact: 'Not here.', prefix: '', suffix: '' };

    const results = findQuotes([gone, clipOf(document, 'kept')], document.body);

    expect(results).toEqual([
      { id: 'gone', found: false },
      { id: 'kept', found: true },
    ]);
  });

  it('never calls a quote of only whitespace changed', () => {
    const blank = { id: 'blank', exact: ' \n ', prefix: '', suffix: '' };

    const [result] = findQuotes([blank], page(ARTICLE).body);

    expect(result?.found).toBe(true);
  });
});

describe('checkPageQuotes', () => {
  function leave(view: Window, quotes: unknown): void {
    (view as unknown as Record<string, unknown>)[QUOTE_CHECK_INPUT] = quotes;
  }

  it('checks the quotes the background left, once', () => {
    document.body.innerHTML = ARTICLE;
    leave(window, [clipOf(document)]);

    const first = checkPageQuotes(window);
    const second = checkPageQuotes(window);

    expect([first, second]).toEqual([[{ id: 'clip-1', found: true }], null]);
  });

  it('answers nothing for quotes in a bad shape', () => {
    document.body.innerHTML = ARTICLE;
    leave(window, [{ id: 'clip-1', exact: 3 }]);

    expect(checkPageQuotes(window)).toBeNull();
  });
});
