import type { ConflictResult, RejectedResult } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import { dropUnsentChanges } from '@/utils/store/unsent-changes';
import type {
  LocalComment,
  RowRejection,
} from '@/utils/store/discussion-types';
import { newCommentRecord, recordToComment } from './discussion-wire';
import type { AnsweredChange } from './next-batch';

/** How many answered changes of comments, endorsements and reviews took. */
export interface DiscussionOutcome {
  applied: number;
  conflicts: number;
}

/**
 * Writes the server's answers to comment, endorsement and review changes
 * onto their local rows: applied rows stop being pending, refused rows
 * are marked with the reason, and a comment edit that met a newer version
 * keeps its text as a new comment. Call inside a transaction over the
 * discussion tables, the outbox and meta, after the answered entries
 * left the outbox.
 */
export async function applyDiscussionResults(
  db: PeerclipDb,
  answered: AnsweredChange[],
  clock: DraftClock,
): Promise<DiscussionOutcome> {
  const outcome: DiscussionOutcome = { applied: 0, conflicts: 0 };
  for (const answer of answered) {
    const { result } = answer;
    if (result.status === 'applied') {
      await takeApplied(db, answer);
      outcome.applied += 1;
    } else if (result.status === 'conflict') {
      await takeCommentConflict(db, answer, result, clock);
      outcome.conflicts += 1;
    } else {
      await markRejected(db, answer, result);
    }
  }
  return outcome;
}

async function takeApplied(
  db: PeerclipDb,
  { entry, change, result }: AnsweredChange,
): Promise<void> {
  const id = String(change.record.id);
  // A later change of the row, still queued, keeps it pending.
  const pending = (await db.outbox.where('subjectId').equals(id).count()) > 0;
  const version = result.status === 'applied' ? result.version : null;

  if (entry.kind.startsWith('comment.')) {
    await db.comments.update(id, {
      pending,
      ...(version !== null ? { version } : {}),
      rejected: undefined,
    });
  } else if (entry.kind.startsWith('endorsement.')) {
    const savedId = result.status === 'applied' ? result.id : id;
    // The server answered with the endorsement it already had: the local
    // one is a double, and the pull brings the server's.
    if (savedId && savedId !== id) await db.endorsements.delete(id);
    else await db.endorsements.update(id, { pending, rejected: undefined });
  } else {
    await db.reviews.update(id, { pending, rejected: undefined });
  }
}

/**
 * The server's comment stays. When it says something else than the local
 * one, the local text becomes a new comment in the same place, marked
 * with the comment it was meant for, and is queued: nothing typed is lost.
 * A deletion queued behind the change was made on the older text: it
 * would remove text this browser never showed, so it is dropped and the
 * server's comment shows again, to be deleted anew if still unwanted.
 */
async function takeCommentConflict(
  db: PeerclipDb,
  { entry, change }: AnsweredChange,
  result: ConflictResult,
  clock: DraftClock,
): Promise<void> {
  const id = String(change.record.id);
  const local = await db.comments.get(id);
  const converted = recordToComment(result.record);
  const server = 'row' in converted ? converted.row : undefined;

  const edited = change.type === 'comment.upsert' && local && !local.deleted;
  if (edited && local.body !== server?.body) {
    // Their text is the local text the copy carries.
    await dropUnsentChanges(db, id, 'comment.upsert');
    await keepCommentCopy(db, local, entry.clipId, clock);
  } else if (local?.deleted && server) {
    await dropUnsentChanges(db, id, 'comment.delete');
  }
  if (server) await db.comments.put(server);
}

async function keepCommentCopy(
  db: PeerclipDb,
  local: LocalComment,
  clipId: string,
  clock: DraftClock,
): Promise<void> {
  const time = clock.now().toISOString();
  const copy: LocalComment = {
    ...local,
    id: clock.newId(),
    version: null,
    createdAt: time,
    updatedAt: time,
    pending: true,
    conflictOf: local.conflictOf ?? local.id,
    rejected: undefined,
  };

  await db.comments.add(copy);
  await db.outbox.add({
    changeId: clock.newId(),
    clipId,
    subjectId: copy.id,
    kind: 'comment.upsert',
    baseVersion: null,
    createdAt: time,
    record: newCommentRecord(copy),
  });
}

/**
 * The row stays where the person put it, marked with the reason, so the
 * UI says the change did not go through. A refused withdrawal or deletion
 * undoes itself locally: the server still has the endorsement or comment.
 */
async function markRejected(
  db: PeerclipDb,
  { change }: AnsweredChange,
  result: RejectedResult,
): Promise<void> {
  const id = String(change.record.id);
  const rejected = { type: change.type, reason: result.reason };
  if (await neverCreated(db, change.type, id)) {
    // The first refusal says it all: the row is not on the server.
    await updateRow(db, change.type, id, { pending: false });
    return;
  }

  if (change.type === 'comment.delete') {
    await db.comments.update(id, { pending: false, deleted: false, rejected });
  } else if (change.type === 'endorsement.withdraw') {
    await db.endorsements.update(id, {
      pending: false,
      withdrawnAt: null,
      rejected,
    });
  } else {
    await updateRow(db, change.type, id, { pending: false, rejected });
  }
}

/** True when the row's creation was refused before this change. */
async function neverCreated(
  db: PeerclipDb,
  type: string,
  id: string,
): Promise<boolean> {
  if (type === 'endorsement.withdraw') {
    const row = await db.endorsements.get(id);
    return row?.rejected?.type === 'endorsement.create';
  }
  if (type === 'comment.delete' || type === 'comment.upsert') {
    const row = await db.comments.get(id);
    return !!row?.rejected && row.version === null;
  }
  return false;
}

async function updateRow(
  db: PeerclipDb,
  type: string,
  id: string,
  changes: { pending: boolean; rejected?: RowRejection },
): Promise<void> {
  if (type.startsWith('comment.')) await db.comments.update(id, changes);
  else if (type.startsWith('endorsement.')) {
    await db.endorsements.update(id, changes);
  } else await db.reviews.update(id, changes);
}
