import { beforeEach, describe, expect, it } from 'vitest';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { heldDrafts } from '@/utils/store/held-drafts';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const reader = { id: 'reader-1', email: 'reader@example.com' };

describe('ClipRepository.submitForPublishing', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  beforeEach(() => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
  });

  it('queues the submission with the checklist version ticked', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.submitForPublishing(draft.id, 3);

    expect((await db.outbox.toArray()).at(-1)).toMatchObject({
      kind: 'clip.submit',
      subjectId: draft.id,
      record: { id: draft.id, checklist_version: 3 },
    });
  });

  it('shows the draft as being sent', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.submitForPublishing(draft.id, 3);

    expect((await db.clips.get(draft.id))?.submitting).toBe(true);
  });

  it('queues one submission for two clicks', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await db.outbox.clear();

    await clips.submitForPublishing(draft.id, 3);
    await clips.submitForPublishing(draft.id, 3);

    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an edit while the draft is being sent', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await clips.submitForPublishing(draft.id, 3);

    const attempt = clips.annotate(draft.id, { note: 'one more thing' });

    await expect(attempt).rejects.toMatchObject({ code: 'submitting' });
  });

  it('refuses a checklist version that is not a whole number', async () => {
    const draft = await clips.createDraft(fakeCapture());

    const attempt = clips.submitForPublishing(draft.id, 1.5);

    await expect(attempt).rejects.toMatchObject({
      code: 'bad-checklist-version',
    });
  });

  it('refuses a draft held back from sync', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await heldDrafts.set(db, [draft.id]);

    const attempt = clips.submitForPublishing(draft.id, 3);

    await expect(attempt).rejects.toMatchObject({ code: 'held' });
  });
});

describe('ClipRepository.listDrafts', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  beforeEach(async () => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
    await db.meta.put({ key: 'account.user', value: reader });
  });

  it('keeps my drafts and drafts written without an account', async () => {
    const mine = await clips.createDraft(fakeCapture());
    const local = await clips.createDraft(fakeCapture());
    await db.clips.update(mine.id, { authorId: reader.id });

    const drafts = await clips.listDrafts();

    expect(drafts.map((draft) => draft.id).sort()).toEqual(
      [mine.id, local.id].sort(),
    );
  });

  it("leaves out another person's draft", async () => {
    const theirs = await clips.createDraft(fakeCapture());
    await db.clips.update(theirs.id, { authorId: 'peer-1' });

    expect(await clips.listDrafts()).toEqual([]);
  });
});

describe('ClipRepository.listAwaitingReview', () => {
  it("lists others' clips in review, not mine", async () => {
    const db = freshDatabase();
    const clips = new ClipRepository(db, countingClock());
    const theirs = await clips.createDraft(fakeCapture());
    const mine = await clips.createDraft(fakeCapture());
    await db.clips.update(theirs.id, { state: 'in_review', authorId: 'p-1' });
    await db.clips.update(mine.id, { state: 'in_review', authorId: reader.id });

    const waiting = await clips.listAwaitingReview(reader.id);

    expect(waiting.map((clip) => clip.id)).toEqual([theirs.id]);
  });
});
