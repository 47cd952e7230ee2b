// @vitest-environment jsdom
import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
} from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FeedList,
  type FeedListProps,
} from '@/components/sidepanel/feed/FeedList';
import { readableFeedItem } from '@/utils/models/feed-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { axeViolations } from '../fakes/axe';

const NOW = new Date('2026-12-03T12:00:00.000Z');

function clips(count: number): FeedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const item = readableFeedItem({
      id: `clip-${index}`,
      author_id: 'bob-id',
      author_name: 'Bob',
      title: `Clip number ${index}`,
      quote: `Quote ${index}`,
      published_at: '2026-12-01T09:00:00.000Z',
    });
    if (!item) throw new Error('The test clip is not a readable feed item.');
    return item;
  });
}

function renderList(items: FeedItem[], overrides: Partial<FeedListProps> = {}) {
  const asked = { more: 0 };
  const view = render(
    <FeedList
      items={items}
      now={NOW}
      hasMore={false}
      complete={true}
      loadingMore={false}
      moreProblem={null}
      onLoadMore={() => (asked.more += 1)}
      onOpen={() => {}}
      {...overrides}
    />,
  );
  return { ...view, asked };
}

const nextFrame = () =>
  act(
    () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
  );

/** Scrolls the page so the list's top sits `y` pixels above the viewport. */
async function scrollTo(y: number) {
  const list = screen.getByRole('feed');
  list.getBoundingClientRect = () => ({ top: -y }) as DOMRect;
  fireEvent.scroll(document);
  await nextFrame();
}

const cardsInDom = () => document.querySelectorAll('article').length;

const firstShown = () =>
  document.querySelector('article')?.getAttribute('aria-posinset');

describe('FeedList', () => {
  afterEach(cleanup);

  it('keeps fewer than 300 of 10,000 cards in the DOM while scrolling', async () => {
    renderList(clips(10_000));
    const counts = [cardsInDom()];

    for (const y of [5_000, 400_000, 1_000_000, 2_200_000, 0]) {
      await scrollTo(y);
      counts.push(cardsInDom());
    }

    expect(Math.max(...counts)).toBeLessThan(300);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('shows the cards at the scrolled position', async () => {
    renderList(clips(10_000));

    await scrollTo(1_000_000);

    expect(Number(firstShown())).toBeGreaterThan(4_000);
  });

  it('keeps the full height of the list as padding', async () => {
    renderList(clips(10_000));

    await scrollTo(1_000_000);

    const list = screen.getByRole('feed');
    const padding =
      parseFloat(list.style.paddingTop) + parseFloat(list.style.paddingBottom);
    expect(padding + cardsInDom() * 220).toBe(10_000 * 220);
  });

  it('asks for more clips only near the end', async () => {
    const { asked } = renderList(clips(10_000), {
      hasMore: true,
      complete: false,
    });
    await nextFrame();
    const atTop = asked.more;

    await scrollTo(10_000 * 220 - 800);

    expect([atTop, asked.more]).toEqual([0, 1]);
  });

  it('does not ask again after a page failed', async () => {
    const { asked } = renderList(clips(5), {
      hasMore: true,
      complete: false,
      moreProblem: 'You are offline.',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(asked.more).toBe(1);
  });

  it('moves to the next card with Page Down', () => {
    renderList(clips(30));
    const [first] = screen.getAllByRole('article');
    first?.focus();

    fireEvent.keyDown(first as Element, { key: 'PageDown' });

    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2');
  });

  it('says when every clip was seen', () => {
    renderList(clips(3));

    expect(
      screen.getByText('You have seen every clip in this tab.'),
    ).toBeTruthy();
  });

  it('passes an accessibility check', async () => {
    const { container } = renderList(clips(30), { loadingMore: true });

    expect(await axeViolations(container)).toEqual([]);
  });
});
