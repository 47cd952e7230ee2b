/**
 * Chooses passages of a fixture page to select in anchoring tests, the
 * same way in jsdom and in Chromium: it reads Text nodes only.
 */

/** A passage to select: two boundary points in Text nodes. */
export interface Passage {
  label: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'title']);

/** Text nodes of the body a person could select, with enough text. */
export function selectableTextNodes(document: Document): Text[] {
  const walker = document.createTreeWalker(document.body, 4);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const skipped = parent?.closest([...SKIPPED].join(','));
    if (!skipped && (node as Text).data.trim().length >= 12) {
      nodes.push(node as Text);
    }
  }
  return nodes;
}

/**
 * Three passages: one inside a single Text node, one across two neighbour
 * nodes, one across a wider stretch of the page.
 */
export function pickPassages(document: Document): Passage[] {
  const nodes = selectableTextNodes(document);
  const at = (share: number) =>
    nodes[Math.min(nodes.length - 1, Math.floor(nodes.length * share))] as Text;
  const middle = (node: Text) => Math.floor(node.data.length / 2);
  const first = at(0.3);
  const second = at(0.5);
  const secondNext = nodes[nodes.indexOf(second) + 1] ?? second;
  const wideEnd = at(0.8);

  return [
    {
      label: 'inside one node',
      startNode: first,
      startOffset: 2,
      endNode: first,
      endOffset: first.data.length - 2,
    },
    {
      label: 'across neighbour nodes',
      startNode: second,
      startOffset: middle(second),
      endNode: secondNext,
      endOffset: middle(secondNext),
    },
    {
      label: 'across the page',
      startNode: first,
      startOffset: middle(first),
      endNode: wideEnd,
      endOffset: middle(wideEnd),
    },
  ];
}

/**
 * Sentences of at least 40 characters that occur more than once in the
 * text, with the offset of each occurrence.
 */
export function repeatedSentences(text: string): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  const pattern = /[A-Z][^.!?\n]{38,}[.!?]/g;
  for (const match of text.matchAll(pattern)) {
    const offsets = counts.get(match[0]) ?? [];
    offsets.push(match.index);
    counts.set(match[0], offsets);
  }
  return new Map([...counts].filter(([, offsets]) => offsets.length > 1));
}

/** Inserts a new paragraph right before the block holding `node`. */
export function insertTextBefore(node: Node, text: string): void {
  const document = node.ownerDocument as Document;
  const block =
    (node.parentElement?.closest('p, li, td, pre, div, dd, h2') as Element) ??
    document.body.firstElementChild;
  const inserted = document.createElement('p');
  inserted.textContent = text;
  block.before(inserted);
}
