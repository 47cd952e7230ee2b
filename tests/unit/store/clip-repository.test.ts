import { beforeEach, describe, expect, it } from 'vitest';
import { ClipError } from '@/utils/store/clip-errors';
import { ClipRepository } from '@/utils/store/clip-repository';
import { createdClips } from '@/utils/store/created-clips';
import type { PeerclipDb } from '@/utils/store/database';
import { heldDrafts } from '@/utils/store/held-drafts';
import { outboxInFlight } from '@/utils/store/outbox-in-flight';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

/** Puts every queued change in flight, as a push leaving would. */
async function sendQueued(db: PeerclipDb): Promise<void> {
  const entries = await db.outbox.toArray();
  await outboxInFlight.add(
    db,
    entries.map((entry) => ({
      seq: entry.seq!,
      subject: entry.subjectId ?? entry.clipId,
      change: { change_id: entry.changeId, type: entry.kind, record: {} },
    })),
  );
}

describe('ClipRepository', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  beforeEach(() => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
  });

  it('saves a draft with its canonical URL and site', async () => {
    const draft = await clips.createDraft(fakeCapture());

    const stored = await clips.getClip(draft.id);

    expect(stored).toMatchObject({
      state: 'draft',
      canonicalUrl: 'https://wiki.northwind.example/safety/lifting',
      site: 'wiki.northwind.example',
    });
  });

  it('queues a new draft in the outbox', async () => {
    const draft = await clips.createDraft(fakeCapture());

    const outbox = await db.outbox.toArray();

    expect(outbox).toMatchObject([
      { clipId: draft.id, kind: 'clip.upsert', baseVersion: null },
    ]);
  });

  it('saves neither the draft nor its outbox entry when one write fails', async () => {
    await db.outbox.add({
      changeId: 'id-2',
      clipId: 'other',
      kind: 'clip.upsert',
      baseVersion: null,
      createdAt: '2026-12-03T09:00:00.000Z',
    });

    const attempt = clips.createDraft(fakeCapture());

    await expect(attempt).rejects.toThrow();
    expect(await db.clips.count()).toBe(0);
  });

  it('truncates a quote over the limit and says so', async () => {
    const quote = 'a'.repeat(100_001);

    const draft = await clips.createDraft(fakeCapture({ quote }));

    expect([draft.quote.length, draft.quoteTruncated]).toEqual([100_000, true]);
  });

  it('drops a snippet over the byte limit and keeps the quote', async () => {
    const snippet = `<p>${'é'.repeat(250_000)}</p>`;

    const draft = await clips.createDraft(fakeCapture({ snippet }));

    expect([draft.snippet, draft.quote]).toEqual([
      '',
      'Bend your knees, not your back.',
    ]);
  });

  it('saves a note and cleaned tags', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.annotate(draft.id, {
      note: 'Applies to every depot.',
      tags: [' safety ', 'Safety', '', 'depot'],
    });

    expect(await clips.getClip(draft.id)).toMatchObject({
      note: 'Applies to every depot.',
      tags: ['safety', 'depot'],
    });
  });

  it('folds repeated edits into the pending outbox entry', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.annotate(draft.id, { note: 'one' });
    await clips.annotate(draft.id, { note: 'two' });

    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a note over the limit and keeps the stored one', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await clips.annotate(draft.id, { note: 'kept' });

    const attempt = clips.annotate(draft.id, { note: 'x'.repeat(20_001) });

    await expect(attempt).rejects.toThrow(/1 characters over the limit/);
    expect((await clips.getClip(draft.id))?.note).toBe('kept');
  });

  it('refuses a twenty-first tag with a typed error', async () => {
    const draft = await clips.createDraft(fakeCapture());
    const tags = Array.from({ length: 21 }, (_, index) => `tag${index}`);

    const attempt = clips.annotate(draft.id, { tags });

    await expect(attempt).rejects.toMatchObject({ code: 'too-many-tags' });
  });

  it('refuses a tag longer than fifty characters', async () => {
    const draft = await clips.createDraft(fakeCapture());

    const attempt = clips.annotate(draft.id, { tags: ['t'.repeat(51)] });

    await expect(attempt).rejects.toBeInstanceOf(ClipError);
  });

  it('discards a draft the server never saw without queueing anything', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.discardDraft(draft.id);

    expect([await db.clips.count(), await db.outbox.count()]).toEqual([0, 0]);
  });

  it('queues the deletion of a draft the server already has', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await db.clips.update(draft.id, { version: 3 });

    await clips.discardDraft(draft.id);

    expect(await db.outbox.toArray()).toMatchObject([{ kind: 'clip.delete' }]);
  });

  it('queues the deletion of a pushed draft with no pending entry', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await db.outbox.clear();
    await db.clips.update(draft.id, { version: 1 });

    await clips.discardDraft(draft.id);

    expect(await db.outbox.toArray()).toMatchObject([{ kind: 'clip.delete' }]);
  });

  it('keeps a sent creation and queues the deletion after it', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await sendQueued(db);

    await clips.discardDraft(draft.id);

    const kinds = (await db.outbox.toArray()).map((entry) => entry.kind);
    expect(kinds).toEqual(['clip.upsert', 'clip.delete']);
  });

  it('queues an edit after a sent entry as a new entry', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await sendQueued(db);

    await clips.annotate(draft.id, { note: 'after sending' });

    expect(await db.outbox.count()).toBe(2);
  });

  it('queues no edit of a draft held back from sync', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await db.outbox.clear();
    await heldDrafts.set(db, [draft.id]);

    await clips.annotate(draft.id, { note: 'still local' });

    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the clip as it will be sent on its queued entry', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.annotate(draft.id, { note: 'folded in' });

    const [entry] = await db.outbox.toArray();
    expect(entry?.record).toMatchObject({ id: draft.id, note: 'folded in' });
  });

  it('leaves the version of an edit after a sent entry to its answer', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await sendQueued(db);

    await clips.annotate(draft.id, { note: 'after sending' });

    const [, edit] = await db.outbox.toArray();
    expect(edit?.baseUnknown).toBe(true);
  });

  it('queues an edit on the version the answer to the draft gave', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await db.outbox.clear();
    await createdClips.add(db, 'author-1', [{ clipId: draft.id, version: 1 }]);

    await clips.annotate(draft.id, { note: 'before the pull' });

    expect(await db.outbox.toArray()).toMatchObject([{ baseVersion: 1 }]);
  });

  it('folds an edit into an entry not yet sent', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.annotate(draft.id, { note: 'before sending' });

    expect(await db.outbox.count()).toBe(1);
  });

  it('makes the newest draft the current one', async () => {
    await clips.createDraft(fakeCapture());
    const newer = await clips.createDraft(fakeCapture());

    expect((await clips.currentDraft())?.id).toBe(newer.id);
  });

  it('has no current draft once it is discarded', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.discardDraft(draft.id);

    expect(await clips.currentDraft()).toBeUndefined();
  });

  it('lists drafts newest first', async () => {
    const older = await clips.createDraft(fakeCapture());
    const newer = await clips.createDraft(fakeCapture());

    const drafts = await clips.listDrafts();

    expect(drafts.map((draft) => draft.id)).toEqual([newer.id, older.id]);
  });

  it('lists a draft moved up by its latest edit', async () => {
    const older = await clips.createDraft(fakeCapture());
    await clips.createDraft(fakeCapture());

    await clips.annotate(older.id, { note: 'edited' });

    expect((await clips.listDrafts())[0]?.id).toBe(older.id);
  });

  it.each([
    ['quote', { quote: 'Report every near miss.' }, 'near miss'],
    ['title', { title: 'Travel expenses policy' }, 'TRAVEL'],
  ])('finds a draft by its %s', async (_field, overrides, search) => {
    const wanted = await clips.createDraft(fakeCapture(overrides));
    await clips.createDraft(fakeCapture());

    const found = await clips.listDrafts(search);

    expect(found.map((draft) => draft.id)).toEqual([wanted.id]);
  });

  it('finds a draft by its note and tags', async () => {
    const wanted = await clips.createDraft(fakeCapture());
    await clips.createDraft(fakeCapture());
    await clips.annotate(wanted.id, { note: 'ask Carol', tags: ['depot'] });

    const found = await clips.listDrafts('carol depot');

    expect(found.map((draft) => draft.id)).toEqual([wanted.id]);
  });

  it('emits the drafts again when one is added', async () => {
    const seen: number[] = [];
    const subscription = clips
      .observeDrafts()
      .subscribe((drafts) => seen.push(drafts.length));
    await waitFor(() => seen.length > 0);

    await clips.createDraft(fakeCapture());
    await waitFor(() => seen.includes(1));
    subscription.unsubscribe();

    expect(seen).toEqual([0, 1]);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
