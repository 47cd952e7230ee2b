import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppliedResult } from '@/utils/remote/sync-wire';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { outboxInFlight } from '@/utils/store/outbox-in-flight';
import { applyResults } from '@/utils/sync/apply-results';
import { nextBatch } from '@/utils/sync/next-batch';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const limits = { maxItems: 100, maxBytes: 1e9 };
const context = { clock: countingClock(), userId: 'author-1' };

describe('nextBatch', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  beforeEach(() => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('freezes a batch of three drafts with one write', async () => {
    for (let n = 0; n < 3; n += 1) await clips.createDraft(fakeCapture());
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');

    const batch = await nextBatch(db, limits);

    expect(batch).toHaveLength(3);
    expect(puts).toHaveBeenCalledTimes(1);
  });

  it('sends the batch in flight again without the edit', async () => {
    const draft = await clips.createDraft(fakeCapture());
    const sent = await nextBatch(db, limits);
    await clips.annotate(draft.id, { note: 'written meanwhile' });

    const again = await nextBatch(db, limits);

    expect(again.map(({ change }) => change)).toEqual(
      sent.map(({ change }) => change),
    );
  });

  it('sends again, as it was, only the change left unanswered', async () => {
    const first = await clips.createDraft(fakeCapture());
    const second = await clips.createDraft(fakeCapture());
    const sent = await nextBatch(db, limits);
    const applied: AppliedResult = {
      status: 'applied',
      index: 0,
      change_id: sent[0]!.change.change_id,
      entity: 'clip',
      id: first.id,
      version: 1,
    };
    await applyResults(db, sent, [applied], context);
    await clips.annotate(second.id, { note: 'written meanwhile' });

    const again = await nextBatch(db, limits);

    expect(again.map(({ change }) => change)).toEqual([sent[1]!.change]);
  });

  it('builds a new batch once the entries in flight are gone', async () => {
    await clips.createDraft(fakeCapture());
    await nextBatch(db, limits);
    await db.outbox.clear();
    const later = await clips.createDraft(fakeCapture());

    const batch = await nextBatch(db, limits);

    expect(batch.map(({ entry }) => entry.clipId)).toEqual([later.id]);
    expect(await outboxInFlight.list(db)).toHaveLength(1);
  });
});
