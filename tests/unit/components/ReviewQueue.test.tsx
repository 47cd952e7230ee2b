// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewQueue } from '@/components/sidepanel/review/ReviewQueue';
import { createReviewQueueModel } from '@/utils/models/review-queue-model';
import type { ReviewQueueItem } from '@/utils/remote/peer-wire';
import { axeViolations } from '../fakes/axe';

const NOW = new Date('2026-12-03T12:00:00.000Z');

const ITEM: ReviewQueueItem = {
  id: 'clip-1',
  author_id: 'alice-id',
  author_name: 'Alice',
  author_team_name: 'Safety',
  title: 'Safe lifting',
  site: 'wiki.example',
  source_url: 'https://wiki.example/lifting',
  quote: 'Bend your knees.',
  note: 'Ask **Carol** <img src=x onerror=alert(1)>',
  tags: ['safety'],
  topic_id: 'topic-hs',
  topic_name: 'Health & Safety',
  topic_regulated: true,
  submitted_at: '2026-12-03T09:00:00.000Z',
  version: 2,
  my_verdict: null,
};

async function renderQueue(items: ReviewQueueItem[] = [ITEM]) {
  const model = createReviewQueueModel({
    loadQueue: async () => ({
      ok: true,
      value: items,
      fetchedAt: '2026-12-03T11:00:00.000Z',
      stale: false,
    }),
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
