/**
 * Ancestors whose markup gives the selected text its meaning: without them
 * a selection inside a `<pre>` or a table loses its shape in the snippet.
 */
const SHAPING_ANCESTORS = new Set([
  'pre',
  'code',
  'ol',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

function pathFrom(ancestor: Node, node: Node): number[] {
  const path: number[] = [];
  for (let at = node; at !== ancestor; at = at.parentNode as Node) {
    path.unshift(Array.prototype.indexOf.call(at.parentNode?.childNodes, at));
  }
  return path;
}

function follow(root: Node, path: number[]): Node {
  return path.reduce<Node>((at, index) => at.childNodes[index] as Node, root);
}

function wrapInShapingAncestors(
  fragment: DocumentFragment,
  from: Node,
  into: Document,
): Node {
  let content: Node = fragment;
  for (let at: Node | null = from; at; at = at.parentNode) {
    const tag = (at as Element).localName ?? '';
    if (!SHAPING_ANCESTORS.has(tag)) continue;

    const shell = into.importNode(at, false);
    shell.appendChild(content);
    content = shell;
  }
  return content;
}

/**
 * The content of a range, copied into a document without a window first: a
 * copy made in the page itself would load its images and fire their
 * `onerror` handlers before anything is sanitised. The copy is handed on as
 * nodes, never as an HTML string: serialising and parsing again can change
 * the tree (an svg or math payload opens a comment that swallows the rest).
 */
export function rangeContent(range: Range): Node {
  const page = range.startContainer.ownerDocument as Document;
  const common = range.commonAncestorContainer;
  const inert = page.implementation.createHTMLDocument('');
  const copy = inert.importNode(common, true);
  inert.body.append(copy);

  const inertRange = inert.createRange();
  inertRange.setStart(
    follow(copy, pathFrom(common, range.startContainer)),
    range.startOffset,
  );
  inertRange.setEnd(
    follow(copy, pathFrom(common, range.endContainer)),
    range.endOffset,
  );
  const fragment = inertRange.cloneContents();
  return wrapInShapingAncestors(fragment, common, inert);
}
