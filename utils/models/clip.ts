/**
 * W3C Web Annotation TextQuoteSelector: the exact quote with some context on
 * each side, which picks the right occurrence of a repeated sentence.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector: character offsets into the text
 * of the page's body. Fast to check, but wrong once the page changes.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A selector that re-finds a clip's quote on its source page. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/** Where a clip is in its life: only the author sees a draft. */
export type ClipState = 'draft' | 'in_review' | 'published' | 'archived';

/** Who may read a published clip: the whole organisation or the team. */
export type ClipVisibility = 'organisation' | 'team';

/** What was clipped: a selection, or the readable article of a page. */
export type ClipKind = 'selection' | 'page';

/** A clip as the browser keeps it in IndexedDB. */
export interface Clip {
  /** Made on the client (UUID v4), so a retried save never duplicates. */
  id: string;
  kind: ClipKind;
  sourceUrl: string;
  /** The source URL without fragment and tracking parameters. */
  canonicalUrl: string;
  title: string;
  /** The source's host name, e.g. `wiki.northwind.example`. */
  site: string;
  quote: string;
  /** True when the selection was longer than the quote limit. */
  quoteTruncated: boolean;
  selectors: Selector[];
  /** Sanitised HTML of the selection or the article. */
  snippet: string;
  /** Page clips only: the article's byline and excerpt. */
  byline: string;
  excerpt: string;
  note: string;
  tags: string[];
  topicId: string | null;
  state: ClipState;
  visibility: ClipVisibility;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
}
