import type { WireChange } from '@/utils/remote/sync-wire';
import type { OutboxEntry, PeerclipDb } from './database';

/** One change of the batch in flight, with the outbox entry it left. */
export interface InFlightChange {
  seq: number;
  change: WireChange;
}

/** The meta key of the batch in flight; sign-out drops `sync.` keys. */
export const IN_FLIGHT_KEY = 'sync.inflight';

/**
 * The changes sent to the server and not yet answered, kept in one meta
 * record written when the batch leaves, so freezing a batch of 500 costs
 * one write. Their entries are frozen until the answer is applied: the
 * server answers a known change id from its record, so a retry carrying
 * newer text would silently lose it. An edit made meanwhile becomes a new
 * entry. Call inside a transaction that includes `meta` (and `outbox`).
 */
export const outboxInFlight = {
  /** The changes in flight, in the order they were sent. */
  list(db: PeerclipDb): Promise<InFlightChange[]> {
    // Chained, not awaited: a nested native await inside a transaction
    // that other requests share lets Dexie commit it too early.
    return db.meta.get(IN_FLIGHT_KEY).then((entry) => readable(entry?.value));
  },

  /** True when the entry's change has left and waits for its answer. */
  isSent(db: PeerclipDb, entry: OutboxEntry): Promise<boolean> {
    // Known debt: an edit reads the whole batch, up to 500 clip records,
    // to learn about one entry.
    return outboxInFlight
      .list(db)
      .then((inFlight) => inFlight.some(({ seq }) => seq === entry.seq));
  },

  /** The entries, in order, whose change has not left: edits fold there. */
  unsent<T extends OutboxEntry>(db: PeerclipDb, entries: T[]): Promise<T[]> {
    return outboxInFlight.list(db).then((inFlight) => {
      const sent = new Set(inFlight.map(({ seq }) => seq));
      return entries.filter((entry) => !sent.has(entry.seq as number));
    });
  },

  /** Records the batch now in flight; an empty one forgets the key. */
  async set(db: PeerclipDb, changes: InFlightChange[]): Promise<void> {
    if (changes.length === 0) {
      await db.meta.delete(IN_FLIGHT_KEY);
      return;
    }
    await db.meta.put({ key: IN_FLIGHT_KEY, value: changes });
  },

  /**
   * Forgets the answered changes. Unanswered ones stay in flight, to be
   * sent again as they were.
   */
  async settle(db: PeerclipDb, answeredSeqs: number[]): Promise<void> {
    const answered = new Set(answeredSeqs);
    const inFlight = await outboxInFlight.list(db);
    const left = inFlight.filter(({ seq }) => !answered.has(seq));
    if (left.length === inFlight.length) return;

    await outboxInFlight.set(db, left);
  },
};

/** The stored batch, dropping anything not shaped like a sent change. */
function readable(value: unknown): InFlightChange[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is InFlightChange =>
      typeof item?.seq === 'number' &&
      typeof item?.change?.change_id === 'string',
  );
}
