import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry, PeerclipDb } from '@/utils/store/database';
import {
  IN_FLIGHT_PREFIX,
  outboxInFlight,
  type LeavingChange,
} from '@/utils/store/outbox-in-flight';
import { freshDatabase } from '../fakes/database';

let changes = 0;

/** Queues a clip change; the entry comes back with its seq. */
async function queued(db: PeerclipDb, clipId: string): Promise<OutboxEntry> {
  changes += 1;
  const entry: OutboxEntry = {
    changeId: `change-${changes}`,
    clipId,
    kind: 'clip.upsert',
    baseVersion: null,
    createdAt: '2026-12-03T09:00:00.000Z',
  };
  const seq = await db.outbox.add(entry);
  return { ...entry, seq };
}

function sent(entry: OutboxEntry): LeavingChange {
  const change = {
    change_id: entry.changeId,
    type: entry.kind,
    record: { id: entry.clipId },
  };
  return { seq: entry.seq!, subject: entry.clipId, change };
}

/** What list() gives back of a change sent. */
function listed({ seq, change }: LeavingChange) {
  return { seq, change };
}

describe('outboxInFlight', () => {
  let db: PeerclipDb;

  beforeEach(() => {
    db = freshDatabase();
  });

  it('says an entry of the batch in flight was sent', async () => {
    const entry = await queued(db, 'clip-1');

    await outboxInFlight.add(db, [sent(entry)]);

    expect(await outboxInFlight.isSent(db, entry)).toBe(true);
  });

  it('says an entry queued after the batch left was not sent', async () => {
    const first = await queued(db, 'clip-1');
    await outboxInFlight.add(db, [sent(first)]);

    const later = await queued(db, 'clip-1');

    expect(await outboxInFlight.isSent(db, later)).toBe(false);
  });

  it('says an entry of the second batch in flight was sent', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!)]);

    await outboxInFlight.add(db, [sent(b!)]);

    expect(await outboxInFlight.isSent(db, b!)).toBe(true);
  });

  it('keeps the entries not in flight, in order', async () => {
    const [a, b, c] = [
      await queued(db, 'clip-1'),
      await queued(db, 'clip-2'),
      await queued(db, 'clip-3'),
    ];
    await outboxInFlight.add(db, [sent(b!)]);

    const unsent = await outboxInFlight.unsent(db, [a!, b!, c!]);

    expect(unsent.map((entry) => entry.clipId)).toEqual(['clip-1', 'clip-3']);
  });

  it('lists the batches in the order they left', async () => {
    const [a, b, c] = [
      await queued(db, 'clip-1'),
      await queued(db, 'clip-2'),
      await queued(db, 'clip-3'),
    ];
    await outboxInFlight.add(db, [sent(c!)]);
    await outboxInFlight.add(db, [sent(a!), sent(b!)]);

    const ledgers = await outboxInFlight.ledgers(db);

    expect(ledgers.map(({ subjects }) => subjects)).toEqual([
      ['clip-3'],
      ['clip-1', 'clip-2'],
    ]);
  });

  it('keeps unanswered changes in flight when settling a batch', async () => {
    const answered = await queued(db, 'clip-1');
    const unanswered = await queued(db, 'clip-2');
    await outboxInFlight.add(db, [sent(answered), sent(unanswered)]);

    await outboxInFlight.settle(db, [answered.seq!]);

    expect(await outboxInFlight.list(db)).toEqual([listed(sent(unanswered))]);
  });

  it('settles one batch and leaves the next one in flight', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!)]);
    await outboxInFlight.add(db, [sent(b!)]);

    await outboxInFlight.settle(db, [a!.seq!]);

    expect(await outboxInFlight.list(db)).toEqual([listed(sent(b!))]);
  });

  it('forgets the records once every change is answered', async () => {
    const entry = await queued(db, 'clip-1');
    await outboxInFlight.add(db, [sent(entry)]);

    await outboxInFlight.settle(db, [entry.seq!]);

    expect(await db.meta.where('key').startsWith('sync.').count()).toBe(0);
  });

  it('numbers a new batch after the last one in flight', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!)]);
    await outboxInFlight.add(db, [sent(b!)]);
    await outboxInFlight.settle(db, [a!.seq!]);
    const c = await queued(db, 'clip-3');

    await outboxInFlight.add(db, [sent(c!)]);

    const ledgers = await outboxInFlight.ledgers(db);
    expect(ledgers.map(({ subjects }) => subjects)).toEqual([
      ['clip-2'],
      ['clip-3'],
    ]);
  });

  it('reads a malformed ledger as nothing in flight', async () => {
    const entry = await queued(db, 'clip-1');

    await db.meta.put({
      key: `${IN_FLIGHT_PREFIX}000000000001`,
      value: { seqs: [entry.seq], subjects: 'clip-1' },
    });

    expect(await outboxInFlight.isSent(db, entry)).toBe(false);
  });

  it('drops a stored change not shaped like a sent one', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!), sent(b!)]);

    await db.meta.put({
      key: 'sync.sent.000000000001',
      value: [{ type: 'clip.upsert' }, sent(b!).change],
    });

    expect(await outboxInFlight.list(db)).toEqual([listed(sent(b!))]);
  });

  it('marks a row touched in the batch carrying it', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!)]);
    await outboxInFlight.add(db, [sent(b!)]);

    await outboxInFlight.touch(db, 'clip-2');

    const ledgers = await outboxInFlight.ledgers(db);
    expect(ledgers.map(({ touched }) => touched)).toEqual([[], ['clip-2']]);
  });

  it('says which answered rows were touched while they travelled', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!), sent(b!)]);
    await outboxInFlight.touch(db, 'clip-2');

    const settled = await outboxInFlight.settle(db, [a!.seq!, b!.seq!]);

    expect([...settled.touched]).toEqual(['clip-2']);
  });

  it('keeps the touched rows of a batch partly answered', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!), sent(b!)]);
    await outboxInFlight.touch(db, 'clip-2');

    await outboxInFlight.settle(db, [a!.seq!]);

    const [ledger] = await outboxInFlight.ledgers(db);
    expect(ledger?.touched).toEqual(['clip-2']);
  });

  it('names answered entries that no batch in flight holds', async () => {
    const [a, b] = [await queued(db, 'clip-1'), await queued(db, 'clip-2')];
    await outboxInFlight.add(db, [sent(a!)]);

    const settled = await outboxInFlight.settle(db, [a!.seq!, b!.seq!]);

    expect([...settled.unknown]).toEqual([b!.seq]);
  });

  it('reads a ledger that names no touched rows as all touched', async () => {
    const entry = await queued(db, 'clip-1');

    await db.meta.put({
      key: `${IN_FLIGHT_PREFIX}000000000001`,
      value: { seqs: [entry.seq], subjects: ['clip-1'] },
    });

    const [ledger] = await outboxInFlight.ledgers(db);
    expect(ledger?.touched).toEqual(['clip-1']);
  });
});
