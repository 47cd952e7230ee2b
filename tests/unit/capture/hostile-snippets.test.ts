// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rebuildSnippet } from '@/utils/capture/rebuild-snippet';
import {
  findDisallowedMarkup,
  sanitizeSnippet,
} from '@/utils/capture/sanitize-snippet';
import {
  hostilePages,
  hostileVectors,
  normalise,
} from './helpers/hostile-vectors';

const BASE_URL = 'https://kb.example/articles/1';

const vectors = hostilePages().flatMap((page) =>
  hostileVectors(page.file, page.name),
);

const sanitisers = [
  { name: 'sanitizeSnippet', clean: sanitizeSnippet },
  { name: 'rebuildSnippet', clean: rebuildSnippet },
];

function render(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('hostile fixture pages', () => {
  it('hold at least twenty vectors on each page', () => {
    const pages = hostilePages().map(
      (page) => hostileVectors(page.file, page.name).length,
    );

    expect(pages.every((count) => count >= 20)).toBe(true);
  });
});

describe.each(sanitisers)('$name on hostile vectors', ({ clean }) => {
  it.each(vectors)('leaves nothing off the allow-list: $page $name', (v) => {
    const rendered = render(clean(v.html, { baseUrl: BASE_URL }));

    const actual = findDisallowedMarkup(rendered);

    expect(actual).toEqual([]);
  });

  it.each(vectors)('keeps the harmless text: $page $name', (vector) => {
    const rendered = render(clean(vector.html, { baseUrl: BASE_URL }));
    const text = normalise(rendered.textContent ?? '');

    const lost = vector.harmless.filter((piece) => !text.includes(piece));

    expect(lost).toEqual([]);
  });
});
