/**
 * The `check-page-quotes` request: the popup asks whether the quotes of
 * the page's published clips are still on the page in the active tab.
 */

/** Most clips one check looks for: the popup's first page of them. */
export const MAX_QUOTE_CHECKS = 50;

/** Longest `exact` a check takes; longer quotes are checked by their start. */
export const MAX_CHECKED_EXACT = 1000;

/** Longest prefix or suffix a check takes. */
export const MAX_CHECKED_CONTEXT = 256;

/** One clip's quote selector to look for on the page. */
export interface QuoteToCheck {
  /** The clip's id. */
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * Whether the workspace last said the source changed; the background
   * reports the outcome only when it differs (or when this is absent).
   */
  sourceChanged?: boolean;
}

/** Asks the background to look for clips' quotes in the active tab. */
export interface CheckPageQuotesRequest {
  type: 'check-page-quotes';
  /** The canonical URL the clips belong to; another page is not checked. */
  pageUrl: string;
  clips: QuoteToCheck[];
}

/**
 * What a check found for one quote. `unknown` when the page could not be
 * read (a browser page, a tab that refused the script, a page still
 * loading): never a guess that the source changed.
 */
export type QuoteCheckStatus = 'found' | 'changed' | 'unknown';

/** One clip's outcome. */
export interface QuoteCheckResult {
  id: string;
  status: QuoteCheckStatus;
}

/** The reply to `check-page-quotes`: one result per clip asked, in order. */
export interface CheckPageQuotesReply {
  ok: true;
  results: QuoteCheckResult[];
}
