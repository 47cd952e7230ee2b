import { describe, expect, it } from 'vitest';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import {
  createFeedModel,
  type FeedCachedPage,
  type FeedServices,
} from '@/utils/models/feed-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { fakeFeedItem } from '../fakes/peer-fakes';

/** A published clip of the feed, quoting its own id, with `overrides`. */
function feedItem(id: string, overrides: Partial<FeedItem> = {}): FeedItem {
  return fakeFeedItem({ id, quote: `Quote ${id}`, ...overrides });
}

const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => feedItem(`c${from + i}`));

function freshPage(items: FeedItem[], cursor: string | null): FeedReply {
  return { ok: true, items, cursor, fetchedAt: 'now', stale: false };
}

/** Services over an in-memory cache; replies answered in order. */
function fakeFeedServices(
  cached: FeedCachedPage[],
  replies: (FeedReply | unknown)[],
  overrides: Partial<FeedServices> = {},
) {
  const asked: (string | undefined)[] = [];
  let remembered: string | null = null;
  const services: FeedServices = {
    async *readCachedPages() {
      if (cached.length > 0) yield cached.slice(0, 1);
      if (cached.length > 1) yield cached.slice(1);
    },
    fetchPage: async ({ cursor }) => {
      asked.push(cursor);
      return (replies.shift() ?? freshPage([], null)) as FeedReply;
    },
    activeSite: async () => 'wiki.example.com',
    requestSitePermission: async () => true,
    lastTab: async () => remembered,
    rememberTab: async (tab) => {
      remembered = tab;
    },
    ...overrides,
  };
  return { services, asked };
}

const cachedPage = (items: FeedItem[], cursor: string | null) => ({
  items,
  cursor,
  fetchedAt: '2026-12-02T10:00:00.000Z',
});

