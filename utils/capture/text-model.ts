/**
 * Elements whose text a reader never sees as text. `noscript` is here
 * because its content is text in a browser with scripts and elements in
 * jsdom; skipping it keeps the model the same in both.
 */
export const TEXTLESS_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
]);

/**
 * The text of a root element as the concatenation of its Text nodes in
 * document order, leaving out TEXTLESS_ELEMENTS. It reads the DOM only,
 * never layout or `innerText`, so the same page gives the same text and
 * offsets in jsdom and in a browser. Position selectors count in it.
 */
export interface TextModel {
  root: Node;
  text: string;
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: number[];
}

/** A boundary inside a Text node of the model. */
export interface TextPoint {
  node: Text;
  offset: number;
}

function isCounted(node: Text, root: Node): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    const name = (parent as Element).localName;
    if (name && TEXTLESS_ELEMENTS.has(name)) return false;
    if (parent === root) return true;
  }
  return true;
}

/** Builds the text model of `root`. */
export function buildTextModel(root: Node): TextModel {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!isCounted(text, root)) continue;

    nodes.push(text);
    starts.push(length);
    parts.push(text.data);
    length += text.data.length;
  }

  return { root, text: parts.join(''), nodes, starts };
}

/**
 * The offset in the model's text of a DOM boundary point (a range's start
 * or end). A point between elements counts the text before it.
 */
export function offsetOf(
  model: TextModel,
  container: Node,
  offset: number,
): number {
  const index = model.nodes.indexOf(container as Text);
  if (index >= 0) return (model.starts[index] ?? 0) + offset;

  const probe = (
    container.ownerDocument ?? (container as Document)
  ).createRange();
  probe.setStart(container, offset);
  let low = 0;
  let high = model.nodes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const node = model.nodes[middle] as Text;
    if (probe.comparePoint(node, 0) < 0) low = middle + 1;
    else high = middle;
  }
  return low < model.nodes.length
    ? (model.starts[low] ?? 0)
    : model.text.length;
}

/**
 * The DOM point at a text offset. At the border between two nodes a start
 * belongs to the node after it and an end to the node before it, so a
 * range built from them holds no empty edge.
 */
export function pointAt(
  model: TextModel,
  offset: number,
  side: 'start' | 'end',
): TextPoint | null {
  const { nodes, starts } = model;
  let low = 0;
  let high = nodes.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = starts[middle] ?? 0;
    const end = start + (nodes[middle] as Text).data.length;
    const inside =
      side === 'start'
        ? offset >= start && offset < end
        : offset > start && offset <= end;
    if (inside) return { node: nodes[middle] as Text, offset: offset - start };
    if (offset < start || (side === 'end' && offset === start)) {
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return null;
}

/** The range of the model's text between two offsets, or null. */
export function rangeOf(
  model: TextModel,
  start: number,
  end: number,
): Range | null {
  const from = pointAt(model, start, 'start');
  const to = pointAt(model, end, 'end');
  if (!from || !to || start >= end) return null;

  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
