// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { anchor } from '@/utils/capture/anchor';
import type { Capture, CaptureResult } from '@/utils/capture/capture-result';
import { captureSelection } from '@/utils/capture/capture-selection';
import { readableText } from '@/utils/capture/readable-text';
import { findDisallowedMarkup } from '@/utils/capture/snippet-allow-list';

function select(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

function captureOf(result: CaptureResult): Capture {
  if (!result.ok) throw new Error(result.message);
  return result.capture;
}

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  document.title = '';
  document.body.innerHTML = '';
});

describe('captureSelection', () => {
  it('captures the quote, title and URL of the selection', () => {
    document.title = 'Gate procedures';
    document.body.innerHTML = '<p>Intro.</p><p id="q">Close  the gate.</p>';
    select(document.querySelector('#q') as Element);

    const capture = captureOf(captureSelection(window));

    expect(capture).toMatchObject({
      kind: 'selection',
      quote: 'Close the gate.',
      title: 'Gate procedures',
      url: window.location.href,
    });
  });

  it('gives selectors that find the quote again', () => {
    document.body.innerHTML = '<p>Step one.</p><p id="q">Step <b>two</b>.</p>';
    select(document.querySelector('#q') as Element);
    const capture = captureOf(captureSelection(window));

    const found = anchor(capture.selectors, document.body);

    expect(found && readableText(found)).toBe(capture.quote);
  });

  it('keeps the shape of a selection inside a list', () => {
    document.body.innerHTML =
      '<ul><li id="q">Check the <em>seal</em></li></ul>';
    select(document.querySelector('#q') as Element);

    const capture = captureOf(captureSelection(window));

    expect(capture.snippet).toBe('<ul><li>Check the <em>seal</em></li></ul>');
  });

  it('sanitises the snippet of a hostile selection', () => {
    document.body.innerHTML =
      '<div id="q"><p onclick="x()">Hold <a href="javascript:x()">it</a>' +
      '</p><img src="x" onerror="x()"><style>p{}</style></div>';
    select(document.querySelector('#q') as Element);
    const capture = captureOf(captureSelection(window));
    const rendered = document.createElement('div');

    rendered.innerHTML = capture.snippet;

    expect(findDisallowedMarkup(rendered)).toEqual([]);
  });

  it('marks a selection over the quote limit as truncated', () => {
    document.body.innerHTML = `<p id="q">${'clause. '.repeat(13_000)}</p>`;
    select(document.querySelector('#q') as Element);

    const capture = captureOf(captureSelection(window));

    expect(capture.quoteTruncated).toBe(true);
    expect(capture.quote.length).toBeLessThanOrEqual(100_000);
  });

  it('offers to clip the page when nothing is selected', () => {
    document.body.innerHTML = '<p>Nothing selected here.</p>';

    const result = captureSelection(window);

    expect(result).toEqual({
      ok: false,
      reason: 'no-selection',
      message: 'Nothing is selected on this page. Clip the whole page instead?',
    });
  });

  it('treats a selection of whitespace as no selection', () => {
    document.body.innerHTML = '<p id="q">   </p>';
    select(document.querySelector('#q') as Element);

    const result = captureSelection(window);

    expect(result).toMatchObject({ ok: false, reason: 'no-selection' });
  });

  it('tells why when the focus is in a frame it cannot read', () => {
    document.body.innerHTML = '<iframe title="viewer"></iframe>';
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    Object.defineProperty(frame, 'contentWindow', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    frame.focus();

    const result = captureSelection(window);

    expect(result).toMatchObject({ ok: false, reason: 'selection-in-frame' });
  });

  it('uses the selection of a frame it can read', () => {
    document.body.innerHTML = '<iframe title="viewer"></iframe>';
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    const inner = frame.contentDocument as Document;
    inner.body.innerHTML = '<p id="q">Inside the frame.</p>';
    const range = inner.createRange();
    range.selectNodeContents(inner.querySelector('#q') as Element);
    frame.contentWindow?.getSelection()?.addRange(range);
    frame.focus();

    const capture = captureOf(captureSelection(window));

    expect(capture.quote).toBe('Inside the frame.');
  });
});

describe('captureSelection in text fields', () => {
  it('clips the text selected in a focused textarea without selectors', () => {
    document.body.innerHTML = '<textarea>Line one. Line two.</textarea>';
    const field = document.querySelector('textarea') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(10, 19);

    const capture = captureOf(captureSelection(window));

    expect([capture.quote, capture.selectors]).toEqual(['Line two.', []]);
  });

  it('never clips a password field', () => {
    document.body.innerHTML = '<input type="password" value="hunter22">';
    const field = document.querySelector('input') as HTMLInputElement;
    field.focus();
    field.select();

    const result = captureSelection(window);

    expect(result).toMatchObject({ ok: false, reason: 'no-selection' });
  });
});
