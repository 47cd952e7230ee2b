import { describe, expect, it } from 'vitest';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import {
  createReviewQueueModel,
  feedbackProblem,
  type ReviewInput,
  type ReviewQueueServices,
} from '@/utils/models/review-queue-model';
import type { ReviewQueueItem } from '@/utils/remote/peer-wire';
import {
  fakeAnswer,
  fakeReviewQueueItem,
  HEALTH_AND_SAFETY,
} from '../fakes/peer-fakes';

/** Alice's clip in a regulated topic, waiting for Carol's review. */
const ITEM = fakeReviewQueueItem({ note: 'Ask Carol', ...HEALTH_AND_SAFETY });

const NO_FEEDBACK = { helps: '', improve: '', accuracyConcern: '' };

function fakeServices(
  reviews: ReviewInput[] = [],
  answer: CachedAnswer<ReviewQueueItem[]> = fakeAnswer(
    [ITEM],
    '2026-12-03T10:00:00.000Z',
  ),
): ReviewQueueServices {
  return {
    loadQueue: async () => answer,
    review: async (input) => reviews.push(input),
    me: async () => 'carol-id',
  };
}

describe('feedbackProblem', () => {
  it('asks a request for changes to say what to change', () => {
    const actual = feedbackProblem('changes', { ...NO_FEEDBACK, helps: 'Ok' });

    expect(actual).toMatch(/Say what to improve/);
  });

  it('accepts a request for changes with an accuracy concern', () => {
    const actual = feedbackProblem('changes', {
      ...NO_FEEDBACK,
      accuracyConcern: 'The limit is 25 kg now.',
    });

    expect(actual).toBeNull();
  });

  it('accepts a bare approval', () => {
    expect(feedbackProblem('approve', NO_FEEDBACK)).toBeNull();
  });
});

describe('createReviewQueueModel', () => {
  it('lists the clips waiting for review', async () => {
    const model = createReviewQueueModel(fakeServices());

    await model.load();

    expect(model.items.value.map((item) => item.id)).toEqual(['clip-1']);
  });

  it('records an approval by the reader', async () => {
    const reviews: ReviewInput[] = [];
    const model = createReviewQueueModel(fakeServices(reviews));
    await model.load();
    model.open('clip-1');

    await model.review('approve', { ...NO_FEEDBACK, helps: 'Clear.' });

    expect(reviews).toEqual([
      {
        clipId: 'clip-1',
        verdict: 'approve',
        reviewerId: 'carol-id',
        helps: 'Clear.',
        improve: '',
        accuracyConcern: '',
      },
    ]);
  });

  it('shows the reader’s verdict at once', async () => {
    const model = createReviewQueueModel(fakeServices());
    await model.load();
    model.open('clip-1');

    await model.review('changes', { ...NO_FEEDBACK, improve: 'Add a date.' });

    expect(model.items.value[0]?.my_verdict).toBe('changes');
  });

  it('refuses a request for changes without feedback', async () => {
    const reviews: ReviewInput[] = [];
    const model = createReviewQueueModel(fakeServices(reviews));
    await model.load();
    model.open('clip-1');

    const kept = await model.review('changes', NO_FEEDBACK);

    expect([kept, reviews.length]).toEqual([false, 0]);
  });

  it('keeps the sentence of a failed answer', async () => {
    const model = createReviewQueueModel(
      fakeServices([], {
        ok: false,
        code: 'not-connected',
        message: 'Connect a workspace to review clips.',
      }),
    );

    await model.load();

    expect(model.failure.value).toBe('Connect a workspace to review clips.');
  });
});
