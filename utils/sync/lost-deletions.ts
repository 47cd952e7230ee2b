import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import { serverLedger } from './server-ledger';

/**
 * A clip the server has, gone from this browser with no deletion queued:
 * discarding a draft with a pending edit drops the entry without queueing
 * the deletion. Queue it, so the server forgets the clip too.
 */
export async function queueLostDeletions(
  db: PeerclipDb,
  clock: DraftClock,
): Promise<void> {
  await db.transaction('rw', db.clips, db.outbox, db.meta, async () => {
    // Only clips whose row is gone are candidates; usually there are none.
    const gone = await serverLedger.goneClipIds(db);
    const [rows, queued] = await Promise.all([
      db.clips.bulkGet(gone),
      db.outbox.where('subjectId').anyOf(gone).keys(),
    ]);
    const deleting = new Set(queued.map(String));
    const lost = gone.filter((id, index) => !rows[index] && !deleting.has(id));

    const known = await serverLedger.ofGone(db, lost);
    await db.outbox.bulkAdd(
      lost.map((clipId, index) => ({
        changeId: clock.newId(),
        clipId,
        kind: 'clip.delete' as const,
        baseVersion: known[index]?.version ?? null,
        createdAt: clock.now().toISOString(),
      })),
    );
  });
}
