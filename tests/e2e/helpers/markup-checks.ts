import { isHttpUrl } from '../../../utils/capture/snippet-allow-list';
import { NOTE_ALLOWED_MARKUP } from '../../../utils/markdown/note-tree';

/** Elements a region may hold, with the attributes each may carry. */
export type MarkupAllowList = Readonly<Record<string, readonly string[]>>;

/**
 * The elements a feed card or a popup item is built of, and their
 * attributes. Nothing from a clip's text may add to them.
 */
export const CARD_MARKUP: MarkupAllowList = {
  article: ['class', 'tabindex', 'aria-labelledby', 'aria-posinset'],
  p: ['class'],
  span: ['class', 'id', 'title'],
  time: ['datetime', 'title'],
  h3: ['class', 'id'],
  button: ['type', 'class', 'aria-describedby', 'aria-label', 'aria-busy'],
  blockquote: ['class'],
  ul: ['class', 'aria-label'],
  li: ['class'],
  div: ['class', 'role', 'aria-label'],
};

/**
 * Lists what under `root` (not `root` itself, the region's own container)
 * is off the allow-list: elements, attributes, and links not http(s).
 */
export function markupOffList(
  root: Element,
  allowed: MarkupAllowList,
): string[] {
  return Array.from(root.querySelectorAll('*')).flatMap((element) => {
    const tag = element.localName;
    const attributes = allowed[tag];
    if (!attributes) return [`element <${tag}>`];

    return Array.from(element.attributes)
      .filter(
        ({ name, value }) =>
          !attributes.includes(name) || (name === 'href' && !isHttpUrl(value)),
      )
      .map(({ name }) => `attribute ${name} on <${tag}>`);
  });
}

/** What under a rendered note or comment is off the note allow-list. */
export function noteMarkupOffList(root: Element): string[] {
  return markupOffList(root, NOTE_ALLOWED_MARKUP);
}

/** What under a feed card or popup item is not the card's own markup. */
export function cardMarkupOffList(root: Element): string[] {
  return markupOffList(root, CARD_MARKUP);
}

/**
 * The text a reader sees of a rendered region: a line break separates
 * words as a space does.
 */
export function shownText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const lineBreak of Array.from(copy.querySelectorAll('br'))) {
    lineBreak.replaceWith(' ');
  }
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The pieces of `expected` a reader cannot find in `shown`. */
export function missingText(shown: string, expected: string[]): string[] {
  return expected.filter((piece) => !shown.includes(piece));
}
