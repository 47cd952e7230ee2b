import type { ChangeResult, WireChange } from '@/utils/remote/sync-wire';
import type { OutboxEntry, PeerclipDb } from '@/utils/store/database';
import {
  outboxInFlight,
  type InFlightChange,
} from '@/utils/store/outbox-in-flight';
import { planBatches, type BatchLimits } from './batching';
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
 * Takes the next batch from the head of the outbox and records it as in
 * flight before it leaves. While a batch is in flight, its answer lost or
 * never heard, that batch goes again exactly as it was. A clip edit or
 * deletion reads the clip now, not when it was queued, because edits fold
 * into the pending entry; every other change carries the record frozen
 * when it was queued.
 */
export async function nextBatch(
  db: PeerclipDb,
  limits: BatchLimits,
): Promise<OutgoingChange[]> {
  const tables = [db.clips, db.comments, db.outbox, db.meta];
  return db.transaction('rw', tables, async () => {
    const unanswered = await batchInFlight(db, limits);
    if (unanswered.length > 0) return unanswered;

    const head = await db.outbox
      .orderBy('seq')
      .limit(limits.maxItems)
      .toArray();
    const taken = firstBatch(await buildChanges(db, head), limits);

    await outboxInFlight.set(db, asInFlight(taken));
    return taken;
  });
}

/**
 * The batch in flight, as it was sent, minus the changes whose entry left
 * the outbox meanwhile (a sign-in that set drafts aside drops them).
 */
async function batchInFlight(
  db: PeerclipDb,
  limits: BatchLimits,
): Promise<OutgoingChange[]> {
  const inFlight = await outboxInFlight.list(db);
  if (inFlight.length === 0) return [];
  const entries = await db.outbox.bulkGet(inFlight.map(({ seq }) => seq));

  const alive = inFlight.flatMap(({ change }, index) => {
    const entry = entries[index];
    const same = entry?.changeId === change.change_id;
    return entry && same ? [{ entry, change }] : [];
  });
  if (alive.length < inFlight.length) {
    await outboxInFlight.set(db, asInFlight(alive));
  }
  return firstBatch(alive, limits);
}

function asInFlight(outgoing: OutgoingChange[]): InFlightChange[] {
  return outgoing.map(({ entry, change }) => ({ seq: entry.seq!, change }));
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
): Promise<OutgoingChange[]> {
  const facts = await readHeadFacts(db, entries);
  const outgoing: OutgoingChange[] = [];
  const nothingToSend: number[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    // A second change of one row waits for the answer to the first: it
    // needs the version that answer brings as its base.
    const subject = entry.subjectId ?? entry.clipId;
    if (taken.has(subject)) continue;
    taken.add(subject);

    const change = buildChange(entry, facts);
    if (change) outgoing.push({ entry, change });
    // Nothing left to tell the server: a deleted draft it never saw.
    else nothingToSend.push(entry.seq as number);
  }

  await db.outbox.bulkDelete(nothingToSend);
  return outgoing;
}

function buildChange(
  entry: OutboxEntry,
  facts: HeadFacts,
): WireChange | undefined {
  if (entry.record) return frozenChange(entry, entry.record, facts);

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
