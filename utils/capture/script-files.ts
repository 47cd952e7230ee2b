/**
 * Where the built capture scripts live inside the extension, for
 * `scripting.executeScript({ files: [...] })`. Kept apart from the scripts
 * so the background can import the paths without the capture code.
 */
export const CAPTURE_SCRIPT_FILE = '/capture.js';

/** The script that reads the whole article for "Clip page". */
export const ARTICLE_SCRIPT_FILE = '/article.js';
