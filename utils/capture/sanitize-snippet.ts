import createDOMPurify, { type DOMPurify } from 'dompurify';
import { LIMITS } from '@/utils/models/limits';
import { fitSnippet } from './fit-snippet';
import { rebuildSnippet } from './rebuild-snippet';
import {
  isHttpUrl,
  SNIPPET_ALLOWED_ATTRIBUTES,
  SNIPPET_ALLOWED_TAGS,
  SNIPPET_ATTRIBUTE_NAMES,
} from './snippet-allow-list';

export {
  findDisallowedMarkup,
  SNIPPET_ALLOWED_ATTRIBUTES,
  SNIPPET_ALLOWED_TAGS,
} from './snippet-allow-list';

/** How to read the links of a snippet. */
export interface SanitizeOptions {
  /**
   * The URL relative links are resolved against (the page's base URL).
   * Without it a relative link loses its href but keeps its text, because
   * in an extension page it would point into the extension.
   */
  baseUrl?: string;
  /** Largest snippet in bytes of UTF-8; larger ones are cut. */
  maxBytes?: number;
}

type PageWindow = Window & typeof globalThis;

const purifiers = new WeakMap<PageWindow, DOMPurify>();

function purifierFor(view: PageWindow): DOMPurify {
  const known = purifiers.get(view);
  if (known) return known;

  const purifier = createDOMPurify(view);
  if (!purifier.isSupported) return purifier;

  purifier.addHook('uponSanitizeAttribute', (element, data) => {
    const allowedHere = SNIPPET_ALLOWED_ATTRIBUTES[element.localName] ?? [];
    if (!allowedHere.includes(data.attrName)) data.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (element) => {
    if (element.localName === 'a') secureLink(element);
  });
  purifiers.set(view, purifier);
  return purifier;
}

/**
 * Links open in a new tab: a snippet is shown in the side panel or the
 * popup, where following a link in place would replace Peerclip itself.
 * `noopener noreferrer` keeps the opened page from reaching back.
 */
function secureLink(link: Element): void {
  const href = link.getAttribute('href');
  if (href === null || !isHttpUrl(href)) {
    link.removeAttribute('href');
    link.removeAttribute('target');
    link.removeAttribute('rel');
    return;
  }

  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
}

/** Makes every relative link absolute, before the sanitiser checks them. */
function resolveLinks(root: Element, baseUrl?: string): void {
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    try {
      link.setAttribute('href', new URL(href, baseUrl).href);
    } catch {
      link.removeAttribute('href');
    }
  }
}

/**
 * Parses into a document with no window: there an `<img>` does not load
 * and an `onerror` never fires, even before the sanitiser has run.
 */
function parseInert(html: string, view: Window): HTMLElement {
  const inert = view.document.implementation.createHTMLDocument('');
  const wrapper = inert.createElement('div');
  wrapper.innerHTML = html;
  return wrapper;
}

/**
 * Turns captured HTML into a snippet that is safe to store and to render:
 * only the tags and attributes of the allow-list, links only to http(s).
 * Runs wherever there is a DOM (the page, an extension page, jsdom); the
 * `view` defaults to the current window. A snippet over the size limit is
 * cut at an element boundary with a visible note, never refused.
 */
export function sanitizeSnippet(
  html: string,
  options: SanitizeOptions = {},
  view: PageWindow = window,
): string {
  const purifier = purifierFor(view);
  // Where DOMPurify finds the DOM lacking it hands back its input as it
  // is; the allow-list copy has no such mode, so it takes over.
  if (!purifier.isSupported) return rebuildSnippet(html, options, view);

  const wrapper = parseInert(html, view);
  resolveLinks(wrapper, options.baseUrl);

  const clean = purifier.sanitize(wrapper.innerHTML, {
    ALLOWED_TAGS: [...SNIPPET_ALLOWED_TAGS],
    ALLOWED_ATTR: [...SNIPPET_ATTRIBUTE_NAMES],
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
    // DOMPurify checks every attribute it does not know as a URL: these
    // hold numbers and keywords, never URLs.
    ADD_URI_SAFE_ATTR: SNIPPET_ATTRIBUTE_NAMES.filter(
      (name) => name !== 'href',
    ),
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });

  const maxBytes = options.maxBytes ?? LIMITS.snippetBytes;
  return fitSnippet(clean, maxBytes, clean.ownerDocument);
}
