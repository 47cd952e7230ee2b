// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SNIPPET_CUT_NOTE } from '@/utils/capture/fit-snippet';
import { rebuildSnippet } from '@/utils/capture/rebuild-snippet';

describe('rebuildSnippet', () => {
  it('keeps allowed markup with its table spans', () => {
    const html =
      '<h2>Fees</h2><table><tbody><tr><td rowspan="2">a</td></tr></tbody>' +
      '</table><ol start="3"><li><code>x</code></li></ol>';

    const actual = rebuildSnippet(html);

    expect(actual).toBe(html);
  });

  it('unwraps elements that are not allowed and keeps their text', () => {
    const actual = rebuildSnippet(
      '<section class="x"><hl-card>Card <label>text</label></hl-card></section>',
    );

    expect(actual).toBe('Card text');
  });

  it('drops code, styles, frames and foreign markup with their content', () => {
    const actual = rebuildSnippet(
      '<p>a<script>s()</script><style>p{}</style><svg><text>t</text></svg>' +
        '<math><mi>m</mi></math><textarea>x</textarea>b</p>',
    );

    expect(actual).toBe('<p>ab</p>');
  });

  it('resolves links and opens them in a new tab without an opener', () => {
    const actual = rebuildSnippet('<a href="/desk?x=1" title="t">desk</a>', {
      baseUrl: 'https://kb.example/a/b',
    });

    expect(actual).toBe(
      '<a href="https://kb.example/desk?x=1" target="_blank" ' +
        'rel="noopener noreferrer">desk</a>',
    );
  });

  it('drops a link that is not http(s) but keeps its text', () => {
    const actual = rebuildSnippet(
      '<a href="java&#x09;script:alert(1)" target="_top">run</a>',
      { baseUrl: 'https://kb.example/' },
    );

    expect(actual).toBe('<a>run</a>');
  });

  it('drops attribute values that are not numbers or keywords', () => {
    const actual = rebuildSnippet('<table><tr><td colspan="2 x">a</td></tr>');

    expect(actual).toBe('<table><tbody><tr><td>a</td></tr></tbody></table>');
  });

  it('cuts an oversized snippet with a visible note', () => {
    const html = `<p>${'word '.repeat(50)}</p>`.repeat(40);

    const actual = rebuildSnippet(html, { maxBytes: 2_000 });

    expect(new TextEncoder().encode(actual).length).toBeLessThanOrEqual(2_000);
    expect(actual).toContain(SNIPPET_CUT_NOTE);
  });
});
