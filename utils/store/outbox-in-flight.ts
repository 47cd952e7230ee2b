import type { WireChange } from '@/utils/remote/sync-wire';
import type { MetaTable, OutboxEntry } from './database';

/** What the batches in flight are kept in. */
type FlightStore = { meta: MetaTable };

/** One change of a batch in flight, with the outbox entry it left. */
export interface InFlightChange {
  seq: number;
  /**
   * The change as it was sent, or null when its entry holds it as it was
   * queued: entries in flight never change, so it is not copied.
   */
  change: WireChange | null;
}

/** A change leaving in a new batch, with the row it is about. */
export interface LeavingChange extends InFlightChange {
  subject: string;
}

/**
 * What is on its way in one batch, small enough to read on every edit:
 * the entries sent and the rows they are about, in the order sent.
 */
export interface BatchLedger {
  /** Orders the batches in flight: a later batch has a larger one. */
  number: number;
  seqs: number[];
  subjects: string[];
  /** Rows written in this browser while the batch travelled. */
  touched: string[];
}

/** What settling answered changes learnt from their batches. */
export interface SettledChanges {
  /** Rows of answered changes written while their batch travelled. */
  touched: Set<string>;
  /** Answered entries no batch in flight named, e.g. lost records. */
  unknown: Set<number>;
}

/** Where the ledger of each batch is kept; sign-out drops `sync.` keys. */
export const IN_FLIGHT_PREFIX = 'sync.inflight.';
/**
 * Where the changes of each batch are kept, exactly as they were sent,
 * except those their entries hold as queued (null here).
 */
export const SENT_PREFIX = 'sync.sent.';

/**
 * The changes sent to the server and not yet answered. A push may have
 * two batches on their way: the next one leaves while the answer to the
 * last is applied. Each batch is two meta records written when it leaves:
 * its ledger, read by every edit to learn whether its entry left, and its
 * changes, read only to send them again. Entries in flight are frozen
 * until the answer is applied: the server answers a known change id from
 * its record, so a retry carrying newer text would silently lose it. An
 * edit made meanwhile becomes a new entry. Call inside a transaction that
 * includes `meta` (and `outbox`).
 */
export const outboxInFlight = {
  /** The ledgers of the batches in flight, oldest first. */
  ledgers(db: FlightStore): Promise<BatchLedger[]> {
    // Chained, not awaited: a nested native await inside a transaction
    // that other requests share lets Dexie commit it too early.
    return db.meta
      .where('key')
      .startsWith(IN_FLIGHT_PREFIX)
      .toArray()
      .then((rows) => rows.flatMap(({ key, value }) => ledgerOf(key, value)));
  },

  /** The changes of one batch in flight, as they were sent. */
  changesOf(db: FlightStore, ledger: BatchLedger): Promise<InFlightChange[]> {
    return db.meta
      .get(SENT_PREFIX + keyPart(ledger.number))
      .then((row) => readable(ledger, row?.value));
  },

  /** Every change in flight, batch after batch, in the order sent. */
  list(db: FlightStore): Promise<InFlightChange[]> {
    return outboxInFlight.ledgers(db).then((ledgers) =>
      db.meta
        .where('key')
        .startsWith(SENT_PREFIX)
        .toArray()
        .then((rows) => {
          const sent = new Map(rows.map(({ key, value }) => [key, value]));
          return ledgers.flatMap((ledger) =>
            readable(ledger, sent.get(SENT_PREFIX + keyPart(ledger.number))),
          );
        }),
    );
  },

  /** True when the entry's change has left and waits for its answer. */
  isSent(db: FlightStore, entry: OutboxEntry): Promise<boolean> {
    return outboxInFlight
      .unsent(db, [entry])
      .then((unsent) => unsent.length === 0);
  },

  /** The entries, in order, whose change has not left: edits fold there. */
  unsent<T extends OutboxEntry>(db: FlightStore, entries: T[]): Promise<T[]> {
    return outboxInFlight.ledgers(db).then((ledgers) => {
      const sent = new Set(ledgers.flatMap(({ seqs }) => seqs));
      return entries.filter((entry) => !sent.has(entry.seq as number));
    });
  },

  /**
   * Records a batch leaving after those in flight, in one write of its
   * ledger and one of its changes. `touched` names rows known to have
   * changed since their change was built.
   */
  async add(
    db: FlightStore,
    leaving: LeavingChange[],
    touched: string[] = [],
  ): Promise<void> {
    if (leaving.length === 0) return;
    const keys = await db.meta
      .where('key')
      .startsWith(IN_FLIGHT_PREFIX)
      .primaryKeys();
    const numbers = keys.map((key) => numberOf(String(key)));
    const number = Math.max(0, ...numbers) + 1;

    await writeBatch(db, number, leaving, touched);
  },

  /**
   * Marks a row as written while a change of it travels, so that the
   * answer reads that row again; the answer to an untouched new clip
   * reads no row at all. Call on every local write of a row that may be
   * in flight.
   */
  async touch(db: FlightStore, subject: string): Promise<void> {
    const ledgers = await outboxInFlight.ledgers(db);
    const carrying = ledgers.filter(
      ({ subjects, touched }) =>
        subjects.includes(subject) && !touched.includes(subject),
    );

    await db.meta.bulkPut(
      carrying.map((ledger) =>
        ledgerRecord({ ...ledger, touched: [...ledger.touched, subject] }),
      ),
    );
  },

  /**
   * Forgets the answered changes and says which of their rows were
   * touched meanwhile. Unanswered ones stay in flight, in their batch, to
   * be sent again as they were.
   */
  async settle(
    db: FlightStore,
    answeredSeqs: number[],
  ): Promise<SettledChanges> {
    const answered = new Set(answeredSeqs);
    const touched = new Set<string>();
    const ledgers = await outboxInFlight.ledgers(db);

    for (const ledger of ledgers) {
      const left = ledger.seqs.filter((seq) => !answered.has(seq));
      if (left.length === ledger.seqs.length) continue;
      ledger.touched.forEach((subject) => touched.add(subject));

      if (left.length === 0) await forget(db, ledger.number);
      else await outboxInFlight.keep(db, ledger, new Set(left));
    }
    const named = new Set(ledgers.flatMap(({ seqs }) => seqs));
    const unknown = new Set(answeredSeqs.filter((seq) => !named.has(seq)));
    return { touched, unknown };
  },

  /** Keeps only the given changes of a batch in flight; none forgets it. */
  async keep(
    db: FlightStore,
    ledger: BatchLedger,
    seqs: ReadonlySet<number>,
  ): Promise<void> {
    const changes = await outboxInFlight.changesOf(db, ledger);
    const subjects = new Map(
      ledger.seqs.map((seq, index) => [seq, ledger.subjects[index]!]),
    );
    const kept = changes
      .filter(({ seq }) => seqs.has(seq))
      .map((change) => ({ ...change, subject: subjects.get(change.seq)! }));

    if (kept.length === 0) await forget(db, ledger.number);
    else await writeBatch(db, ledger.number, kept, ledger.touched);
  },
};

