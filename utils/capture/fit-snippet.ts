/** The note that ends a snippet cut to fit the size limit. */
export const SNIPPET_CUT_NOTE =
  'Snippet shortened: the rest of the selection was too large to keep.';

const encoder = new TextEncoder();

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

function serialize(node: Node, document: Document): string {
  if (node.nodeType === node.ELEMENT_NODE) return (node as Element).outerHTML;

  const holder = document.createElement('div');
  holder.append(node.cloneNode(true));
  return holder.innerHTML;
}

/** The longest start of `text` that serialises to at most `budget` bytes. */
function cutText(text: string, budget: number, document: Document): string {
  let fits = 0;
  let tooLong = text.length + 1;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    const piece = document.createTextNode(text.slice(0, middle));
    if (byteLength(serialize(piece, document)) <= budget) fits = middle;
    else tooLong = middle;
  }
  return text.slice(0, fits);
}

/**
 * Copies children of `source` into `target` while they fit in `budget`
 * bytes, descending into the first child that does not fit so that the cut
 * falls at an element boundary as deep as needed. Returns the bytes used.
 */
function copyWhileFits(
  source: Node,
  target: Node,
  budget: number,
  document: Document,
): number {
  let used = 0;
  for (const child of Array.from(source.childNodes)) {
    const size = byteLength(serialize(child, document));
    if (used + size <= budget) {
      target.appendChild(child.cloneNode(true));
      used += size;
      continue;
    }

    const room = budget - used;
    if (child.nodeType === child.TEXT_NODE) {
      const text = cutText(child.textContent ?? '', room, document);
      target.appendChild(document.createTextNode(text));
    } else if (child.nodeType === child.ELEMENT_NODE) {
      const shell = child.cloneNode(false);
      const shellSize = byteLength(serialize(shell, document));
      if (shellSize < room) {
        copyWhileFits(child, shell, room - shellSize, document);
        target.appendChild(shell);
      }
    }
    return budget;
  }
  return used;
}

/**
 * Serialises a sanitised fragment, cutting it to `maxBytes` of UTF-8 when
 * it is larger. The cut keeps whole elements where it can and ends with a
 * visible note, so a huge selection is still clipped rather than lost.
 */
export function fitSnippet(
  fragment: DocumentFragment,
  maxBytes: number,
  document: Document,
): string {
  const whole = document.createElement('div');
  whole.append(fragment.cloneNode(true));
  if (byteLength(whole.innerHTML) <= maxBytes) return whole.innerHTML;

  const note = document.createElement('p');
  const emphasis = document.createElement('em');
  emphasis.textContent = SNIPPET_CUT_NOTE;
  note.append(emphasis);
  const budget = Math.max(0, maxBytes - byteLength(note.outerHTML));

  const cut = document.createElement('div');
  copyWhileFits(fragment, cut, budget, document);
  cut.append(note);
  return cut.innerHTML;
}
