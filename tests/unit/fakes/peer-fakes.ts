import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import type {
  ClipDetail,
  DetailClip,
  DetailComment,
  DetailEndorsement,
  DetailReview,
  ReviewQueueItem,
} from '@/utils/remote/peer-wire';
import type { FeedItem } from '@/utils/remote/sync-wire';
import type { ActivityItem } from '@/utils/store/activity';
import type {
  LocalComment,
  LocalEndorsement,
  LocalReview,
} from '@/utils/store/discussion-types';

/*
 * One story behind every fake here: Alice published 'Safe lifting' from
 * the wiki, and Bob reads it. A test overrides only what it is about.
 */

/** The regulated topic a clip can be filed under; spread into a clip. */
export const HEALTH_AND_SAFETY = {
  topic_id: 'topic-hs',
  topic_name: 'Health & Safety',
  topic_regulated: true,
} as const;

/** What every shape of Alice's clip says alike; a fresh copy each call. */
function alicesClip(): Pick<
  DetailClip,
  | 'id'
  | 'author_id'
  | 'author_name'
  | 'title'
  | 'site'
  | 'source_url'
  | 'quote'
  | 'note'
  | 'tags'
  | 'topic_id'
  | 'topic_name'
> {
  return {
    id: 'clip-1',
    author_id: 'alice-id',
    author_name: 'Alice',
    title: 'Safe lifting',
    site: 'wiki.example',
    source_url: 'https://wiki.example/lifting',
    quote: 'Bend your knees.',
    note: '',
    tags: [],
    topic_id: null,
    topic_name: null,
  };
}

/** Alice's published clip as clip_detail sends it, with `overrides`. */
export function fakeDetailClip(
  overrides: Partial<DetailClip> = {},
): DetailClip {
  return {
    ...alicesClip(),
    author_team_name: 'Safety',
    canonical_url: 'https://wiki.example/lifting',
    quote_truncated: false,
    snippet: '',
    topic_regulated: false,
    state: 'published',
    visibility: 'organisation',
    version: 3,
    content_hash: 'hash-3',
    published_at: '2026-12-01T09:00:00.000Z',
    submitted_at: '2026-11-30T09:00:00.000Z',
    updated_at: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

/**
 * The whole detail of Alice's clip with nothing hanging on it yet:
 * `clip` overrides the clip, `rest` the thread, trust and follows.
 */
export function fakeClipDetail(
  clip: Partial<DetailClip> = {},
  rest: Partial<ClipDetail> = {},
): ClipDetail {
  return {
    clip: fakeDetailClip(clip),
    comments: [],
    endorsements: [],
    reviews: [],
    trust: 'none',
    following_author: false,
    following_topic: false,
    can_endorse_officially: false,
    ...rest,
  };
}

/** Bob's top-level comment on the clip, as the server sends it. */
export function fakeDetailComment(
  overrides: Partial<DetailComment> = {},
): DetailComment {
  return {
    id: 'comment-1',
    parent_id: null,
    author_id: 'bob-id',
    author_name: 'Bob',
    body: 'Useful.',
    version: 1,
    created_at: '2026-12-02T09:00:00.000Z',
    updated_at: '2026-12-02T09:00:00.000Z',
    deleted: false,
    ...overrides,
  };
}

/** Bob's active peer endorsement, as the server sends it. */
export function fakeDetailEndorsement(
  overrides: Partial<DetailEndorsement> = {},
): DetailEndorsement {
  return {
    id: 'endorsement-1',
    endorser_id: 'bob-id',
    endorser_name: 'Bob',
    kind: 'peer',
    created_at: '2026-12-02T09:00:00.000Z',
    expires_at: null,
    withdrawn_at: null,
    status: 'active',
    ...overrides,
  };
}

/** Carol's request for changes, on text the clip no longer holds. */
export function fakeDetailReview(
  overrides: Partial<DetailReview> = {},
): DetailReview {
  return {
    id: 'review-1',
    reviewer_id: 'carol-id',
    reviewer_name: 'Carol',
    verdict: 'changes',
    helps: 'Clear steps.',
    improve: 'Name the weight limit.',
    accuracy_concern: '',
    created_at: '2026-11-30T10:00:00.000Z',
    current: false,
    ...overrides,
  };
}

/** Alice's clip waiting in the reader's review queue, with `overrides`. */
export function fakeReviewQueueItem(
  overrides: Partial<ReviewQueueItem> = {},
): ReviewQueueItem {
  return {
    ...alicesClip(),
    author_team_name: 'Safety',
    topic_regulated: false,
    submitted_at: '2026-12-03T09:00:00.000Z',
    version: 2,
    my_verdict: null,
    ...overrides,
  };
}

/** Alice's clip as one card of the peer feed, with `overrides`. */
export function fakeFeedItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    ...alicesClip(),
    canonical_url: 'https://wiki.example/lifting',
    quote_is_excerpt: false,
    visibility: 'organisation',
    published_at: '2026-12-01T10:00:00Z',
    version: 1,
    in_network: false,
    trust: 'none',
    comment_count: 0,
    peer_endorsement_count: 0,
    author_team_name: null,
    official_endorsement_count: 0,
    my_endorsement: null,
    can_endorse_officially: false,
    ...overrides,
  };
}

/** Bob's peer endorsement as this browser keeps it, with `overrides`. */
export function fakeLocalEndorsement(
  overrides: Partial<LocalEndorsement> = {},
): LocalEndorsement {
  return {
    id: 'endorsement-1',
    clipId: 'clip-1',
    endorserId: 'bob-id',
    kind: 'peer',
    createdAt: '2026-12-02T09:00:00.000Z',
    expiresAt: null,
    withdrawnAt: null,
    contentHash: 'hash-3',
    pending: false,
    ...overrides,
  };
}

/** Bob's reply written offline and not yet sent, with `overrides`. */
export function fakeLocalComment(
  overrides: Partial<LocalComment> = {},
): LocalComment {
  return {
    id: 'comment-2',
    clipId: 'clip-1',
    parentId: 'comment-1',
    authorId: 'bob-id',
    body: 'Sent offline.',
    version: null,
    createdAt: '2026-12-03T09:00:00.000Z',
    updatedAt: '2026-12-03T09:00:00.000Z',
    deleted: false,
    pending: true,
    ...overrides,
  };
}

/** Carol's request for changes as this browser keeps it, with `overrides`. */
export function fakeLocalReview(
  overrides: Partial<LocalReview> = {},
): LocalReview {
  return {
    id: 'review-1',
    clipId: 'clip-1',
    reviewerId: 'carol-id',
    verdict: 'changes',
    helps: 'Clear steps.',
    improve: 'Name the weight limit.',
    accuracyConcern: '',
    contentHash: null,
    createdAt: '2026-12-02T10:00:00.000Z',
    pending: false,
    ...overrides,
  };
}

/** Something Bob did on a clip of the reader's, for the activity list. */
export function fakeActivity(
  kind: ActivityItem['kind'],
  clipId: string,
  createdAt: string,
): ActivityItem {
  return {
    kind,
    id: `${kind}-${createdAt}`,
    clipId,
    actorId: 'bob',
    createdAt,
  };
}

/** A fresh answer of the background holding `value`. */
export function fakeAnswer<T>(
  value: T,
  fetchedAt = '2026-12-03T11:00:00.000Z',
  stale = false,
): CachedAnswer<T> {
  return { ok: true, value, fetchedAt, stale };
}
