import type { ChangeResult, WireChange } from '@/utils/remote/sync-wire';
import type { OutboxEntry, PeerclipDb } from '@/utils/store/database';
import {
  outboxInFlight,
  type BatchLedger,
  type LeavingChange,
} from '@/utils/store/outbox-in-flight';
import { planBatches, type BatchLimits } from './batching';
import { leavesAsQueued } from './change-kinds';
import { clipToRecord } from './clip-wire';
import { editsComment, readHeadFacts, type HeadFacts } from './head-facts';

/** A change ready to send, with the outbox entry it came from. */
export interface OutgoingChange {
  entry: OutboxEntry;
  change: WireChange;
}

/** A change sent with the server's answer to it. */
export type AnsweredChange<R extends ChangeResult = ChangeResult> =
  OutgoingChange & { result: R };

/**
 * Takes the next batch to send after `sending`, the batch already on its
 * way in this push, and records it as in flight before it leaves. A batch
 * in flight whose answer was lost or never heard goes again exactly as it
 * was, before anything new. A new batch leaves alone the rows of the
 * batches in flight: a second change of a row needs the version the
 * answer to the first brings. Changes leave with the record frozen when
 * they were queued, except a clip's deletion and an upsert queued behind
 * a change of its clip in flight: those read the clip now.
 */
export async function nextBatch(
  db: PeerclipDb,
  limits: BatchLimits,
  sending: OutgoingChange[] = [],
): Promise<OutgoingChange[]> {
  const tables = [db.clips, db.comments, db.outbox, db.meta];
  return db.transaction('rw', tables, async () => {
    const ledgers = await outboxInFlight.ledgers(db);
    const leaving = new Set(sending.map(({ entry }) => entry.seq!));
    const unanswered = await batchInFlight(db, limits, ledgers, leaving);
    if (unanswered.length > 0) return unanswered;

    const head = await headOutsideFlight(db, limits, ledgers);
    const busy = new Set(ledgers.flatMap(({ subjects }) => subjects));
    const taken = firstBatch(await buildChanges(db, head, busy), limits);

    await outboxInFlight.add(db, taken.map(asLeaving));
    return taken;
  });
}

/**
 * The oldest batch in flight with changes not on their way in this push,
 * as it was sent, minus the changes whose entry left the outbox meanwhile
 * (a sign-in that set drafts aside drops them).
 */
async function batchInFlight(
  db: PeerclipDb,
  limits: BatchLimits,
  ledgers: BatchLedger[],
  leaving: ReadonlySet<number>,
): Promise<OutgoingChange[]> {
  for (const ledger of ledgers) {
    if (ledger.seqs.every((seq) => leaving.has(seq))) continue;
    const inFlight = await outboxInFlight.changesOf(db, ledger);
    const entries = await db.outbox.bulkGet(inFlight.map(({ seq }) => seq));

    const alive = inFlight.flatMap(({ change }, index) => {
      const entry = entries[index];
      const sent = change ?? (entry && queuedChange(entry));
      const same = entry?.changeId === sent?.change_id;
      return entry && sent && same ? [{ entry, change: sent }] : [];
    });
    if (alive.length < ledger.seqs.length) {
      const seqs = alive.map(({ entry }) => entry.seq!);
      await outboxInFlight.keep(db, ledger, new Set(seqs));
    }
    const unsent = alive.filter(({ entry }) => !leaving.has(entry.seq!));
    if (unsent.length > 0) return firstBatch(unsent, limits);
  }
  return [];
}

/**
 * The entries at the head of the outbox that are not in flight, enough of
 * them to fill a batch. The keys come first, so that entries in flight
 * before them are not read: usually a whole batch is.
 */
async function headOutsideFlight(
  db: PeerclipDb,
  limits: BatchLimits,
  ledgers: BatchLedger[],
): Promise<OutboxEntry[]> {
  const inFlight = new Set(ledgers.flatMap(({ seqs }) => seqs));
  const head = db.outbox.orderBy('seq').limit(limits.maxItems + inFlight.size);
  const seqs = (await head.primaryKeys()) as number[];
  const keys = seqs.filter((seq) => !inFlight.has(seq));
  if (keys.length === 0) return [];

  const [first, last] = [keys[0]!, keys[keys.length - 1]!];
  const run = db.outbox.where(':id').between(first, last, true, true);
  const entries = await run.toArray();
  return entries.filter(({ seq }) => !inFlight.has(seq!));
}

