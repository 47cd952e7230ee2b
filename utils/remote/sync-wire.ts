/**
 * The shapes push_changes, pull_changes and feed_page send and answer, as
 * supabase/migrations/SYNC-PROTOCOL.md describes them.
 */

/** What a change does on the server. */
export type ChangeType =
  | 'clip.upsert'
  | 'clip.delete'
  | 'clip.submit'
  | 'comment.upsert'
  | 'comment.delete'
  | 'endorsement.create'
  | 'endorsement.withdraw'
  | 'review.create';

/** A row as the server sends it: snake_case columns. */
export type WireRecord = Record<string, unknown>;

/** One change of a push batch. */
export interface WireChange {
  /** Made once per outbox entry, so a resent change is applied once. */
  change_id: string;
  type: ChangeType;
  /** The version the client edited; absent to create. */
  base_version?: number;
  record: WireRecord;
}

/** The server applied the change (or had applied it under this id). */
export interface AppliedResult {
  status: 'applied';
  index: number;
  change_id: string;
  entity: string;
  id: string;
  version: number | null;
}

/** The row changed since the base version; nothing was written. */
export interface ConflictResult {
  status: 'conflict';
  index: number;
  change_id: string;
  entity: string;
  id: string;
  server_version: number;
  record: WireRecord;
}

/** The change breaks a rule or a limit; sending it again never helps. */
export interface RejectedResult {
  status: 'rejected';
  index: number;
  change_id: string;
  reason: string;
  code: string;
}

/** The server's answer to one change, in batch order. */
export type ChangeResult = AppliedResult | ConflictResult | RejectedResult;

/** One row the caller keeps that changed, or its tombstone. */
export interface PulledChange {
  seq: number;
  entity: string;
  id: string;
  deleted: boolean;
  record: WireRecord | null;
}

/** One page of pull_changes. */
export interface PullPage {
  changes: PulledChange[];
  /** Store after applying the page; pass back as `since`. */
  cursor: number;
  hasMore: boolean;
}

/** Which part of the peer feed to read. */
export type FeedScope = 'following' | 'team' | 'everyone' | 'site' | 'page';

/** A request for one page of the peer feed. */
export interface FeedQuery {
  scope: FeedScope;
  /** The host name for `site`, the canonical URL for `page`. */
  target?: string;
  /** The cursor of the previous page; absent for the first. */
  cursor?: string | null;
  /** 1 to 100; the server's default is 20. */
  max?: number;
}

/** One published clip of the peer feed, as feed_page sends it. */
export interface FeedItem {
  id: string;
  author_id: string;
  author_name: string | null;
  title: string;
  site: string;
  source_url: string;
  canonical_url: string;
  quote: string;
  quote_is_excerpt: boolean;
  note: string;
  tags: string[];
  topic_id: string | null;
  topic_name: string | null;
  visibility: string;
  published_at: string;
  version: number;
  in_network: boolean;
  trust: 'trusted' | 'awaiting_endorsement' | 'none';
  comment_count: number;
  peer_endorsement_count: number;
  /** The author's team, when they have one. */
  author_team_name: string | null;
  official_endorsement_count: number;
  /** The reader's own active endorsement of the clip, if any. */
  my_endorsement: { id: string; kind: 'peer' | 'official' } | null;
  /** The reader is an endorser of the clip's regulated topic. */
  can_endorse_officially: boolean;
  /**
   * A reader's browser found the quote gone from its source page. Absent
   * from pages cached before the workspace sent it.
   */
  source_changed?: boolean;
  /**
   * The clip's quote selector, to look for it on the page; sent with the
   * `page` scope only (null in others, or for clips without one). Its
   * `exact` is cut at 1,000 characters, and then its suffix left empty.
   */
  quote_selector?: FeedQuoteSelector | null;
}

/** What feed_page sends of a clip's TextQuoteSelector. */
export interface FeedQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** One page of the peer feed; a null cursor means the last page. */
export interface FeedPage {
  items: FeedItem[];
  cursor: string | null;
}

/** The most changes push_changes takes in one call. */
export const SERVER_BATCH_CAP = 500;
