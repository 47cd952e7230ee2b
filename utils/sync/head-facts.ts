import type { LocalComment } from '@/utils/store/discussion-types';
import type { OutboxEntry, PeerclipDb } from '@/utils/store/database';
import { isClipKind, leavesAsQueued } from './change-kinds';
import { serverLedger, type ServerFacts } from './server-ledger';
import type { SyncedClip } from './synced-clip';

/**
 * What the changes at the head of the outbox are built from: the clips
 * as they are now, what the server last said of them, and the comments
 * whose edits need their version. Read in one bulk read per table; what
 * the server said of a clip is on its row, so the meta table is read only
 * for clips whose row is gone.
 */
export interface HeadFacts {
  clips: Map<string, SyncedClip>;
  ledger: Map<string, ServerFacts>;
  comments: Map<string, LocalComment>;
}

/** True for a change of an existing comment: it goes on its version. */
export function editsComment(entry: OutboxEntry): boolean {
  const record = entry.record;
  if (!record) return false;
  return (
    entry.kind === 'comment.delete' ||
    (entry.kind === 'comment.upsert' && !record.clip_id)
  );
}

/**
 * The facts the entries need, none of them in flight: a batch in flight
 * goes again as it was. A clip upsert that leaves as queued needs none,
 * so a batch of new drafts reads no clip. Call inside a transaction over
 * clips, comments and meta.
 */
export async function readHeadFacts(
  db: PeerclipDb,
  entries: OutboxEntry[],
): Promise<HeadFacts> {
  const clipIds = unique(
    entries
      .filter((entry) => isClipKind(entry.kind) && !leavesAsQueued(entry))
      .map((entry) => entry.clipId),
  );
  const commentIds = unique(
    entries.filter(editsComment).map((entry) => String(entry.record?.id)),
  );

  const [clips, comments] = await Promise.all([
    db.clips.bulkGet(clipIds),
    db.comments.bulkGet(commentIds),
  ]);
  const ledger = await serverLedger.withRows(db, clipIds, clips);
  return {
    clips: byId(clipIds, clips as (SyncedClip | undefined)[]),
    ledger: byId(clipIds, ledger),
    comments: byId(commentIds, comments),
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function byId<T>(ids: string[], rows: (T | undefined)[]): Map<string, T> {
  const found = new Map<string, T>();
  ids.forEach((id, index) => {
    const row = rows[index];
    if (row !== undefined) found.set(id, row);
  });
  return found;
}
