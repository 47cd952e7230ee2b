import type {
  AppliedResult,
  ChangeResult,
  ConflictResult,
} from '@/utils/remote/sync-wire';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import { clipToRecord, isDeletedRecord, recordToClip } from './clip-wire';
import { differsInWriting, keepConflictCopy } from './conflict-copy';
import type { OutgoingChange } from './next-batch';
import { rejections, type RejectedChange } from './rejections';
import { serverLedger } from './server-ledger';
import type { SyncedClip } from './synced-clip';

/** What one push request did. */
export interface PushOutcome {
  applied: number;
  conflicts: number;
  rejected: RejectedChange[];
}

/** What applying results needs besides the database. */
export interface ApplyContext {
  clock: DraftClock;
  /** The signed-in person: the author of what they create. */
  userId: string;
}

/**
 * Applies the server's answers in one transaction: every answered entry
 * leaves the outbox, conflicts keep the local text as a copy, rejections
 * are kept for the author.
 */
export async function applyResults(
  db: PeerclipDb,
  sent: OutgoingChange[],
  results: ChangeResult[],
  context: ApplyContext,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { applied: 0, conflicts: 0, rejected: [] };

  await db.transaction('rw', db.clips, db.outbox, db.meta, async () => {
    for (const [index, { entry, change }] of sent.entries()) {
      const result = results[index];
      if (!result) continue;
      await db.outbox.delete(entry.seq as number);

      if (result.status === 'applied') {
        await takeApplied(db, { entry, change }, result, context);
        outcome.applied += 1;
      } else if (result.status === 'conflict') {
        await takeConflict(db, entry.clipId, result, context.clock);
        outcome.conflicts += 1;
      } else {
        // Known gap: the clip keeps its local text, and a server change of
        // it that a pull skipped meanwhile is not fetched again.
        outcome.rejected.push({
          changeId: change.change_id,
          clipId: entry.clipId,
          type: change.type,
          reason: result.reason,
          code: result.code,
          rejectedAt: context.clock.now().toISOString(),
        });
      }
    }
    await rejections.add(db, outcome.rejected);
  });
  return outcome;
}

async function takeApplied(
  db: PeerclipDb,
  { entry, change }: OutgoingChange,
  result: AppliedResult,
  context: ApplyContext,
): Promise<void> {
  const clipId = entry.clipId;
  if (change.type === 'clip.delete') {
    await serverLedger.remove(db, clipId);
    return;
  }

  const known = await serverLedger.get(db, clipId);
  const version = result.version ?? known?.version ?? 1;
  await serverLedger.set(db, clipId, {
    version,
    authorId: known?.authorId ?? context.userId,
  });
  await queueFollowUp(db, clipId, change.record, version, context.clock);
}

/**
 * The clip may have changed while its change was on the way: edits fold
 * into the entry that was just sent, and a discarded draft drops it.
 * Whatever the server has not seen yet goes out as a new change.
 */
async function queueFollowUp(
  db: PeerclipDb,
  clipId: string,
  sentRecord: Record<string, unknown>,
  version: number,
  clock: DraftClock,
): Promise<void> {
  if (await db.outbox.where('clipId').equals(clipId).count()) return;
  const clip = (await db.clips.get(clipId)) as SyncedClip | undefined;
  const kind = clip ? 'clip.upsert' : 'clip.delete';
  const unchanged =
    clip && JSON.stringify(clipToRecord(clip)) === JSON.stringify(sentRecord);
  if (unchanged) return;

  await db.outbox.add({
    changeId: clock.newId(),
    clipId,
    kind,
    baseVersion: version,
    createdAt: clock.now().toISOString(),
  });
}

/**
 * The server's row stays; the local text, when it says something else,
 * becomes a conflict copy so nothing the author wrote is lost.
 */
async function takeConflict(
  db: PeerclipDb,
  clipId: string,
  result: ConflictResult,
  clock: DraftClock,
): Promise<void> {
  const local = (await db.clips.get(clipId)) as SyncedClip | undefined;
  const gone = isDeletedRecord(result.record);
  const server = gone ? undefined : recordToClip(result.record);

  if (local && differsInWriting(local, server)) {
    await keepConflictCopy(db, local, clock);
  }
  if (!server) {
    await db.clips.delete(clipId);
    await serverLedger.remove(db, clipId);
    return;
  }
  const marker = local?.conflictOf ? { conflictOf: local.conflictOf } : {};
  await db.clips.put({ ...server, ...marker });
  await serverLedger.set(db, clipId, {
    version: result.server_version,
    authorId: String(result.record.author_id ?? ''),
  });
}
