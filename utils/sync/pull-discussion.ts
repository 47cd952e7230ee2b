import type { PulledChange } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import {
  recordToComment,
  recordToEndorsement,
  recordToReview,
  type Converted,
} from './discussion-wire';

/** The entities pull stores besides clips. */
const CONVERTERS: Record<
  string,
  (record: Record<string, unknown>) => Converted<{ id: string }>
> = {
  comment: recordToComment,
  endorsement: recordToEndorsement,
  review: recordToReview,
};

/** True for a pulled entity this browser keeps beside its clips. */
export function isDiscussionEntity(entity: string): boolean {
  return entity in CONVERTERS;
}

/**
 * Applies one pulled comment, endorsement or review: a tombstone deletes
 * the row, a record replaces it. A row with a change still queued keeps
 * its local state: the answer to that change settles it. A malformed
 * record is skipped with a warning. Call inside a transaction over the
 * discussion tables and the outbox; answers whether anything was written.
 */
export async function applyDiscussionChange(
  db: PeerclipDb,
  change: PulledChange,
): Promise<boolean> {
  const table = tableOf(db, change.entity);
  if (await db.outbox.where('subjectId').equals(change.id).count()) {
    return false;
  }
  if (change.deleted || !change.record) {
    await table.delete(change.id);
    return true;
  }

  const converted = CONVERTERS[change.entity]!(change.record);
  if ('problem' in converted) {
    console.warn(
      `[peerclip] Skipped a ${change.entity} the server sent malformed:`,
      converted.problem,
      change.id,
    );
    return false;
  }
  const local = await table.get(change.id);
  // The server does not know the mark of an edit kept from a conflict.
  const marker =
    local && 'conflictOf' in local ? { conflictOf: local.conflictOf } : {};
  await table.put({ ...converted.row, ...marker } as never);
  return true;
}

/**
 * A clip's tombstone takes what hangs on it along, except rows with a
 * change still on its way: its answer settles them.
 */
export async function dropDiscussionOf(
  db: PeerclipDb,
  clipId: string,
): Promise<void> {
  const settled = (row: { pending: boolean }) => !row.pending;
  await db.comments.where('clipId').equals(clipId).filter(settled).delete();
  await db.endorsements.where('clipId').equals(clipId).filter(settled).delete();
  await db.reviews.where('clipId').equals(clipId).filter(settled).delete();
}

function tableOf(db: PeerclipDb, entity: string) {
  if (entity === 'comment') return db.comments;
  if (entity === 'endorsement') return db.endorsements;
  return db.reviews;
}
