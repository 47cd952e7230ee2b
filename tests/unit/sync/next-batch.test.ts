import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppliedResult } from '@/utils/remote/sync-wire';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { outboxInFlight } from '@/utils/store/outbox-in-flight';
import { applyResults } from '@/utils/sync/apply-results';
import { nextBatch, type OutgoingChange } from '@/utils/sync/next-batch';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const limits = { maxItems: 100, maxBytes: 1e9 };
const context = { clock: countingClock(), userId: 'author-1' };

/** The server's answer applying one change sent. */
function appliedTo(sent: OutgoingChange, version: number): AppliedResult {
  const { entry, change } = sent;
  return {
    status: 'applied',
    index: 0,
    change_id: change.change_id,
    entity: 'clip',
    id: entry.clipId,
    version,
  };
}

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

  it('freezes a batch of three drafts with two writes', async () => {
    for (let n = 0; n < 3; n += 1) await clips.createDraft(fakeCapture());
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');

    const batch = await nextBatch(db, limits);

    expect(batch).toHaveLength(3);
    // The batch's ledger and its changes, whatever its length.
    expect(puts).toHaveBeenCalledTimes(2);
  });

  it('reads no clip to send three new drafts', async () => {
    for (let n = 0; n < 3; n += 1) await clips.createDraft(fakeCapture());
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');

    await nextBatch(db, limits);

    const stores = gets.mock.contexts.map(
      (store) => (store as IDBObjectStore).name,
    );
    expect(stores.filter((store) => store === 'clips')).toEqual([]);
  });

  it('copies no new draft aside when it leaves: its entry holds it', async () => {
    for (let n = 0; n < 2; n += 1) await clips.createDraft(fakeCapture());

    await nextBatch(db, limits);

    const inFlight = await outboxInFlight.list(db);
    expect(inFlight.map(({ change }) => change)).toEqual([null, null]);
  });

  it('sends a draft with the edits folded into its entry', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await clips.annotate(draft.id, { note: 'second thought', tags: ['ppe'] });

    const [sent] = await nextBatch(db, limits);

    expect(sent?.change.record).toMatchObject({
      note: 'second thought',
      tags: ['ppe'],
    });
  });

  it('sends an edit queued behind its draft on the version it got', async () => {
    const draft = await clips.createDraft(fakeCapture());
    const sent = await nextBatch(db, limits);
    await clips.annotate(draft.id, { note: 'written meanwhile' });
    await applyResults(db, sent, [appliedTo(sent[0]!, 1)], context);

    const [edit] = await nextBatch(db, limits);

    expect(edit?.change).toMatchObject({
      type: 'clip.upsert',
      base_version: 1,
      record: { note: 'written meanwhile' },
    });
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

  it('takes the next batch while one travels, leaving its rows alone', async () => {
    const first = await clips.createDraft(fakeCapture());
    const travelling = await nextBatch(db, limits);
    await clips.annotate(first.id, { note: 'written meanwhile' });
    const second = await clips.createDraft(fakeCapture());

    const following = await nextBatch(db, limits, travelling);

    expect(following.map(({ entry }) => entry.clipId)).toEqual([second.id]);
  });

  it('takes nothing new while the only rows queued travel', async () => {
    const draft = await clips.createDraft(fakeCapture());
    const travelling = await nextBatch(db, limits);
    await clips.annotate(draft.id, { note: 'written meanwhile' });

    const following = await nextBatch(db, limits, travelling);

    expect(following).toEqual([]);
  });

  it('sends the second batch in flight again after the first', async () => {
    const one = { maxItems: 1, maxBytes: 1e9 };
    await clips.createDraft(fakeCapture());
    await clips.createDraft(fakeCapture());
    const first = await nextBatch(db, one);
    const second = await nextBatch(db, one, first);

    const again = await nextBatch(db, one);
    const after = await nextBatch(db, one, again);

    expect([again, after]).toEqual([first, second]);
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
