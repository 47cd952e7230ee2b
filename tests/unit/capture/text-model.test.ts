// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextModel, offsetOf, rangeOf } from '@/utils/capture/text-model';

function rootWith(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('buildTextModel', () => {
  it('joins the text nodes in document order', () => {
    const model = buildTextModel(rootWith('<p>ab<b>cd</b></p><p> ef</p>'));

    expect(model.text).toBe('abcd ef');
  });

  it('leaves out the text of scripts, styles and noscript', () => {
    const root = rootWith(
      'a<script>x</script><style>y</style><noscript>z</noscript>b',
    );

    const model = buildTextModel(root);

    expect(model.text).toBe('ab');
  });
});

describe('offsetOf', () => {
  it('counts the text before a point between elements', () => {
    const root = rootWith('<p>ab</p><p>cd</p>');
    const model = buildTextModel(root);

    const actual = offsetOf(model, root, 1);

    expect(actual).toBe(2);
  });

  it('counts to the end for a point after all text', () => {
    const root = rootWith('<p>ab</p><p>cd</p>');
    const model = buildTextModel(root);

    const actual = offsetOf(model, root, 2);

    expect(actual).toBe(4);
  });
});

describe('rangeOf', () => {
  it('starts in the next node and ends in the previous one at borders', () => {
    const root = rootWith('<p>ab</p><p>cd</p><p>ef</p>');
    const model = buildTextModel(root);

    const range = rangeOf(model, 2, 4);

    expect([range?.startContainer.textContent, range?.startOffset]).toEqual([
      'cd',
      0,
    ]);
    expect([range?.endContainer.textContent, range?.endOffset]).toEqual([
      'cd',
      2,
    ]);
  });

  it('returns null for an empty or outside span', () => {
    const model = buildTextModel(rootWith('<p>ab</p>'));

    expect([rangeOf(model, 1, 1), rangeOf(model, 1, 9)]).toEqual([null, null]);
  });
});
