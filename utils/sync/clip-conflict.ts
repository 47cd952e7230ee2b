import type { ConflictResult } from '@/utils/remote/sync-wire';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import { dropUnsentChanges } from '@/utils/store/unsent-changes';
import { isDeletedRecord, recordToClip } from './clip-wire';
import { differsInWriting, keepConflictCopy } from './conflict-copy';
import { serverLedger } from './server-ledger';
import type { SyncedClip } from './synced-clip';

/**
 * The server's row stays; the local text, when it says something else,
 * becomes a conflict copy so nothing the author wrote is lost. A clip
 * discarded here while its change travelled comes back with the server's
 * text: the deletion queued behind the change was made on the older text
 * and would remove writing this browser never showed.
 */
export async function takeClipConflict(
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
  if (!local) await dropUnsentChanges(db, clipId, 'clip.delete');
  const marker = local?.conflictOf ? { conflictOf: local.conflictOf } : {};
  await db.clips.put({ ...server, ...marker });
  await serverLedger.set(db, clipId, {
    version: result.server_version,
    authorId: String(result.record.author_id ?? ''),
  });
}
