import type { WireChange } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import { planBatches, type BatchLimits } from './batching';
import { clipToRecord } from './clip-wire';
import { serverLedger } from './server-ledger';
import type { SyncedOutboxEntry } from './synced-clip';

/** A change ready to send, with the outbox entry it came from. */
export interface OutgoingChange {
  entry: SyncedOutboxEntry;
  change: WireChange;
}

/**
 * Takes the next batch from the head of the outbox and freezes each change
 * on its entry before it leaves. The clip is read now, not when it was
 * queued, because edits fold into the pending entry.
 */
export async function nextBatch(
  db: PeerclipDb,
  limits: BatchLimits,
): Promise<OutgoingChange[]> {
  return db.transaction('rw', db.clips, db.outbox, db.meta, async () => {
    const head = (await db.outbox
      .orderBy('seq')
      .limit(limits.maxItems)
      .toArray()) as SyncedOutboxEntry[];
    const outgoing = await buildChanges(db, head);
    const batch = planBatches(
      outgoing.map(({ change }) => change),
      limits,
    )[0];
    const taken = outgoing.slice(0, batch?.length ?? 0);

    const frozen = taken
      .filter(({ entry }) => !entry.sent)
      .map(({ entry, change }): SyncedOutboxEntry => ({
        ...entry,
        sent: change,
      }));
    await db.outbox.bulkPut(frozen);
    return taken;
  });
}

async function buildChanges(
  db: PeerclipDb,
  entries: SyncedOutboxEntry[],
): Promise<OutgoingChange[]> {
  const outgoing: OutgoingChange[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    // A second change of one clip waits for the answer to the first: it
    // needs the version that answer brings as its base.
    if (taken.has(entry.clipId)) continue;
    taken.add(entry.clipId);

    const change = entry.sent ?? (await buildChange(db, entry));
    if (change) {
      outgoing.push({ entry, change });
      continue;
    }
    // Nothing left to tell the server: a deleted draft it never saw.
    await db.outbox.delete(entry.seq as number);
  }
  return outgoing;
}

async function buildChange(
  db: PeerclipDb,
  entry: SyncedOutboxEntry,
): Promise<WireChange | undefined> {
  const known = await serverLedger.get(db, entry.clipId);
  const base = known?.version ?? entry.baseVersion ?? undefined;
  const clip = await db.clips.get(entry.clipId);

  if (entry.kind === 'clip.delete' || !clip) {
    if (base === undefined) return undefined;
    return withBase(entry, 'clip.delete', { id: entry.clipId }, base);
  }
  return withBase(entry, 'clip.upsert', clipToRecord(clip), base);
}

function withBase(
  entry: SyncedOutboxEntry,
  type: WireChange['type'],
  record: WireChange['record'],
  base: number | undefined,
): WireChange {
  const change: WireChange = { change_id: entry.changeId, type, record };
  if (base !== undefined) change.base_version = base;
  return change;
}