/** The batches' keys sort as their numbers do. */
function keyPart(number: number): string {
  return String(number).padStart(12, '0');
}

function numberOf(key: string): number {
  const number = Number(key.slice(IN_FLIGHT_PREFIX.length));
  return Number.isSafeInteger(number) ? number : 0;
}

async function writeBatch(
  db: FlightStore,
  number: number,
  leaving: LeavingChange[],
  touched: string[] = [],
): Promise<void> {
  const ledger = {
    number,
    seqs: leaving.map(({ seq }) => seq),
    subjects: leaving.map(({ subject }) => subject),
    touched,
  };
  await db.meta.bulkPut([
    ledgerRecord(ledger),
    {
      key: SENT_PREFIX + keyPart(number),
      value: leaving.map(({ change }) => change),
    },
  ]);
}

/** The meta record of a ledger; its number is in the key. */
function ledgerRecord({ number, seqs, subjects, touched }: BatchLedger) {
  const value = { seqs, subjects, touched };
  return { key: IN_FLIGHT_PREFIX + keyPart(number), value };
}

function forget(db: FlightStore, number: number): Promise<void> {
  return db.meta.bulkDelete([
    IN_FLIGHT_PREFIX + keyPart(number),
    SENT_PREFIX + keyPart(number),
  ]);
}

/** A stored ledger, or nothing when it is not shaped like one. */
function ledgerOf(key: string, value: unknown): BatchLedger[] {
  const ledger = value as Partial<BatchLedger> | undefined;
  const seqs = Array.isArray(ledger?.seqs) ? ledger.seqs : [];
  const subjects = Array.isArray(ledger?.subjects) ? ledger.subjects : [];
  const shaped =
    seqs.length === subjects.length &&
    seqs.every((seq) => typeof seq === 'number') &&
    subjects.every((subject) => typeof subject === 'string');
  const number = numberOf(key);
  if (!shaped || number === 0 || seqs.length === 0) return [];

  // A ledger written before touched rows were kept, or with a broken
  // list, counts every row as touched: its answer reads them all again.
  const touched = Array.isArray(ledger?.touched) ? ledger.touched : subjects;
  const named = touched.every((subject) => typeof subject === 'string');
  return [{ number, seqs, subjects, touched: named ? touched : subjects }];
}

/**
 * The stored changes of a batch paired with its ledger, dropping any
 * change not shaped like a sent one or a null.
 */
function readable(ledger: BatchLedger, value: unknown): InFlightChange[] {
  if (!Array.isArray(value)) return [];
  return ledger.seqs.flatMap((seq, index): InFlightChange[] => {
    const change = value[index] as WireChange | null | undefined;
    if (change === null) return [{ seq, change }];
    return typeof change?.change_id === 'string' ? [{ seq, change }] : [];
  });
}
