// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewQueue } from '@/components/sidepanel/review/ReviewQueue';
import { createReviewQueueModel } from '@/utils/models/review-queue-model';
import type { ReviewQueueItem } from '@/utils/remote/peer-wire';
import { axeViolations } from '../fakes/axe';
import {
  fakeAnswer,
  fakeReviewQueueItem,
  HEALTH_AND_SAFETY,
} from '../fakes/peer-fakes';

const NOW = new Date('2026-12-03T12:00:00.000Z');

/** Alice's clip in a regulated topic, its note carrying hostile markup. */
const ITEM = fakeReviewQueueItem({
  note: 'Ask **Carol** <img src=x onerror=alert(1)>',
  tags: ['safety'],
  ...HEALTH_AND_SAFETY,
});

async function renderQueue(items: ReviewQueueItem[] = [ITEM]) {
  const model = createReviewQueueModel({
    loadQueue: async () => fakeAnswer(items),
    review: async () => {},
    me: async () => 'carol-id',
  });
  await model.load();
  return render(<ReviewQueue model={model} now={NOW} />);
}

describe('ReviewQueue', () => {
  afterEach(cleanup);

  it('says plainly when nothing waits for review', async () => {
    await renderQueue([]);

    expect(
      screen.getByText('Nothing is waiting for your review.'),
    ).toBeTruthy();
  });

  it('opens a clip with the review form under it', async () => {
    await renderQueue();

    fireEvent.click(screen.getByRole('button', { name: /Safe lifting/ }));

    expect(screen.getByRole('form', { name: 'Your review' })).toBeTruthy();
  });

  it('marks the reader’s verdict once given', async () => {
    await renderQueue();
    fireEvent.click(screen.getByRole('button', { name: /Safe lifting/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));

    expect(await screen.findByText('You approved it')).toBeTruthy();
  });

  it('shows the note through the note renderer', async () => {
    const { container } = await renderQueue();

    fireEvent.click(screen.getByRole('button', { name: /Safe lifting/ }));

    expect(container.querySelector('.note-markdown')?.innerHTML).toBe(
      '<p>Ask <strong>Carol</strong> &lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('passes an accessibility check on the list and the opened clip', async () => {
    const { container } = await renderQueue();
    const onList = await axeViolations(container);

    fireEvent.click(screen.getByRole('button', { name: /Safe lifting/ }));

    expect([...onList, ...(await axeViolations(container))]).toEqual([]);
  });
});
