import type { PeerclipDb } from './database';
import { isHeld } from './discussion-rules';
import type {
  LocalComment,
  LocalEndorsement,
  LocalReview,
} from './discussion-types';

/** What the views read of comments, endorsements and reviews. */
export const discussionQueries = {
  /** The comments of a clip, deleted ones included, oldest first. */
  commentsOf(db: PeerclipDb, clipId: string): Promise<LocalComment[]> {
    return db.comments.where('clipId').equals(clipId).sortBy('createdAt');
  },

  /** Every endorsement of a clip, history included, newest first. */
  async endorsementsOf(
    db: PeerclipDb,
    clipId: string,
  ): Promise<LocalEndorsement[]> {
    const rows = await db.endorsements
      .where('clipId')
      .equals(clipId)
      .sortBy('createdAt');
    return rows.reverse();
  },

  /** The reviews of a clip, newest first. */
  async reviewsOf(db: PeerclipDb, clipId: string): Promise<LocalReview[]> {
    const rows = await db.reviews
      .where('clipId')
      .equals(clipId)
      .sortBy('createdAt');
    return rows.reverse();
  },

  /**
   * The person's endorsements that hold at `now` (milliseconds), by clip;
   * the latest when several do.
   */
  async heldBy(
    db: PeerclipDb,
    endorserId: string,
    clipIds: string[],
    now: number,
  ): Promise<Map<string, LocalEndorsement>> {
    const wanted = new Set(clipIds);
    const rows = await db.endorsements
      .where('endorserId')
      .equals(endorserId)
      .filter((row) => wanted.has(row.clipId) && isHeld(row, now))
      .sortBy('createdAt');
    return new Map(rows.map((row) => [row.clipId, row]));
  },

  /** The reason of the latest refusal, by clip, where none holds. */
  async refusedOf(
    db: PeerclipDb,
    endorserId: string,
    clipIds: string[],
    now: number,
  ): Promise<Map<string, string>> {
    const held = await discussionQueries.heldBy(db, endorserId, clipIds, now);
    const wanted = new Set(clipIds.filter((clipId) => !held.has(clipId)));
    const refused = await db.endorsements
      .where('endorserId')
      .equals(endorserId)
      .filter((row) => wanted.has(row.clipId) && !!row.rejected)
      .sortBy('createdAt');
    return new Map(
      refused.map((row) => [row.clipId, row.rejected?.reason ?? '']),
    );
  },
};
