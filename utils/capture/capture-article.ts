import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { LIMITS } from '@/utils/models/limits';
import { captureFailure, type CaptureResult } from './capture-result';
import { readableTextOf } from './readable-text';
import { sanitizeSnippet } from './sanitize-snippet';

/** How much visible text a page clip keeps when there is no article. */
export const FALLBACK_TEXT_CHARS = 2_000;

/**
 * Readability nearly always returns something, even the navigation of a
 * dashboard; below its own article threshold, and on a page it does not
 * call readable, what it found is not an article.
 */
const MIN_ARTICLE_CHARS = 500;

type PageWindow = Window & typeof globalThis;

function metaContent(document: Document, names: string[]): string {
  for (const name of names) {
    const meta = document.querySelector(
      `meta[name="${name}" i], meta[property="${name}" i]`,
    );
    const content = meta?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return '';
}

function pageTitle(view: Window): string {
  return view.document.title.trim() || view.location.hostname;
}

/** The text of some HTML, read in a document with no window. */
function textOfHtml(html: string, view: Window): string {
  const inert = view.document.implementation.createHTMLDocument('');
  inert.body.innerHTML = html;
  return readableTextOf(inert.body);
}

/**
 * Text the page shows. A browser's `innerText` leaves out what is hidden;
 * where there is no layout (jsdom) the DOM's text is the best there is.
 */
function visibleText(document: Document): string {
  const root = document.body ?? document.documentElement;
  if (!root) return '';

  const shown = (root as HTMLElement).innerText;
  if (typeof shown === 'string') {
    return shown.replace(/\n{3,}/g, '\n\n').trim();
  }
  return readableTextOf(root);
}

function paragraphsHtml(text: string, view: Window): string {
  const inert = view.document.implementation.createHTMLDocument('');
  const holder = inert.createElement('div');
  for (const line of text.split(/\n+/)) {
    if (line.trim() === '') continue;
    const paragraph = inert.createElement('p');
    paragraph.textContent = line.trim();
    holder.append(paragraph);
  }
  return holder.innerHTML;
}

function limitQuote(text: string): { quote: string; truncated: boolean } {
  return {
    quote: text.slice(0, LIMITS.quoteChars),
    truncated: text.length > LIMITS.quoteChars,
  };
}

/**
 * A page clip without an article: title, description and the start of
 * the visible text, for pages Readability cannot read (dashboards, forms).
 */
export function capturePageStart(view: PageWindow = window): CaptureResult {
  const document = view.document;
  const description = metaContent(document, ['description', 'og:description']);
  const text = visibleText(document).slice(0, FALLBACK_TEXT_CHARS).trim();
  if (text === '' && description === '') return captureFailure('empty-page');

  return {
    ok: true,
    capture: {
      kind: 'page',
      url: view.location.href,
      title: pageTitle(view),
      byline: metaContent(document, ['author']),
      excerpt: description,
      quote: text,
      quoteTruncated: false,
      selectors: [],
      snippet: sanitizeSnippet(paragraphsHtml(text, view), {}, view),
    },
  };
}

/** Readability's article, or null where it finds none or gives up. */
function readArticle(document: Document) {
  try {
    const copy = document.cloneNode(true) as Document;
    return new Readability(copy).parse();
  } catch (error) {
    // Readability expects an HTML document; an SVG or XML one can throw.
    console.warn('[peerclip] No article on this page.', error);
    return null;
  }
}

/**
 * Reads the page's article as a page clip: Readability runs on a copy of
 * the document, so the page itself is never changed. The quote is the
 * article's text as a reader sees it; page clips carry no selectors.
 * Falls back to the start of the page when there is no article.
 */
export function captureArticle(view: PageWindow = window): CaptureResult {
  const document = view.document;
  const article = readArticle(document);
  const html = article?.content ?? '';
  const text = html ? textOfHtml(html, view) : '';
  const isArticle =
    text.length >= MIN_ARTICLE_CHARS ||
    (text.trim() !== '' && isProbablyReaderable(document));
  if (!isArticle) return capturePageStart(view);

  const { quote, truncated } = limitQuote(text);
  return {
    ok: true,
    capture: {
      kind: 'page',
      url: view.location.href,
      title: article?.title?.trim() || pageTitle(view),
      byline: article?.byline?.trim() ?? '',
      excerpt: article?.excerpt?.trim() ?? '',
      quote,
      quoteTruncated: truncated,
      selectors: [],
      snippet: sanitizeSnippet(html, { baseUrl: document.baseURI }, view),
    },
  };
}
