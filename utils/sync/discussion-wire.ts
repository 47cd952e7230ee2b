import type { WireRecord } from '@/utils/remote/sync-wire';
import type {
  LocalComment,
  LocalEndorsement,
  LocalReview,
} from '@/utils/store/discussion-types';

/**
 * Comment, endorsement and review rows between the server's snake_case
 * records and the browser's rows. A record that lacks what a row needs
 * is refused with the reason, so pull skips it and applies the rest.
 */

/** A record that cannot become a local row, and why. */
export type Converted<T> = { row: T } | { problem: string };

/** The record of a new comment, as `comment.upsert` creates it. */
export function newCommentRecord(comment: LocalComment): WireRecord {
  return {
    id: comment.id,
    clip_id: comment.clipId,
    parent_id: comment.parentId,
    body: comment.body,
  };
}

/** The record of an endorsement, as `endorsement.create` sends it. */
export function endorsementRecord(endorsement: LocalEndorsement): WireRecord {
  return {
    id: endorsement.id,
    clip_id: endorsement.clipId,
    kind: endorsement.kind,
  };
}

/** The record of a review, as `review.create` sends it. */
export function reviewRecord(review: LocalReview): WireRecord {
  return {
    id: review.id,
    clip_id: review.clipId,
    verdict: review.verdict,
    helps: review.helps,
    improve: review.improve,
    accuracy_concern: review.accuracyConcern,
  };
}

/** A comment row from the server, not pending. */
export function recordToComment(record: WireRecord): Converted<LocalComment> {
  const read = reader(record);
  const problem = read.missing(['id', 'clip_id', 'author_id', 'created_at']);
  if (problem) return { problem };
  if (typeof record.body !== 'string') return { problem: 'body: not text' };

  return {
    row: {
      id: read.text('id'),
      clipId: read.text('clip_id'),
      parentId: read.textOrNull('parent_id'),
      authorId: read.text('author_id'),
      body: record.body,
      version: typeof record.version === 'number' ? record.version : null,
      createdAt: read.time('created_at'),
      updatedAt: read.time('updated_at') || read.time('created_at'),
      deleted: read.textOrNull('deleted_at') !== null,
      pending: false,
    },
  };
}

/**
 * An endorsement row from the server, not pending. The server says
 * whether it is still active; one that is not, though neither withdrawn
 * nor run out, lapsed with an edit of the clip's text.
 */
export function recordToEndorsement(
  record: WireRecord,
): Converted<LocalEndorsement> {
  const read = reader(record);
  const problem = read.missing(['id', 'clip_id', 'endorser_id', 'created_at']);
  if (problem) return { problem };
  if (record.kind !== 'peer' && record.kind !== 'official') {
    return { problem: 'kind: neither peer nor official' };
  }

  const row: LocalEndorsement = {
    id: read.text('id'),
    clipId: read.text('clip_id'),
    endorserId: read.text('endorser_id'),
    kind: record.kind,
    createdAt: read.time('created_at'),
    expiresAt: read.timeOrNull('expires_at'),
    withdrawnAt: read.timeOrNull('withdrawn_at'),
    contentHash: read.textOrNull('content_hash'),
    pending: false,
  };
  if (record.active === false && !row.withdrawnAt) row.lapsed = true;
  return { row };
}

/** A review row from the server, not pending. */
export function recordToReview(record: WireRecord): Converted<LocalReview> {
  const read = reader(record);
  const problem = read.missing(['id', 'clip_id', 'reviewer_id', 'created_at']);
  if (problem) return { problem };
  if (record.verdict !== 'approve' && record.verdict !== 'changes') {
    return { problem: 'verdict: neither approve nor changes' };
  }

  return {
    row: {
      id: read.text('id'),
      clipId: read.text('clip_id'),
      reviewerId: read.text('reviewer_id'),
      verdict: record.verdict,
      helps: read.text('helps'),
      improve: read.text('improve'),
      accuracyConcern: read.text('accuracy_concern'),
      contentHash: read.textOrNull('content_hash'),
      createdAt: read.time('created_at'),
      pending: false,
    },
  };
}

function reader(record: WireRecord) {
  const text = (field: string) =>
    typeof record[field] === 'string' ? (record[field] as string) : '';
  return {
    text,
    textOrNull: (field: string) => text(field) || null,
    /** A time as the browser writes it, so times compare as text. */
    time: (field: string) => isoTime(text(field)),
    timeOrNull: (field: string) => isoTime(text(field)) || null,
    missing: (fields: string[]) => {
      const absent = fields.filter((field) => !text(field));
      if (absent.length > 0) return `missing ${absent.join(', ')}`;
      const times = ['created_at', 'updated_at', 'expires_at', 'withdrawn_at'];
      const bad = times.filter((field) => text(field) && !isoTime(text(field)));
      return bad.length > 0 ? `not a time: ${bad.join(', ')}` : undefined;
    },
  };
}

function isoTime(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}
