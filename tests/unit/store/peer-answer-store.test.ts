import { describe, expect, it } from 'vitest';
import { PeerAnswerStore } from '@/utils/store/peer-answer-store';
import { freshDatabase } from '../fakes/database';

const fetchedAt = '2026-12-03T09:00:00.000Z';

describe('PeerAnswerStore', () => {
  it('reads back the answer kept for a reader', async () => {
    const answers = new PeerAnswerStore(freshDatabase());
    await answers.write('reader-1', 'review-queue', { items: [] }, fetchedAt);

    const kept = await answers.read('reader-1', 'review-queue');

    expect(kept).toEqual({ value: { items: [] }, fetchedAt });
  });

  it("never answers another reader's answer", async () => {
    const answers = new PeerAnswerStore(freshDatabase());
    await answers.write('reader-1', 'review-queue', { items: [] }, fetchedAt);

    expect(await answers.read('reader-2', 'review-queue')).toBeUndefined();
  });

  it("forgets a reader's answers", async () => {
    const answers = new PeerAnswerStore(freshDatabase());
    await answers.write('reader-1', 'directory', {}, fetchedAt);

    await answers.forget('reader-1');

    expect(await answers.read('reader-1', 'directory')).toBeUndefined();
  });
});
