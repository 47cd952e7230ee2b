import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeerclipDb } from '@/utils/store/database';
import { answeredRuns, removeAnswered } from '@/utils/sync/answered-entries';
import { freshDatabase } from '../fakes/database';

/** Queues `count` clip changes; their seqs come back in order. */
async function queue(db: PeerclipDb, count: number): Promise<number[]> {
  const entries = Array.from({ length: count }, (_, n) => ({
    changeId: `change-${n}`,
    clipId: `clip-${n}`,
    kind: 'clip.upsert' as const,
    baseVersion: null,
    createdAt: '2026-12-03T09:00:00.000Z',
  }));
  const seqs = await db.outbox.bulkAdd(entries, { allKeys: true });
  return seqs as number[];
}

function inTransaction(db: PeerclipDb, seqs: number[]): Promise<void> {
  return db.transaction('rw', db.outbox, () => removeAnswered(db, seqs));
}

describe('answeredRuns', () => {
  it('splits the answered keys around an unanswered one', () => {
    const runs = answeredRuns([1, 2, 4, 5], [1, 2, 3, 4, 5]);

    expect(runs).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it('joins answered keys whose gap holds no queued entry', () => {
    const runs = answeredRuns([1, 2, 7, 9], [1, 2, 7, 9]);

    expect(runs).toEqual([[1, 9]]);
  });
});

describe('removeAnswered', () => {
  let db: PeerclipDb;

  beforeEach(() => {
    db = freshDatabase();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps an unanswered entry inside the answered range', async () => {
    const seqs = await queue(db, 5);
    const left = seqs[2]!;

    await inTransaction(
      db,
      seqs.filter((seq) => seq !== left),
    );

    expect(await db.outbox.toCollection().primaryKeys()).toEqual([left]);
  });

  it('removes 500 consecutive answers with one delete request', async () => {
    const seqs = await queue(db, 500);
    const deletes = vi.spyOn(IDBObjectStore.prototype, 'delete');

    await inTransaction(db, seqs);

    expect(deletes).toHaveBeenCalledTimes(1);
    expect(await db.outbox.count()).toBe(0);
  });
});
