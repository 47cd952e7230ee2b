import { LIMITS } from '@/utils/models/limits';
import { fitSnippet } from './fit-snippet';
import {
  isHttpUrl,
  SNIPPET_ALLOWED_ATTRIBUTES,
  SNIPPET_ALLOWED_TAGS,
} from './snippet-allow-list';

/**
 * Elements dropped with everything inside them: code, styles, embedded
 * documents, form fields, and the svg and math namespaces whose parsing
 * rules are where markup changes meaning on a second parse.
 */
const DROPPED_WITH_CONTENT = new Set(
  (
    'script style template noscript iframe frame frameset object embed ' +
    'textarea select option svg math title xmp noembed noframes plaintext ' +
    'head audio video canvas'
  ).split(' '),
);

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Attribute values other than links: small numbers and fixed keywords. */
const SAFE_VALUE = /^(\d{1,4}|row|col|rowgroup|colgroup|reversed|)$/i;

const allowedTags = new Set(SNIPPET_ALLOWED_TAGS);

/** What `rebuildSnippet` needs to know about the page. */
export interface RebuildOptions {
  /** The URL relative links are resolved against. */
  baseUrl?: string;
  /** Largest snippet in bytes of UTF-8; larger ones are cut. */
  maxBytes?: number;
}

function absoluteHttpUrl(href: string, baseUrl?: string): string | null {
  try {
    const url = new URL(href, baseUrl).href;
    return isHttpUrl(url) ? url : null;
  } catch {
    return null;
  }
}

function copyAttributes(
  source: Element,
  copy: Element,
  baseUrl?: string,
): void {
  const allowedHere = SNIPPET_ALLOWED_ATTRIBUTES[copy.localName] ?? [];
  for (const name of allowedHere) {
    const value = source.getAttribute(name);
    if (value === null || name === 'rel' || name === 'target') continue;

    if (name === 'href') {
      const url = absoluteHttpUrl(value, baseUrl);
      if (url === null) continue;
      copy.setAttribute('href', url);
      copy.setAttribute('target', '_blank');
      copy.setAttribute('rel', 'noopener noreferrer');
    } else if (SAFE_VALUE.test(value.trim())) {
      copy.setAttribute(name, value.trim());
    }
  }
}

function copyAllowed(
  nodes: ArrayLike<Node>,
  target: Node,
  options: RebuildOptions,
): void {
  const output = (target.ownerDocument ?? target) as Document;
  for (const child of Array.from(nodes)) {
    if (child.nodeType === 3 /* TEXT_NODE */) {
      target.appendChild(output.createTextNode((child as Text).data));
      continue;
    }
    if (child.nodeType !== 1 /* ELEMENT_NODE */) continue;

    const element = child as Element;
    const tag = element.localName;
    const isHtml = element.namespaceURI === HTML_NAMESPACE;
    if (!isHtml || DROPPED_WITH_CONTENT.has(tag)) continue;

    if (!allowedTags.has(tag)) {
      copyAllowed(element.childNodes, target, options);
      continue;
    }
    const copy = output.createElement(tag);
    copyAttributes(element, copy, options.baseUrl);
    copyAllowed(element.childNodes, copy, options);
    target.appendChild(copy);
  }
}

/**
 * Makes a snippet by copying only what the allow-list permits from `source`
 * into a new document: allowed elements, their allowed attributes, http(s)
 * links and text. Nothing of the page's markup is passed on, so nothing can
 * slip through; the text of elements that are not allowed is kept. Small
 * enough for the script injected into pages, where DOMPurify would not fit
 * the size budget; extension pages sanitise again with DOMPurify when
 * showing.
 */
export function rebuildSnippetFrom(
  source: Node,
  options: RebuildOptions = {},
  view: Window = window,
): string {
  const output = view.document.implementation.createHTMLDocument('');
  const fragment = output.createDocumentFragment();
  const isFragment = source.nodeType === 11; /* DOCUMENT_FRAGMENT_NODE */

  copyAllowed(isFragment ? source.childNodes : [source], fragment, options);

  return fitSnippet(fragment, options.maxBytes ?? LIMITS.snippetBytes, output);
}

/** `rebuildSnippetFrom` for HTML that arrives as a string. */
export function rebuildSnippet(
  html: string,
  options: RebuildOptions = {},
  view: Window = window,
): string {
  const implementation = view.document.implementation;
  const holder = implementation.createHTMLDocument('').createElement('div');
  holder.innerHTML = html;
  const source = holder.ownerDocument.createDocumentFragment();
  source.append(...Array.from(holder.childNodes));

  return rebuildSnippetFrom(source, options, view);
}
