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
import type { LocalEndorsement } from '@/utils/store/discussion-types';
import { axeViolations } from '../fakes/axe';

const NOW = new Date('2026-12-03T10:00:00Z');
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function feedItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 'clip-1',
    author_id: 'author-1',
    author_name: 'Alice',
    title: 'Lifting loads safely',
    site: 'intranet.example',
    source_url: 'https://intranet.example/wiki/lifting',
    canonical_url: 'https://intranet.example/wiki/lifting',
    quote: 'Bend your knees, not your back.',
    quote_is_excerpt: false,
    note: 'Our depot rule.',
    tags: [],
    topic_id: null,
    topic_name: null,
    visibility: 'organisation',
    published_at: '2026-12-01T10:00:00Z',
    version: 1,
    in_network: false,
    trust: 'none',
    comment_count: 0,
    peer_endorsement_count: 2,
    author_team_name: 'Depot',
    official_endorsement_count: 1,
    my_endorsement: null,
    can_endorse_officially: false,
    ...overrides,
  };
}

function queued(clipId: string, kind: 'peer' | 'official') {
  const endorsement: LocalEndorsement = {
    id: `endorsement-${clipId}`,
    clipId,
    endorserId: 'reader-1',
    kind,
    createdAt: NOW.toISOString(),
    expiresAt: null,
    withdrawnAt: null,
    contentHash: null,
    pending: true,
  };
  return endorsement;
}

const OFFLINE: FeedReply = { ok: false, code: 'offline', message: 'Offline.' };

function services(
  overrides: Partial<OnThisPageServices> = {},
): OnThisPageServices {
  return {
    pageUrl: async () => 'https://intranet.example/wiki/lifting',
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
