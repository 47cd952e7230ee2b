// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OnThisPage } from '@/components/popup/OnThisPage';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import {
  createOnThisPageModel,
  type OnThisPageServices,
} from '@/utils/models/on-this-page-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { axeViolations } from '../fakes/axe';
import { fakeFeedItem, fakeLocalEndorsement } from '../fakes/peer-fakes';

const NOW = new Date('2026-12-03T10:00:00Z');
const PAGE = 'https://intranet.example/wiki/lifting';
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

/** Alice's clip of the page the popup is open on, with `overrides`. */
function feedItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return fakeFeedItem({
    title: 'Lifting loads safely',
    source_url: PAGE,
    canonical_url: PAGE,
    quote: 'Bend your knees, not your back.',
    note: 'Our depot rule.',
    author_team_name: 'Depot',
    peer_endorsement_count: 2,
    official_endorsement_count: 1,
    ...overrides,
  });
}

/** The reader's endorsement of `clipId`, queued just now. */
function queued(clipId: string, kind: 'peer' | 'official') {
  return fakeLocalEndorsement({
    id: `endorsement-${clipId}`,
    clipId,
    endorserId: 'reader-1',
    kind,
    createdAt: NOW.toISOString(),
    contentHash: null,
    pending: true,
  });
}

const OFFLINE: FeedReply = { ok: false, code: 'offline', message: 'Offline.' };

function services(
  overrides: Partial<OnThisPageServices> = {},
): OnThisPageServices {
  return {
    pageUrl: async () => PAGE,
    readCachedPage: async () => undefined,
    fetchPage: async () => ({
      ok: true,
      items: [feedItem()],
      cursor: null,
      fetchedAt: NOW.toISOString(),
      stale: false,
    }),
    myEndorsements: async () => new Map(),
    endorse: async (clipId, kind) => queued(clipId, kind),
    withdraw: async () => {},
    me: async () => ({ status: 'signed-in', id: 'reader-1' }),
    ...overrides,
  };
}

async function renderList(overrides: Partial<OnThisPageServices> = {}) {
  const opened: string[] = [];
  const model = createOnThisPageModel(services(overrides));
  await model.load();
  const { container } = render(
    <OnThisPage
      model={model}
      onOpenOptions={() => opened.push('options')}
      now={NOW}
    />,
  );
  return { container, opened };
}

describe('OnThisPage', () => {
  afterEach(cleanup);

  it('lists the page’s clips with author and team', async () => {
    await renderList();

    expect(screen.getByText('Alice · Depot')).toBeTruthy();
  });

  it('shows peer and official endorsement counts', async () => {
    await renderList();

    expect(screen.getByText('2 peer endorsements · 1 official')).toBeTruthy();
  });

  it('counts and marks the reader’s endorsement as queued', async () => {
    await renderList();

    fireEvent.click(
      screen.getByRole('button', { name: 'Endorse ‘Lifting loads safely’' }),
    );

    expect(await screen.findByText('Queued')).toBeTruthy();
    expect(screen.getByText('3 peer endorsements · 1 official')).toBeTruthy();
  });

  it('renders hostile peer strings as text', async () => {
    const hostile = feedItem({
      title: HOSTILE,
      quote: HOSTILE,
      note: HOSTILE,
      author_name: HOSTILE,
    });
    const { container } = await renderList({
      readCachedPage: async () => ({ items: [hostile], fetchedAt: 'then' }),
      fetchPage: async () => OFFLINE,
    });

    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('blockquote')?.textContent).toBe(HOSTILE);
  });

  it('keeps the cached list offline with a quiet note', async () => {
    await renderList({
      readCachedPage: async () => ({ items: [feedItem()], fetchedAt: 'then' }),
      fetchPage: async () => OFFLINE,
    });

    expect(screen.getByText(/^Offline: clips as last seen/)).toBeTruthy();
  });

  it('says so when offline with nothing cached', async () => {
    await renderList({ fetchPage: async () => OFFLINE });

    expect(screen.getByText(/no clips of this page were saved/)).toBeTruthy();
  });

  it('leads a signed-out reader to the settings', async () => {
    const { opened } = await renderList({
      me: async () => ({ status: 'signed-out' }),
    });

    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));

    expect(opened).toEqual(['options']);
  });

  it('invites the first clip of a page no peer clipped', async () => {
    await renderList({
      fetchPage: async () => ({
        ok: true,
        items: [],
        cursor: null,
        fetchedAt: NOW.toISOString(),
        stale: false,
      }),
    });

    expect(screen.getByText(/No peer has clipped this page yet/)).toBeTruthy();
  });

  it('passes axe with clips, one endorsed officially', async () => {
    const { container } = await renderList({
      fetchPage: async () => ({
        ok: true,
        items: [feedItem(), feedItem({ id: 'clip-2', title: 'Gloves' })],
        cursor: null,
        fetchedAt: NOW.toISOString(),
        stale: false,
      }),
      myEndorsements: async () =>
        new Map([['clip-2', queued('clip-2', 'official')]]),
    });

    expect(await axeViolations(container)).toEqual([]);
  });

  it('passes axe signed out', async () => {
    const { container } = await renderList({
      me: async () => ({ status: 'signed-out' }),
    });

    expect(await axeViolations(container)).toEqual([]);
  });

  it('passes axe offline with nothing cached', async () => {
    const { container } = await renderList({ fetchPage: async () => OFFLINE });

    expect(await axeViolations(container)).toEqual([]);
  });
});
