import type { FeedItem, FeedScope } from '@/utils/remote/sync-wire';

/** Asks the background for one page of the peer feed. */
export interface FeedRequest {
  type: 'feed-page';
  scope: FeedScope;
  /** The host name for `site`, the canonical URL for `page`. */
  target?: string;
  /** The cursor the previous page ended with; absent for the first. */
  cursor?: string;
}

/** Why no page of the feed could be shown. */
export type FeedFailureCode =
  'offline' | 'not-connected' | 'not-signed-in' | 'failed';

/** A page of the peer feed, fresh from the workspace or from the cache. */
export interface FeedPageReply {
  ok: true;
  items: FeedItem[];
  /** Pass back for the next page; null on the last one. */
  cursor: string | null;
  /** When the workspace sent this page. */
  fetchedAt: string;
  /** True when the network failed and the page comes from the cache. */
  stale: boolean;
}

/** The reply to `feed-page`: a page, or one sentence saying why not. */
export type FeedReply =
  FeedPageReply | { ok: false; code: FeedFailureCode; message: string };