describe('createFeedModel', () => {
  it('shows the cached pages before the fresh page arrives', async () => {
    let answer: (reply: FeedReply) => void = () => {};
    const { services } = fakeFeedServices([cachedPage(ids(0, 20), null)], [], {
      fetchPage: () => new Promise((resolve) => (answer = resolve)),
    });
    const feed = createFeedModel(services);

    const started = feed.start();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(feed.items.value).toHaveLength(20);
    answer(freshPage([], null));
    await started;
  });

  it('replaces the cached first page with the fresh one', async () => {
    const { services } = fakeFeedServices(
      [cachedPage(ids(0, 2), null)],
      [freshPage([feedItem('new'), feedItem('c0')], null)],
    );
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.items.value.map((item) => item.id)).toEqual(['new', 'c0']);
    expect(feed.status.value).toBe('ready');
  });

  it('keeps the cached pages behind a fresh first page that joins them', async () => {
    const { services } = fakeFeedServices(
      [cachedPage(ids(0, 20), 'k1'), cachedPage(ids(20, 40), 'k2')],
      [freshPage(ids(0, 20), 'k1')],
    );
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.items.value).toHaveLength(40);
  });

  it('drops the cached pages when the fresh first page ends elsewhere', async () => {
    const { services } = fakeFeedServices(
      [cachedPage(ids(0, 20), 'k1'), cachedPage(ids(20, 40), 'k2')],
      [freshPage(ids(100, 120), 'moved')],
    );
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.items.value[0]?.id).toBe('c100');
    expect(feed.items.value).toHaveLength(20);
  });

  it('keeps the cached clips with a quiet note when offline', async () => {
    const { services } = fakeFeedServices(
      [cachedPage(ids(0, 20), null)],
      [{ ok: false, code: 'offline', message: 'Unreachable.' }],
    );
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.status.value).toBe('offline');
    expect(feed.items.value).toHaveLength(20);
  });

  it('says a tab never loaded cannot show offline', async () => {
    const { services } = fakeFeedServices(
      [],
      [{ ok: false, code: 'offline', message: 'Unreachable.' }],
    );
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.message.value).toMatch(/never loaded on this browser/);
  });

  it('asks to sign in when the session is gone', async () => {
    const { services } = fakeFeedServices(
      [],
      [{ ok: false, code: 'not-signed-in', message: 'Sign in.' }],
    );
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.status.value).toBe('not-signed-in');
  });

  it('loads the next page from the last cursor', async () => {
    const { services, asked } = fakeFeedServices(
      [],
      [freshPage(ids(0, 20), 'k1'), freshPage(ids(20, 40), null)],
    );
    const feed = createFeedModel(services);
    await feed.start();

    await feed.loadMore();

    expect(asked).toEqual([undefined, 'k1']);
    expect(feed.hasMore.value).toBe(false);
  });

  it('asks for one next page at a time', async () => {
    const { services, asked } = fakeFeedServices(
      [],
      [freshPage(ids(0, 20), 'k1'), freshPage(ids(20, 40), 'k2')],
    );
    const feed = createFeedModel(services);
    await feed.start();

    await Promise.all([feed.loadMore(), feed.loadMore()]);

    expect(asked).toHaveLength(2);
  });

  it('asks for no page while the cached pages are read', async () => {
    let release: () => void = () => {};
    const { services, asked } = fakeFeedServices([], [], {
      async *readCachedPages() {
        yield [cachedPage(ids(0, 20), 'k1')];
        await new Promise<void>((resolve) => (release = resolve));
        yield [cachedPage(ids(20, 40), null)];
      },
    });
    const feed = createFeedModel(services);
    const started = feed.start();
    await new Promise((resolve) => setTimeout(resolve, 0));

    await feed.loadMore();
    release();
    await started;

    expect(asked).toEqual([undefined]);
  });

  it('is complete only once the cache and the last page are in', async () => {
    let release: () => void = () => {};
    const { services } = fakeFeedServices([], [], {
      async *readCachedPages() {
        yield [cachedPage(ids(0, 20), null)];
        await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const feed = createFeedModel(services);
    const started = feed.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const whileReading = feed.complete.value;

    release();
    await started;

    expect([whileReading, feed.complete.value]).toEqual([false, true]);
  });

  it('says why no more clips came, keeping the list', async () => {
    const { services } = fakeFeedServices(
      [],
      [
        freshPage(ids(0, 20), 'k1'),
        { ok: false, code: 'offline', message: 'Unreachable.' },
      ],
    );
    const feed = createFeedModel(services);
    await feed.start();

    await feed.loadMore();

    expect(feed.moreProblem.value).toMatch(/offline/);
    expect(feed.items.value).toHaveLength(20);
  });

  it('opens the tab the reader last chose', async () => {
    const { services } = fakeFeedServices([], []);
    await createFeedModel(services).selectTab('team');
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.tab.value).toBe('team');
  });

  it('keeps a tab chosen while the remembered one was read', async () => {
    const { services } = fakeFeedServices([], [], {
      lastTab: async () => 'following',
    });
    const feed = createFeedModel(services);

    const started = feed.start();
    await feed.selectTab('team');
    await started;

    expect(feed.tab.value).toBe('team');
  });

  it('starts once however often it is asked', async () => {
    const { services, asked } = fakeFeedServices([], []);
    const feed = createFeedModel(services);

    await Promise.all([feed.start(), feed.start()]);

    expect(asked).toHaveLength(1);
  });

  it('opens Everyone when the remembered tab is unknown', async () => {
    const { services } = fakeFeedServices([], [], {
      lastTab: async () => 'nonsense',
    });
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.tab.value).toBe('everyone');
  });

  it('turns an unreadable reply into a failure', async () => {
    const { services } = fakeFeedServices([], [{ ok: true, items: 'nope' }]);
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.status.value).toBe('failed');
  });

  it('drops bad rows and keeps the rest of the page', async () => {
    const { services } = fakeFeedServices(
      [],
      [freshPage([{ id: 7 } as never, feedItem('good'), null as never], null)],
    );
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.items.value.map((item) => item.id)).toEqual(['good']);
  });

  it('turns a thrown request into a failure', async () => {
    const { services } = fakeFeedServices([], [], {
      fetchPage: async () => {
        throw new Error('port closed');
      },
    });
    const feed = createFeedModel(services);

    await feed.start();

    expect(feed.status.value).toBe('failed');
  });

  it('explains This site when the site is unknown', async () => {
    const { services } = fakeFeedServices([], [], {
      activeSite: async () => null,
    });
    const feed = createFeedModel(services);

    await feed.selectTab('site');

    expect(feed.status.value).toBe('no-site');
  });

  it('loads This site once the reader allows it', async () => {
    let allowed = false;
    const { services } = fakeFeedServices([], [freshPage(ids(0, 3), null)], {
      activeSite: async () => (allowed ? 'wiki.example.com' : null),
      requestSitePermission: async () => (allowed = true),
    });
    const feed = createFeedModel(services);
    await feed.selectTab('site');

    await feed.allowSite();

    expect(feed.items.value).toHaveLength(3);
  });

  it('ignores the reply of a tab left behind', async () => {
    let answer: (reply: FeedReply) => void = () => {};
    const { services } = fakeFeedServices([], [], {
      fetchPage: ({ scope }) =>
        scope === 'team'
          ? new Promise((resolve) => (answer = resolve))
          : Promise.resolve(freshPage([feedItem('everyone')], null)),
    });
    const feed = createFeedModel(services);
    const slow = feed.selectTab('team');
    await feed.selectTab('everyone');

    answer(freshPage([feedItem('team')], null));
    await slow;

    expect(feed.items.value.map((item) => item.id)).toEqual(['everyone']);
  });
});
