// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteMarkdown } from '@/components/shared/NoteMarkdown';
import { NOTE_ALLOWED_MARKUP } from '@/utils/markdown/note-tree';
import {
  hostilePages,
  hostileVectors,
  normalise,
} from '../capture/helpers/hostile-vectors';
import { axeViolations } from '../fakes/axe';

const vectors = hostilePages().flatMap((page) =>
  hostileVectors(page.file, page.name),
);

/** Elements and attributes off the note allow-list, and unsafe links. */
function disallowedMarkup(container: Element): string[] {
  // The renderer's own wrapper is not peer content.
  const note = container.firstElementChild;
  return Array.from(note?.querySelectorAll('*') ?? []).flatMap((element) => {
    const allowed = NOTE_ALLOWED_MARKUP[element.localName];
    if (!allowed) return [`element <${element.localName}>`];

    return Array.from(element.attributes)
      .filter(
        (attribute) =>
          !allowed.includes(attribute.name) ||
          (attribute.name === 'href' && !/^https?:\/\//.test(attribute.value)),
      )
      .map((attribute) => `${attribute.name} on <${element.localName}>`);
  });
}

/** What a reader sees of the source: its text, as the page showed it. */
function shownText(html: string): string {
  const container = document.createElement('template');
  container.innerHTML = html;
  return container.content.textContent ?? '';
}

/** The text a reader sees: a line break separates words as a space does. */
function readText(container: Element): string {
  const copy = container.cloneNode(true) as Element;
  for (const lineBreak of Array.from(copy.querySelectorAll('br'))) {
    lineBreak.replaceWith('\n');
  }
  return normalise(copy.textContent ?? '');
}

describe('NoteMarkdown', () => {
  afterEach(cleanup);

  it('renders the Markdown subset as elements', () => {
    const { container } = render(
      <NoteMarkdown text={'**Lift** with *care*:\n\n- knees\n- back'} />,
    );

    expect(container.innerHTML).toBe(
      '<div><p><strong>Lift</strong> with <em>care</em>:</p>' +
        '<ul><li>knees</li><li>back</li></ul></div>',
    );
  });

  it('opens a link in a new tab without a way back', () => {
    const { getByRole } = render(
      <NoteMarkdown text="[policy](https://intranet.example/policy)" />,
    );

    expect(getByRole('link', { name: 'policy' }).getAttribute('rel')).toBe(
      'noopener noreferrer',
    );
  });

  it('shows HTML as the text it is', () => {
    const { container } = render(
      <NoteMarkdown text={'<b onclick="x()">hi</b>'} />,
    );

    expect(container.textContent).toBe('<b onclick="x()">hi</b>');
  });

  it.each(vectors)('leaves nothing off the allow-list: $page $name', (v) => {
    const { container } = render(<NoteMarkdown text={v.html} />);

    expect(disallowedMarkup(container)).toEqual([]);
  });

  it.each(vectors)('keeps the harmless text: $page $name', (vector) => {
    const { container } = render(
      <NoteMarkdown text={shownText(vector.html)} />,
    );
    const text = readText(container);

    const lost = vector.harmless.filter((piece) => !text.includes(piece));

    expect(lost).toEqual([]);
  });

  it('passes an accessibility check', async () => {
    const { container } = render(
      <NoteMarkdown text={'> quoted\n\n1. one\n2. [two](https://a.example)'} />,
    );

    expect(await axeViolations(container)).toEqual([]);
  });
});
