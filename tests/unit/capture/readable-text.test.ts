// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readableTextOf } from '@/utils/capture/readable-text';

function textOf(html: string): string {
  const container = document.createElement('div');
  container.innerHTML = html;
  return readableTextOf(container);
}

describe('readableTextOf', () => {
  it('collapses whitespace across inline elements', () => {
    const actual = textOf('<p>  Ware<b>house </b>  <i> three</i>\n </p>');

    expect(actual).toBe('Warehouse three');
  });

  it('separates table cells by tabs and rows by lines', () => {
    const actual = textOf(
      '<table><tr><th>Shift</th><th>Moves</th></tr>' +
        '<tr><td>Early</td><td>512</td></tr></table>',
    );

    expect(actual).toBe('Shift\tMoves\nEarly\t512');
  });

  it('leaves a blank line between paragraphs and one line between items', () => {
    const actual = textOf('<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul>');

    expect(actual).toBe('One\n\nTwo\n\na\nb');
  });

  it('keeps the text of closed details and custom elements', () => {
    const actual = textOf(
      '<details><summary>More</summary><p>Hidden text</p></details>' +
        '<hl-card><hl-note>Note</hl-note></hl-card>',
    );

    expect(actual).toBe('More\n\nHidden text\n\nNote');
  });

  it('leaves out scripts, styles and templates', () => {
    const actual = textOf(
      '<p>a<script>x()</script><style>p{}</style>' +
        '<template>t</template>b</p>',
    );

    expect(actual).toBe('ab');
  });
});
