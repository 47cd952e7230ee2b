import type { PeerclipDb } from './database';

/** The meta key of when the reader last looked at what others did. */
export const ACTIVITY_SEEN_KEY = 'activity.seenAt';

/** Someone else's comment, endorsement or review on one of my clips. */
export interface ActivityItem {
  kind: 'comment' | 'endorsement' | 'review';
  /** The id of the comment, endorsement or review. */
  id: string;
  clipId: string;
  /** Who commented, endorsed or reviewed. */
  actorId: string;
  createdAt: string;
}

/**
 * How many comments, endorsements and reviews others made on the reader's
 * clips after `since`, as the last pull left them: the toolbar badge.
 */
export async function countActivity(
  db: PeerclipDb,
  userId: string,
  since: string,
): Promise<number> {
  return (await activitySince(db, userId, since)).length;
}

/** The latest of that activity, newest first, at most `limit` items. */
export async function recentActivity(
  db: PeerclipDb,
  userId: string,
  since: string,
  limit: number,
): Promise<ActivityItem[]> {
  const items = await activitySince(db, userId, since);
  items.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return items.slice(0, Math.max(0, limit));
}

/** When the reader last looked; the epoch when they never did. */
export async function readActivitySeenAt(db: PeerclipDb): Promise<string> {
  const entry = await db.meta.get(ACTIVITY_SEEN_KEY);
  return typeof entry?.value === 'string' ? entry.value : EPOCH;
}

/** Records that the reader looked at everything up to `seenAt`. */
export async function markActivitySeen(
  db: PeerclipDb,
  seenAt: Date,
): Promise<void> {
  await db.meta.put({ key: ACTIVITY_SEEN_KEY, value: seenAt.toISOString() });
}

const EPOCH = new Date(0).toISOString();

async function activitySince(
  db: PeerclipDb,
  userId: string,
  since: string,
): Promise<ActivityItem[]> {
  const tables = [db.clips, db.comments, db.endorsements, db.reviews];
  return db.transaction('r', tables, async () => {
    const mine = await db.clips
      .filter((clip) => clip.authorId === userId)
      .primaryKeys();
    const after = Date.parse(since);
    const fresh = (row: { createdAt: string }) =>
      Date.parse(row.createdAt) > after;

    const comments = await db.comments
      .where('clipId')
      .anyOf(mine)
      .filter((row) => row.authorId !== userId && !row.deleted && fresh(row))
      .toArray();
    const endorsements = await db.endorsements
      .where('clipId')
      .anyOf(mine)
      .filter((row) => row.endorserId !== userId && !row.withdrawnAt)
      .filter(fresh)
      .toArray();
    const reviews = await db.reviews
      .where('clipId')
      .anyOf(mine)
      .filter((row) => row.reviewerId !== userId && fresh(row))
      .toArray();

    return [
      ...comments.map((row) => item('comment', row, row.authorId)),
      ...endorsements.map((row) => item('endorsement', row, row.endorserId)),
      ...reviews.map((row) => item('review', row, row.reviewerId)),
    ];
  });
}

function item(
  kind: ActivityItem['kind'],
  row: { id: string; clipId: string; createdAt: string },
  actorId: string,
): ActivityItem {
  return {
    kind,
    id: row.id,
    clipId: row.clipId,
    actorId,
    createdAt: row.createdAt,
  };
}
