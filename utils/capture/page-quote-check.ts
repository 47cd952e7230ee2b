import {
  findQuotes,
  type PageQuote,
  type PageQuoteResult,
} from './quote-check';
import { QUOTE_CHECK_INPUT } from './script-files';

type Holder = Record<string, unknown>;

function isPageQuote(value: unknown): value is PageQuote {
  const quote = value as Partial<PageQuote> | null;
  return (
    typeof quote === 'object' &&
    quote !== null &&
    typeof quote.id === 'string' &&
    typeof quote.exact === 'string' &&
    typeof quote.prefix === 'string' &&
    typeof quote.suffix === 'string'
  );
}

/** Takes the quotes the background left, so a second run finds none. */
function takeQuotes(view: Window): PageQuote[] | null {
  const holder = view as unknown as Holder;
  const quotes = holder[QUOTE_CHECK_INPUT];
  delete holder[QUOTE_CHECK_INPUT];

  if (!Array.isArray(quotes) || !quotes.every(isPageQuote)) return null;
  return quotes;
}

/**
 * The quote check as the injected script runs it: the quotes left by the
 * background, looked for in the page's text. Null when there is nothing
 * to check or the page is still loading, since its text then says
 * nothing about a quote being gone.
 * Known debt: a page that fills its text in after loading (a single-page
 * app) can read as changed, and frames are not looked into.
 */
export function checkPageQuotes(view: Window): PageQuoteResult[] | null {
  const quotes = takeQuotes(view);
  const document = view.document;
  const root = document.body ?? document.documentElement;
  if (!quotes || !root || document.readyState === 'loading') return null;

  return findQuotes(quotes, root);
}
