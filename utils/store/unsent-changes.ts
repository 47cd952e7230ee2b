import type { OutboxKind, PeerclipDb } from './database';
import { outboxInFlight } from './outbox-in-flight';

/**
 * Drops a row's queued changes of one kind that have not left yet; those
 * on their way stay, frozen, for their answer. Call inside a transaction
 * over `outbox` and `meta`.
 */
export async function dropUnsentChanges(
  db: PeerclipDb,
  subjectId: string,
  kind: OutboxKind,
): Promise<void> {
  const queued = await db.outbox.where('subjectId').equals(subjectId).toArray();
  const unsent = await outboxInFlight.unsent(db, queued);

  const dropped = unsent.filter((entry) => entry.kind === kind);
  await db.outbox.bulkDelete(dropped.map((entry) => entry.seq!));
}
