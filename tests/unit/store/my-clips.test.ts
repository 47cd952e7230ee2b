import { beforeEach, describe, expect, it } from 'vitest';
import type { ClipState } from '@/utils/models/clip';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { clipToRecord } from '@/utils/sync/clip-wire';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const reader = { id: 'reader-1', email: 'reader@example.com' };

describe('ClipRepository.annotate after a draft', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  /** A clip the server has at version 3, with nothing left to send. */
  async function syncedClip(state: ClipState, authorId = reader.id) {
    const clip = await clips.createDraft(fakeCapture());
    await db.clips.update(clip.id, { state, authorId, version: 3 });
    await db.outbox.clear();
    return clip;
  }

  beforeEach(async () => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
    await db.meta.put({ key: 'account.user', value: reader });
  });

  it('changes the note of my published clip', async () => {
    const clip = await syncedClip('published');

    await clips.annotate(clip.id, { note: 'Also for the night shift.' });

    expect(await clips.getClip(clip.id)).toMatchObject({
      note: 'Also for the night shift.',
      state: 'published',
    });
  });

  it('queues the edit of my clip in review on its server version', async () => {
    const clip = await syncedClip('in_review');

    await clips.annotate(clip.id, { tags: ['depot'] });

    expect(await db.outbox.toArray()).toMatchObject([
      { clipId: clip.id, kind: 'clip.upsert', baseVersion: 3 },
    ]);
  });

  it("refuses an edit of another person's clip in review", async () => {
    const clip = await syncedClip('in_review', 'peer-1');

    const attempt = clips.annotate(clip.id, { note: 'Not mine to change.' });

    await expect(attempt).rejects.toMatchObject({ code: 'not-mine' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses an edit of an archived clip', async () => {
    const clip = await syncedClip('archived');

    const attempt = clips.annotate(clip.id, { note: 'Too late.' });

    await expect(attempt).rejects.toMatchObject({ code: 'archived' });
  });

  it('sends no state with the edit of a published clip', async () => {
    const clip = await syncedClip('published');

    const edited = await clips.annotate(clip.id, { note: 'Updated.' });

    expect(clipToRecord(edited)).not.toHaveProperty('state');
  });
});

describe('ClipRepository.listMine', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  async function clipIn(state: ClipState, authorId = reader.id) {
    const clip = await clips.createDraft(fakeCapture());
    await db.clips.update(clip.id, { state, authorId });
    return clip;
  }

  beforeEach(async () => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
    await db.meta.put({ key: 'account.user', value: reader });
  });

  it('lists my drafts, clips in review and published clips', async () => {
    const ids = [
      (await clipIn('draft')).id,
      (await clipIn('in_review')).id,
      (await clipIn('published')).id,
    ];

    const mine = await clips.listMine();

    expect(mine.map((clip) => clip.id).sort()).toEqual(ids.sort());
  });

  it("leaves out archived clips and others' clips in review", async () => {
    await clipIn('archived');
    await clipIn('in_review', 'peer-1');

    expect(await clips.listMine()).toEqual([]);
  });

  it('lists the clip changed last first', async () => {
    const older = await clipIn('published');
    await clipIn('draft');

    await clips.annotate(older.id, { note: 'Edited after publishing.' });

    expect((await clips.listMine())[0]?.id).toBe(older.id);
  });

  it('finds a clip by its note', async () => {
    const found = await clipIn('published');
    await clipIn('draft');
    await clips.annotate(found.id, { note: 'Forklift checks' });

    const result = await clips.listMine('forklift');

    expect(result.map((clip) => clip.id)).toEqual([found.id]);
  });

  it('emits my clips again when one is published', async () => {
    const clip = await clipIn('in_review');
    const emitted: string[][] = [];
    const subscription = clips.observeMine().subscribe((list) => {
      emitted.push(list.map((each) => each.state));
    });
    await expect.poll(() => emitted.length).toBe(1);

    await db.clips.update(clip.id, { state: 'published' });

    await expect.poll(() => emitted.at(-1)).toEqual(['published']);
    subscription.unsubscribe();
  });
});