/** A change as it leaves: one its entry holds as queued is not copied. */
function asLeaving({ entry, change }: OutgoingChange): LeavingChange {
  const copied = leavesAsQueued(entry) ? null : change;
  return { seq: entry.seq!, subject: subjectOf(entry), change: copied };
}

/** The change an entry holds as it was queued; none for other entries. */
function queuedChange(entry: OutboxEntry): WireChange | undefined {
  if (!leavesAsQueued(entry)) return undefined;
  const base = entry.baseVersion ?? undefined;
  return withBase(entry, 'clip.upsert', entry.record!, base);
}

function subjectOf(entry: OutboxEntry): string {
  return entry.subjectId ?? entry.clipId;
}

/** The changes that fit in one request, from the first. */
function firstBatch(
  outgoing: OutgoingChange[],
  limits: BatchLimits,
): OutgoingChange[] {
  const changes = outgoing.map(({ change }) => change);
  const batch = planBatches(changes, limits)[0];
  return outgoing.slice(0, batch?.length ?? 0);
}

/**
 * Builds the first change of each row at the head, from facts read in
 * bulk beforehand. Building is synchronous on purpose: awaiting a promise
 * that does no IndexedDB work inside a Dexie transaction lets the
 * transaction commit early (PrematureCommitError).
 */
async function buildChanges(
  db: PeerclipDb,
  entries: OutboxEntry[],
  busy: ReadonlySet<string>,
): Promise<OutgoingChange[]> {
  const first = firstOfEachRow(entries, busy);
  const facts = await readHeadFacts(db, first);
  const outgoing: OutgoingChange[] = [];
  const nothingToSend: number[] = [];
  for (const entry of first) {
    const change = buildChange(entry, facts);
    if (change) outgoing.push({ entry, change });
    // Nothing left to tell the server: a deleted draft it never saw.
    else nothingToSend.push(entry.seq as number);
  }

  await db.outbox.bulkDelete(nothingToSend);
  return outgoing;
}

/**
 * The first entry of each row, skipping the rows in flight. A second
 * change of one row waits for the answer to the first: it needs the
 * version that answer brings as its base.
 */
function firstOfEachRow(
  entries: OutboxEntry[],
  busy: ReadonlySet<string>,
): OutboxEntry[] {
  const taken = new Set(busy);
  return entries.filter((entry) => {
    const subject = subjectOf(entry);
    if (taken.has(subject)) return false;
    taken.add(subject);
    return true;
  });
}

function buildChange(
  entry: OutboxEntry,
  facts: HeadFacts,
): WireChange | undefined {
  const queued = queuedChange(entry);
  if (queued) return queued;
  const readsClip =
    entry.kind === 'clip.upsert' || entry.kind === 'clip.delete';
  if (entry.record && !readsClip) {
    return frozenChange(entry, entry.record, facts);
  }

  const known = facts.ledger.get(entry.clipId);
  const base = known?.version ?? entry.baseVersion ?? undefined;
  const clip = facts.clips.get(entry.clipId);

  if (entry.kind === 'clip.delete' || !clip) {
    if (base === undefined) return undefined;
    return withBase(entry, 'clip.delete', { id: entry.clipId }, base);
  }
  return withBase(entry, 'clip.upsert', clipToRecord(clip), base);
}

/**
 * A change whose record was frozen when it was queued. Its base version is
 * still read now: it is the version the answer to an earlier change of the
 * same row brought, which did not exist when this one was queued.
 */
function frozenChange(
  entry: OutboxEntry,
  record: WireChange['record'],
  facts: HeadFacts,
): WireChange {
  const type = entry.kind;
  if (type === 'clip.submit') {
    const known = facts.ledger.get(entry.clipId);
    const base = known?.version ?? entry.baseVersion ?? undefined;
    return withBase(entry, type, record, base);
  }
  if (!editsComment(entry)) return withBase(entry, type, record, undefined);

  const comment = facts.comments.get(String(record.id));
  const base = comment?.version ?? entry.baseVersion ?? undefined;
  return withBase(entry, type, record, base);
}

function withBase(
  entry: OutboxEntry,
  type: WireChange['type'],
  record: WireChange['record'],
  base: number | undefined,
): WireChange {
  const change: WireChange = { change_id: entry.changeId, type, record };
  if (base !== undefined) change.base_version = base;
  return change;
}
