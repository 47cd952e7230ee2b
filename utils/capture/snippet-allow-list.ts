/**
 * Elements a sanitised snippet may contain: text formatting, paragraphs,
 * headings, lists, tables and code. Anything else is dropped; the text of a
 * dropped element is kept unless the element only ever holds code or styles.
 */
export const SNIPPET_ALLOWED_TAGS: readonly string[] = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
  'var',
];

/**
 * Attributes a snippet may carry, per element. `rel` and `target` are set
 * by the sanitiser itself on every link; nothing else carries attributes.
 */
export const SNIPPET_ALLOWED_ATTRIBUTES: Readonly<
  Record<string, readonly string[]>
> = {
  a: ['href', 'rel', 'target'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
};

/** Every attribute name that some allowed element may carry. */
export const SNIPPET_ATTRIBUTE_NAMES: readonly string[] = [
  ...new Set(Object.values(SNIPPET_ALLOWED_ATTRIBUTES).flat()),
];

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

const allowedTags = new Set(SNIPPET_ALLOWED_TAGS);

/**
 * True for an absolute http(s) URL. Browsers ignore tabs and newlines
 * inside a scheme (`java&#x09;script:` still runs), so those are removed
 * before the scheme is read.
 */
export function isHttpUrl(value: string): boolean {
  const compact = Array.from(value)
    .filter((character) => character.charCodeAt(0) > 0x20)
    .join('');

  return /^https?:\/\//i.test(compact);
}

function problemsOfElement(element: Element): string[] {
  const tag = element.localName;
  if (element.namespaceURI !== HTML_NAMESPACE || !allowedTags.has(tag)) {
    return [`element <${tag}>`];
  }

  const allowedHere = SNIPPET_ALLOWED_ATTRIBUTES[tag] ?? [];
  const problems: string[] = [];
  for (const attribute of Array.from(element.attributes)) {
    if (!allowedHere.includes(attribute.name)) {
      problems.push(`attribute ${attribute.name} on <${tag}>`);
    } else if (attribute.name === 'href' && !isHttpUrl(attribute.value)) {
      problems.push(`URL ${attribute.value.slice(0, 40)} on <${tag}>`);
    }
  }
  return problems;
}

/**
 * Lists everything under `root` (not `root` itself, which is the caller's
 * own container) that a sanitised snippet must not contain: elements and
 * attributes off the allow-list, including `style` and `on*`, and links
 * that are not http(s). An empty list means the markup is safe to show.
 */
export function findDisallowedMarkup(
  root: Element | DocumentFragment,
): string[] {
  return Array.from(root.querySelectorAll('*')).flatMap(problemsOfElement);
}
