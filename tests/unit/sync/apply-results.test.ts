import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppliedResult } from '@/utils/remote/sync-wire';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { applyResults } from '@/utils/sync/apply-results';
import { nextBatch, type OutgoingChange } from '@/utils/sync/next-batch';
import { serverLedger } from '@/utils/sync/server-ledger';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const limits = { maxItems: 100, maxBytes: 1e9 };
const context = { clock: countingClock(), userId: 'signed-in' };

/** The server's answer applying every change of the batch. */
function appliedAll(batch: OutgoingChange[], version: number) {
  return batch.map(({ entry, change }, index): AppliedResult => ({
    status: 'applied',
    index,
    change_id: change.change_id,
    entity: 'clip',
    id: entry.clipId,
    version,
  }));
}

describe('applyResults', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  beforeEach(() => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads no server facts to apply a new draft', async () => {
    await clips.createDraft(fakeCapture());
    const batch = await nextBatch(db, limits);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');

    await applyResults(db, batch, appliedAll(batch, 1), context);

    const keys = gets.mock.calls.map(([key]) => String(key));
    expect(keys.filter((key) => key.startsWith('sync.server.'))).toEqual([]);
  });

  it('records the signed-in person as the author of a new draft', async () => {
    const draft = await clips.createDraft(fakeCapture());
    const batch = await nextBatch(db, limits);

    await applyResults(db, batch, appliedAll(batch, 1), context);

    expect(await serverLedger.get(db, draft.id)).toEqual({
      version: 1,
      authorId: 'signed-in',
    });
  });

  it('rewrites no clip row to record three new drafts', async () => {
    for (let n = 0; n < 3; n += 1) await clips.createDraft(fakeCapture());
    const batch = await nextBatch(db, limits);
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');

    await applyResults(db, batch, appliedAll(batch, 1), context);

    const stores = puts.mock.contexts.map(
      (store) => (store as IDBObjectStore).name,
    );
    expect(stores).toEqual(['meta']);
  });

  it('reads no clip row to apply three new drafts', async () => {
    for (let n = 0; n < 3; n += 1) await clips.createDraft(fakeCapture());
    const batch = await nextBatch(db, limits);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');

    await applyResults(db, batch, appliedAll(batch, 1), context);

    const stores = gets.mock.contexts.map(
      (store) => (store as IDBObjectStore).name,
    );
    expect(stores.filter((store) => store === 'clips')).toEqual([]);
  });

  it('reads the row of a new draft edited while it travelled', async () => {
    const draft = await clips.createDraft(fakeCapture());
    const batch = await nextBatch(db, limits);
    await clips.annotate(draft.id, { note: 'Written meanwhile.' });
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');

    await applyResults(db, batch, appliedAll(batch, 1), context);

    const keys = gets.mock.calls.map(([key]) => String(key));
    expect(keys).toContain(draft.id);
  });

  it('keeps the author the server gave when an edit is applied', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await db.outbox.clear();
    await serverLedger.set(db, draft.id, { version: 3, authorId: 'author' });
    await clips.annotate(draft.id, { note: 'Second reading.' });
    const batch = await nextBatch(db, limits);

    await applyResults(db, batch, appliedAll(batch, 4), context);

    expect((await db.clips.get(draft.id))?.authorId).toBe('author');
  });
});
