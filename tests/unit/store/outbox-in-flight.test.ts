import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry, PeerclipDb } from '@/utils/store/database';
import {
  IN_FLIGHT_KEY,
  outboxInFlight,
  type InFlightChange,
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

function sent(entry: OutboxEntry): InFlightChange {
  const change = {
    change_id: entry.changeId,
    type: entry.kind,
    record: { id: entry.clipId },
  };
  return { seq: entry.seq!, change };
}

describe('outboxInFlight', () => {
  let db: PeerclipDb;

  beforeEach(() => {
    db = freshDatabase();
  });

  it('says an entry of the batch in flight was sent', async () => {
    const entry = await queued(db, 'clip-1');

    await outboxInFlight.set(db, [sent(entry)]);

    expect(await outboxInFlight.isSent(db, entry)).toBe(true);
  });

  it('says an entry queued after the batch left was not sent', async () => {
    const first = await queued(db, 'clip-1');
    await outboxInFlight.set(db, [sent(first)]);

    const later = await queued(db, 'clip-1');

    expect(await outboxInFlight.isSent(db, later)).toBe(false);
  });

  it('keeps the entries not in flight, in order', async () => {
    const [a, b, c] = [
      await queued(db, 'clip-1'),
      await queued(db, 'clip-2'),
      await queued(db, 'clip-3'),
    ];
    await outboxInFlight.set(db, [sent(b!)]);

    const unsent = await outboxInFlight.unsent(db, [a!, b!, c!]);

    expect(unsent.map((entry) => entry.clipId)).toEqual(['clip-1', 'clip-3']);
  });

  it('keeps unanswered changes in flight when settling a batch', async () => {
    const answered = await queued(db, 'clip-1');
    const unanswered = await queued(db, 'clip-2');
    await outboxInFlight.set(db, [sent(answered), sent(unanswered)]);

    await outboxInFlight.settle(db, [answered.seq!]);

    expect(await outboxInFlight.list(db)).toEqual([sent(unanswered)]);
  });

  it('forgets the record once every change is answered', async () => {
    const entry = await queued(db, 'clip-1');
    await outboxInFlight.set(db, [sent(entry)]);

    await outboxInFlight.settle(db, [entry.seq!]);

    expect(await db.meta.get(IN_FLIGHT_KEY)).toBeUndefined();
  });

  it('reads a malformed record as nothing in flight', async () => {
    const entry = await queued(db, 'clip-1');

    await db.meta.put({ key: IN_FLIGHT_KEY, value: [{ seq: entry.seq }] });

    expect(await outboxInFlight.isSent(db, entry)).toBe(false);
  });
});
