/**
 * Where the built capture scripts live inside the extension, for
 * `scripting.executeScript({ files: [...] })`. Kept apart from the scripts
 * so the background can import the paths without the capture code.
 */
export const CAPTURE_SCRIPT_FILE = '/capture.js';

/** The script that reads the whole article for "Clip page". */
export const ARTICLE_SCRIPT_FILE = '/article.js';

/** The script that tells which clips' quotes are still on the page. */
export const QUOTE_CHECK_SCRIPT_FILE = '/quote-check.js';

/**
 * Where the quotes to look for wait for the quote-check script, in the
 * extension's isolated world of the page: an injected file takes no
 * arguments, so a small function puts them there first.
 */
export const QUOTE_CHECK_INPUT = '__peerclipQuoteCheck';
