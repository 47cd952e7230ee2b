import { buildTextModel } from './text-model';
import { collapseWhitespace } from './whitespace';

/** A quote to look for on the page, as the injected script receives it. */
export interface PageQuote {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
}

/** What the injected script answers for one quote. */
export interface PageQuoteResult {
  id: string;
  found: boolean;
}

/**
 * Looks for each quote in the page's text model with the test `anchor`
 * makes before it places a clip: the exact text, or the same text with
 * its whitespace collapsed, for pages re-indented since. Context does not
 * decide: it only picks among repeats, and any repeat means the quote is
 * still there. The model is built once for every quote, so fifty quotes
 * cost one walk of the page.
 *
 * A quote with nothing to look for counts as found: it cannot be said to
 * be gone.
 */
export function findQuotes(
  quotes: readonly PageQuote[],
  root: Node,
): PageQuoteResult[] {
  const { text } = buildTextModel(root);
  let collapsed: string | undefined;

  return quotes.map(({ id, exact }) => {
    const needle = collapseWhitespace(exact).trim();
    if (needle === '' || text.includes(exact)) return { id, found: true };

    collapsed ??= collapseWhitespace(text);
    return { id, found: collapsed.includes(needle) };
  });
}
