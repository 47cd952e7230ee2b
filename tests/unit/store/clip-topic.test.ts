import { beforeEach, describe, expect, it } from 'vitest';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { clipToRecord } from '@/utils/sync/clip-wire';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const topicId = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';

describe('ClipRepository.annotate with a topic', () => {
  let db: PeerclipDb;
  let clips: ClipRepository;

  beforeEach(() => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
  });

  it('files a draft under a topic', async () => {
    const draft = await clips.createDraft(fakeCapture());

    await clips.annotate(draft.id, { topicId });

    expect((await clips.getClip(draft.id))?.topicId).toBe(topicId);
  });

  it('takes a draft out of its topic with null', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await clips.annotate(draft.id, { topicId });

    await clips.annotate(draft.id, { topicId: null });

    expect((await clips.getClip(draft.id))?.topicId).toBeNull();
  });

  it('refuses a topic that is not an id and keeps the stored one', async () => {
    const draft = await clips.createDraft(fakeCapture());
    await clips.annotate(draft.id, { topicId });

    const attempt = clips.annotate(draft.id, { topicId: 'Safety' });

    await expect(attempt).rejects.toMatchObject({ code: 'bad-topic' });
    expect((await clips.getClip(draft.id))?.topicId).toBe(topicId);
  });

  it('refuses a topic that is not text', async () => {
    const draft = await clips.createDraft(fakeCapture());
    const topic = 42 as unknown as string;

    const attempt = clips.annotate(draft.id, { topicId: topic });

    await expect(attempt).rejects.toMatchObject({ code: 'bad-topic' });
  });

  it('sends the topic with the upsert', async () => {
    const draft = await clips.createDraft(fakeCapture());

    const updated = await clips.annotate(draft.id, { topicId });

    expect(clipToRecord(updated).topic_id).toBe(topicId);
  });
});
