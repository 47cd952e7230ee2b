// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedCard } from '@/components/sidepanel/feed/FeedCard';
import { readableFeedItem } from '@/utils/models/feed-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { axeViolations } from '../fakes/axe';
import {
  hostilePages,
  hostileVectors,
} from '../capture/helpers/hostile-vectors';

const NOW = new Date('2026-12-03T12:00:00.000Z');

/** A published clip of Bob's, with `overrides`. */
function clipOfBob(overrides: Partial<FeedItem> = {}): FeedItem {
  const item = readableFeedItem({
    id: 'clip-1',
    author_id: 'bob-id',
    author_name: 'Bob Byrne',
    author_team_name: 'Facilities',
    title: 'Lifting safely',
    site: 'wiki.example.com',
    quote: 'Bend your knees, not your back.',
    note: 'Worth a reminder before the move.',
    tags: ['safety'],
    topic_name: 'Health & Safety',
    published_at: '2026-12-03T09:00:00.000Z',
    comment_count: 2,
    peer_endorsement_count: 3,
    official_endorsement_count: 1,
    trust: 'trusted',
    ...overrides,
  });
  if (!item) throw new Error('The test clip is not a readable feed item.');
  return item;
}

function renderCard(item = clipOfBob(), extra = {}) {
  const opened: string[] = [];
  const followed: string[] = [];
  const view = render(
    <FeedCard
      item={item}
      now={NOW}
      onOpen={(id) => opened.push(id)}
      followingAuthor={false}
      onFollowAuthor={(id, on) => followed.push(`${on ? '+' : '-'}${id}`)}
      {...extra}
    />,
  );
  return { ...view, opened, followed };
}

const badges = () =>
  screen.queryAllByRole('listitem').map((badge) => badge.textContent);

describe('FeedCard', () => {
  afterEach(cleanup);

  it('shows who clipped what, from where and when', () => {
    renderCard();

    const byline = screen.getByText('Bob Byrne').parentElement;
    expect(byline?.textContent).toBe('Bob ByrneFacilities3 hours ago');
    expect(screen.getByText('wiki.example.com')).toBeTruthy();
  });

  it('counts comments and endorsements of both kinds', () => {
    renderCard();

    expect(screen.getByText('2 comments · 4 endorsements')).toBeTruthy();
  });

  it('shows Endorsed and Peer endorsed for a trusted clip', () => {
    renderCard();

    expect(badges()).toEqual(['Endorsed', 'Peer endorsed 3', 'safety']);
  });

  it('shows Awaiting endorsement, In review and Source changed', () => {
    const item = clipOfBob({
      trust: 'awaiting_endorsement',
      peer_endorsement_count: 0,
      tags: [],
    });

    renderCard(item, { inReview: true, sourceChanged: true });

    expect(badges()).toEqual([
      'Awaiting endorsement',
      'In review',
      'Source changed',
    ]);
  });

  it('previews the note as plain text cut near 200 characters', () => {
    const note = `**Read this.** ${'word '.repeat(80)}`;

    const { container } = renderCard(clipOfBob({ note }));

    const preview = container.querySelector('.feed-card__note');
    expect(preview?.textContent?.length).toBeLessThanOrEqual(201);
    expect(preview?.textContent?.startsWith('Read this. word')).toBe(true);
  });

  it('opens the clip from its title', () => {
    const { opened } = renderCard();

    fireEvent.click(screen.getByRole('button', { name: 'Lifting safely' }));

    expect(opened).toEqual(['clip-1']);
  });

  it('follows the author', () => {
    const { followed } = renderCard();

    fireEvent.click(screen.getByRole('button', { name: 'Follow Bob Byrne' }));

    expect(followed).toEqual(['+bob-id']);
  });

  it('unfollows an author the reader follows', () => {
    const { followed } = renderCard(clipOfBob(), { followingAuthor: true });

    fireEvent.click(screen.getByRole('button', { name: 'Unfollow Bob Byrne' }));

    expect(followed).toEqual(['-bob-id']);
  });

  it('offers no follow on the reader’s own clip', () => {
    renderCard(clipOfBob(), { followingAuthor: null });

    expect(screen.queryByRole('button', { name: /follow/i })).toBeNull();
  });

  it('renders hostile quotes, notes and titles as text only', () => {
    const { container } = renderCard(clipOfBob({ note: '' }));
    const ownElements = container.querySelectorAll('*').length;
    cleanup();
    const vectors = hostilePages().flatMap((page) =>
      hostileVectors(page.file, page.name),
    );

    const leaks = vectors.filter(({ html }) => {
      const hostile = clipOfBob({ quote: html, note: html, title: html });
      const view = renderCard(hostile);
      const quote = view.container.querySelector('blockquote')?.textContent;
      const extra = view.container.querySelectorAll('*').length - ownElements;
      cleanup();
      // The note paragraph is the one element the hostile card adds.
      return extra !== 1 || quote !== html;
    });

    expect(vectors.length).toBeGreaterThan(20);
    expect(leaks.map((vector) => vector.name)).toEqual([]);
  });

  it('passes an accessibility check', async () => {
    const { container } = renderCard(clipOfBob(), { sourceChanged: true });

    expect(await axeViolations(container)).toEqual([]);
  });
});
