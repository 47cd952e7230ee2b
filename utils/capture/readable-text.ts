import { TEXTLESS_ELEMENTS } from './text-model';

/**
 * Elements that start a new line, by tag rather than by computed style so
 * the text is the same in jsdom and in a browser. `p` and headings leave a
 * blank line, like `innerText` does for paragraphs.
 */
const LINE_BREAKS: Readonly<Record<string, number>> = Object.fromEntries([
  ...(
    'address article aside blockquote caption dd details dialog div dl dt ' +
    'fieldset figcaption figure footer form header hgroup hr legend li ' +
    'main nav ol pre section summary table tr ul'
  )
    .split(' ')
    .map((tag) => [tag, 1]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, 2]),
]);

const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'xmp']);

/**
 * Builds text the way a reader sees it: whitespace collapsed outside
 * preformatted blocks, a line per block, `<br>` as a line break and a tab
 * between table cells.
 */
class ReadableTextWriter {
  // Parts rather than one growing string: the checks below look only at
  // the end, which stays cheap however long the quote gets.
  private readonly parts: string[] = [];
  private pendingBreaks = 0;

  text(data: string, preformatted: boolean): void {
    const text = preformatted ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
    if (text === '') return;

    this.flushBreaks();
    const atLineStart = ['', '\n', '\t', ' '].includes(this.lastCharacter());
    this.append(!preformatted && atLineStart ? text.replace(/^ /, '') : text);
  }

  /** A line break the page asks for: `<br>`, or a tab between cells. */
  literal(separator: '\n' | '\t'): void {
    this.flushBreaks();
    this.trimLineEnd();
    this.append(separator);
  }

  /** A block edge: blank lines that collapse with their neighbours. */
  blockEdge(count: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
  }

  finish(): string {
    return this.parts
      .join('')
      .replace(/^\n+/, '')
      .replace(/[ \n]+$/, '');
  }

  private append(text: string): void {
    if (text !== '') this.parts.push(text);
  }

  private lastCharacter(): string {
    const last = this.parts[this.parts.length - 1] ?? '';
    return last.slice(-1);
  }

  private trimLineEnd(): void {
    while (this.lastCharacter() === ' ') {
      const last = (this.parts.pop() as string).replace(/ +$/, '');
      this.append(last);
    }
  }

  private trailingNewlines(): number {
    let count = 0;
    for (let index = this.parts.length - 1; index >= 0 && count < 2; index--) {
      const part = this.parts[index] as string;
      const newlines = part.length - part.replace(/\n+$/, '').length;
      count += newlines;
      if (newlines < part.length) break;
    }
    return count;
  }

  private flushBreaks(): void {
    if (this.pendingBreaks === 0) return;

    this.trimLineEnd();
    if (this.parts.length > 0) {
      const needed = this.pendingBreaks - this.trailingNewlines();
      this.append('\n'.repeat(Math.max(0, needed)));
    }
    this.pendingBreaks = 0;
  }
}

function isLastCell(cell: Element): boolean {
  for (
    let next = cell.nextElementSibling;
    next;
    next = next.nextElementSibling
  ) {
    if (next.localName === 'td' || next.localName === 'th') return false;
  }
  return true;
}

function isPreformatted(node: Node): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (PREFORMATTED.has((parent as Element).localName ?? '')) return true;
  }
  return false;
}

function write(node: Node, range: Range, writer: ReadableTextWriter): void {
  if (node.nodeType === 3 /* TEXT_NODE */) {
    const text = node as Text;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : text.length;
    writer.text(text.data.slice(start, end), isPreformatted(node));
    return;
  }

  const element = node as Element;
  const tag = element.localName ?? '';
  if (TEXTLESS_ELEMENTS.has(tag)) return;
  if (tag === 'br') return writer.literal('\n');

  const breaks = LINE_BREAKS[tag] ?? 0;
  writer.blockEdge(breaks);
  for (const child of Array.from(node.childNodes)) {
    if (range.intersectsNode(child)) write(child, range, writer);
  }
  writer.blockEdge(breaks);
  const isCell = tag === 'td' || tag === 'th';
  if (isCell && !isLastCell(element)) writer.literal('\t');
}

/**
 * The text of a range as a person reads it: what a clip's quote shows.
 * Built from the same Text nodes as the text model, so the same range
 * found again on a changed page gives the same quote.
 */
export function readableText(range: Range): string {
  const writer = new ReadableTextWriter();
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) {
    write(root, range, writer);
  } else {
    for (const child of Array.from(root.childNodes)) {
      if (range.intersectsNode(child)) write(child, range, writer);
    }
  }
  return writer.finish();
}

/** The readable text of a whole node, e.g. an article or the body. */
export function readableTextOf(node: Node): string {
  const range = (node.ownerDocument ?? (node as Document)).createRange();
  range.selectNodeContents(node);
  return readableText(range);
}
