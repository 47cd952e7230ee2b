// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SNIPPET_CUT_NOTE } from '@/utils/capture/fit-snippet';
import {
  findDisallowedMarkup,
  sanitizeSnippet,
} from '@/utils/capture/sanitize-snippet';

function render(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('sanitizeSnippet', () => {
  it('keeps formatting, lists, tables and code', () => {
    const html =
      '<p><b>Bold</b> <em>x</em></p><ul><li>one</li></ul>' +
      '<table><tbody><tr><td colspan="2">cell</td></tr></tbody></table>' +
      '<pre><code>a  b</code></pre>';

    const actual = sanitizeSnippet(html);

    expect(actual).toBe(html);
  });

  it('removes scripts, handlers and styles but keeps the text', () => {
    const html =
      '<p style="color:red" onclick="window.__pwned=1" class="x">Keep me' +
      '<script>window.__pwned=1</script><img src=x onerror="x()"></p>';

    const actual = sanitizeSnippet(html);

    expect(actual).toBe('<p>Keep me</p>');
  });

  it('opens http links in a new tab without an opener', () => {
    const actual = sanitizeSnippet('<a href="https://a.example/x">go</a>');

    expect(actual).toBe(
      '<a href="https://a.example/x" target="_blank" ' +
        'rel="noopener noreferrer">go</a>',
    );
  });

  it.each([
    'javascript:window.__pwned=1',
    'JaVaScRiPt:window.__pwned=1',
    '&#106;avascript&#58;window.__pwned=1',
    'java&#x09;scr&#x0A;ipt:window.__pwned=1',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:x',
  ])('drops the href %s but keeps the link text', (href) => {
    const actual = sanitizeSnippet(`<a href="${href}">label</a>`);

    expect(actual).toBe('<a>label</a>');
  });

  it('resolves relative links against the base URL', () => {
    const actual = sanitizeSnippet('<a href="/wiki/a?b=1">a</a>', {
      baseUrl: 'https://wiki.example/space/page',
    });

    expect(actual).toContain('href="https://wiki.example/wiki/a?b=1"');
  });

  it('drops relative links when no base URL is known', () => {
    const actual = sanitizeSnippet('<a href="#faq">faq</a>');

    expect(actual).toBe('<a>faq</a>');
  });

  it('falls back to the allow-list copy where DOMPurify cannot run', () => {
    const windowWithoutDom = { document } as Window & typeof globalThis;

    const actual = sanitizeSnippet(
      '<p onclick="x()">a<script>s()</script></p>',
      {},
      windowWithoutDom,
    );

    expect(actual).toBe('<p>a</p>');
  });

  it('cuts an oversized snippet at an element with a visible note', () => {
    const paragraph = `<p>${'a'.repeat(90)}</p>`;
    const html = paragraph.repeat(20);

    const actual = sanitizeSnippet(html, { maxBytes: 1_000 });

    expect(new TextEncoder().encode(actual).length).toBeLessThanOrEqual(1_000);
    expect(actual).toContain(SNIPPET_CUT_NOTE);
  });

  it('cuts inside a single huge element rather than dropping it', () => {
    const html = `<pre>${'é<&'.repeat(400_000)}</pre>`;

    const actual = sanitizeSnippet(html);

    expect(new TextEncoder().encode(actual).length).toBeLessThanOrEqual(
      500_000,
    );
    expect(actual.startsWith('<pre>é&lt;&amp;é')).toBe(true);
  });
});

describe('findDisallowedMarkup', () => {
  it.each([
    ['<script>x</script>', 'element <script>'],
    ['<iframe></iframe>', 'element <iframe>'],
    ['<object></object>', 'element <object>'],
    ['<embed>', 'element <embed>'],
    ['<form></form>', 'element <form>'],
    ['<style></style>', 'element <style>'],
    ['<base href="https://a.example/">', 'element <base>'],
    ['<meta http-equiv="refresh">', 'element <meta>'],
    ['<img src="https://a.example/i.png">', 'element <img>'],
    ['<svg></svg>', 'element <svg>'],
    ['<p style="color:red">x</p>', 'attribute style on <p>'],
    ['<p class="x">x</p>', 'attribute class on <p>'],
    ['<p onclick="x()">x</p>', 'attribute onclick on <p>'],
    ['<a href="javascript:x()">x</a>', 'URL javascript:x() on <a>'],
    ['<a href="data:text/html,x">x</a>', 'URL data:text/html,x on <a>'],
    ['<a href="/relative">x</a>', 'URL /relative on <a>'],
  ])('flags %s', (html, problem) => {
    const actual = findDisallowedMarkup(render(html));

    expect(actual).toContain(problem);
  });

  it('finds nothing in allowed markup', () => {
    const root = render(
      '<p><a href="https://a.example" rel="noopener noreferrer" ' +
        'target="_blank">a</a></p><table><tr><td rowspan="2">x</td></tr></table>',
    );

    const actual = findDisallowedMarkup(root);

    expect(actual).toEqual([]);
  });

  it('ignores the container it is given', () => {
    const root = render('<p>x</p>');
    root.setAttribute('style', 'color: red');

    const actual = findDisallowedMarkup(root);

    expect(actual).toEqual([]);
  });
});
