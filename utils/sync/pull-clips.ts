import type { PulledChange } from '@/utils/remote/sync-wire';
import type { PeerclipDb, StoredClip } from '@/utils/store/database';
import { recordToClip } from './clip-wire';
import { dropDiscussionOf } from './pull-discussion';
import { serverLedger } from './server-ledger';

/** What applying pulled clips needs to know, and what it wrote. */
export interface PulledClipsContext {
  /** Clips whose facts the meta table keeps, their row being gone. */
  gone: ReadonlySet<string>;
  /** Clip rows written with the server's facts. */
  written: Set<string>;
}

/**
 * Applies a run of pulled clip changes with bulk reads and writes: a page
 * of 500 clips costs a few requests to IndexedDB, not 500 round trips.
 * A later change of a clip in the run wins over an earlier one. A clip
 * with a change of its own still queued keeps its local text: its push
 * meets the server's newer version as a conflict and keeps both. Queued
 * comments, endorsements and reviews on it do not hold it back. Answers
 * how many changes were applied.
 */
export async function applyPulledClips(
  db: PeerclipDb,
  changes: PulledChange[],
  { gone, written }: PulledClipsContext,
): Promise<number> {
  const ids = [...new Set(changes.map(({ id }) => id))];
  const [queued, rows] = await Promise.all([
    db.outbox.where('subjectId').anyOf(ids).keys(),
    db.clips.bulkGet(ids),
  ]);
  const waiting = new Set(queued.map(String));
  const local = new Map(ids.map((id, index) => [id, rows[index]]));

  // The row each clip ends with: null for one the server no longer has.
  const outcome = new Map<string, StoredClip | null>();
  let applied = 0;
  for (const change of changes) {
    if (waiting.has(change.id)) continue;
    const row = pulledRow(change, local.get(change.id));
    if (row === undefined) continue;
    outcome.set(change.id, row);
    applied += 1;
  }

  await writeOutcome(db, outcome, gone);
  for (const [id, row] of outcome) if (row) written.add(id);
  return applied;
}

/**
 * The row a pulled change leaves: the server's clip with its facts, null
 * for a tombstone, undefined for a malformed record, which is skipped.
 */
function pulledRow(
  change: PulledChange,
  local: StoredClip | undefined,
): StoredClip | null | undefined {
  if (change.deleted || !change.record) return null;
  const clip = recordToClip(change.record);
  if (!clip) {
    console.warn(
      '[peerclip] Skipped a clip the server sent malformed.',
      change.id,
    );
    return undefined;
  }

  // The server does not know the mark of a conflict copy.
  const marker = local?.conflictOf ? { conflictOf: local.conflictOf } : {};
  return {
    ...clip,
    ...marker,
    version: Number(change.record.version ?? 1),
    authorId: String(change.record.author_id ?? '') || null,
  };
}

async function writeOutcome(
  db: PeerclipDb,
  outcome: Map<string, StoredClip | null>,
  gone: ReadonlySet<string>,
): Promise<void> {
  const ids = [...outcome.keys()];
  const deleted = ids.filter((id) => outcome.get(id) === null);
  const kept = ids.filter((id) => outcome.get(id));

  await db.clips.bulkDelete(deleted);
  for (const id of deleted) await dropDiscussionOf(db, id);
  await db.clips.bulkPut(kept.map((id) => outcome.get(id)!));
  // What the meta table kept of a clip apart from its row is stale now.
  const stale = [...deleted, ...kept].filter((id) => gone.has(id));
  await serverLedger.removeMany(db, stale);
}
