// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PeerFeed } from '@/components/sidepanel/feed/PeerFeed';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import {
  createFeedModel,
  readableFeedItem,
  type FeedServices,
} from '@/utils/models/feed-model';
import type { FeedItem, FeedScope } from '@/utils/remote/sync-wire';
import { axeViolations } from '../fakes/axe';

function clip(id: string, title: string): FeedItem {
  const item = readableFeedItem({
    id,
    author_id: 'bob-id',
    author_name: 'Bob',
    title,
    quote: `Quote of ${title}`,
    published_at: '2026-12-01T09:00:00.000Z',
  });
  if (!item) throw new Error('The test clip is not a readable feed item.');
  return item;
}

const page = (items: FeedItem[]): FeedReply => ({
  ok: true,
  items,
  cursor: null,
  fetchedAt: '2026-12-03T09:00:00.000Z',
  stale: false,
});

/** A feed whose every tab answers one clip named after the tab. */
function feedServices(overrides: Partial<FeedServices> = {}): FeedServices {
  return {
    async *readCachedPages() {},
    fetchPage: async ({ scope }: { scope: FeedScope }) =>
      page([clip(`clip-${scope}`, `Clip for ${scope}`)]),
    activeSite: async () => 'wiki.example.com',
    requestSitePermission: async () => true,
    lastTab: async () => null,
    rememberTab: async () => {},
    ...overrides,
  };
}

function renderFeed(services = feedServices()) {
  const opened: string[] = [];
  const model = createFeedModel(services);
  render(<PeerFeed model={model} onOpen={(id) => opened.push(id)} />);
  return { model, opened };
}

const selectedTab = () =>
  screen.getByRole('tab', { selected: true }).textContent;

describe('PeerFeed', () => {
  afterEach(cleanup);

  it('opens on Everyone with its clips', async () => {
    renderFeed();

    expect(await screen.findByText('Clip for everyone')).toBeTruthy();
    expect(selectedTab()).toBe('Everyone');
  });

  it('moves between tabs with the arrow keys', async () => {
    renderFeed();
    await screen.findByText('Clip for everyone');

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Everyone' }), {
      key: 'ArrowRight',
    });

    expect(await screen.findByText('Clip for site')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('This site');
  });

  it('wraps from the first tab to the last with the left arrow', async () => {
    renderFeed();
    await screen.findByText('Clip for everyone');

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Everyone' }), {
      key: 'Home',
    });
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Following' }), {
      key: 'ArrowLeft',
    });

    expect(selectedTab()).toBe('This site');
  });

  it('labels the panel with the selected tab', async () => {
    renderFeed();

    fireEvent.click(screen.getByRole('tab', { name: 'My team' }));

    expect(
      await screen.findByRole('tabpanel', { name: 'My team' }),
    ).toBeTruthy();
  });

  it('explains This site and asks to see the site', async () => {
    let allowed = false;
    renderFeed(
      feedServices({
        activeSite: async () => (allowed ? 'wiki.example.com' : null),
        requestSitePermission: async () => (allowed = true),
      }),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Allow Peerclip to see the current site',
      }),
    );

    expect(await screen.findByText('Clip for site')).toBeTruthy();
  });

  it('keeps cached clips with a quiet note when offline', async () => {
    renderFeed(
      feedServices({
        async *readCachedPages() {
          yield [
            {
              items: [clip('cached', 'Cached clip')],
              cursor: null,
              fetchedAt: '2026-12-02T09:00:00.000Z',
            },
          ];
        },
        fetchPage: async () => ({
          ok: false,
          code: 'offline',
          message: 'Unreachable.',
        }),
      }),
    );

    expect(await screen.findByText(/You are offline/)).toBeTruthy();
    expect(screen.getByText('Cached clip')).toBeTruthy();
  });

  it('offers to try again after a failure', async () => {
    let failing = true;
    renderFeed(
      feedServices({
        fetchPage: async () =>
          failing
            ? { ok: false, code: 'failed', message: 'Broken.' }
            : page([clip('back', 'Back again')]),
      }),
    );
    const retry = await screen.findByRole('button', { name: 'Try again' });
    failing = false;

    fireEvent.click(retry);

    expect(await screen.findByText('Back again')).toBeTruthy();
  });

  it('opens a clip from its card', async () => {
    const { opened } = renderFeed();

    fireEvent.click(await screen.findByText('Clip for everyone'));

    expect(opened).toEqual(['clip-everyone']);
  });

  it('passes an accessibility check', async () => {
    renderFeed();
    await screen.findByText('Clip for everyone');

    expect(await axeViolations(document.body)).toEqual([]);
  });
});
