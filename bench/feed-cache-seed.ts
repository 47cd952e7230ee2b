import type { Page } from 'puppeteer';
import type { SignedInUser } from '../utils/messages/account-protocol';
import type { CachedFeedPage } from '../utils/store/database';
import type { FeedItem, FeedScope } from '../utils/remote/sync-wire';

/** The reader the benches sign in as, in the extension's own meta table. */
export const BENCH_READER: SignedInUser = {
  id: '00000000-0000-4000-8000-00000000000b',
  email: 'bob@peerclip.test',
};

/** The page size `feed_page` answers by default. */
export const FEED_PAGE_SIZE = 20;

/**
 * The key FeedCache gives a page (utils/store/feed-cache.ts keeps the
 * function private). The feed bench checks it by scrolling to the last
 * seeded clip: a wrong key would leave the chain, and the feed, short.
 */
function cacheKey(
  userId: string,
  scope: FeedScope,
  target: string | null,
  cursor: string | null,
): string {
  return JSON.stringify([userId, scope, target, cursor]);
}

/** A published clip of a peer as the feed sends it, the `index`th one. */
export function benchClip(index: number, page: string): FeedItem {
  const hex = (value: number) => String(value).padStart(12, '0');
  return {
    id: `00000000-0000-4000-a000-${hex(index)}`,
    author_id: `00000000-0000-4000-9000-${hex(index % 40)}`,
    author_name: `Colleague ${index % 40}`,
    author_team_name: index % 2 === 0 ? 'Depot operations' : null,
    title: `Manual handling, point ${index}: lifting shared equipment`,
    site: new URL(page).host,
    source_url: page,
    canonical_url: page,
    quote: 'Keep the load close to the waist and avoid twisting. '.repeat(
      1 + (index % 5),
    ),
    quote_is_excerpt: false,
    note:
      '**Why it matters:** ' + 'a reminder for the team. '.repeat(index % 9),
    tags: ['safety', `area-${index % 7}`],
    topic_id: null,
    topic_name: index % 3 === 0 ? 'Health & Safety' : null,
    visibility: 'organisation',
    published_at: new Date(
      Date.UTC(2026, 10, 30) - index * 60_000,
    ).toISOString(),
    version: 1,
    in_network: index % 2 === 0,
    trust: index % 4 === 0 ? 'trusted' : 'none',
    comment_count: index % 6,
    peer_endorsement_count: index % 5,
    official_endorsement_count: index % 4 === 0 ? 1 : 0,
    my_endorsement: null,
    can_endorse_officially: false,
  };
}

/**
 * The cached pages of one tab of the reader's feed, holding `clips` clips
 * in pages of FEED_PAGE_SIZE, each page's cursor leading to the next.
 */
export function feedChain(
  scope: FeedScope,
  target: string | null,
  clips: number,
  page = 'https://wiki.example/wiki/Manual_handling',
): CachedFeedPage[] {
  const count = Math.ceil(clips / FEED_PAGE_SIZE);
  return Array.from({ length: count }, (_, number) => {
    const first = number * FEED_PAGE_SIZE;
    const size = Math.min(FEED_PAGE_SIZE, clips - first);
    const cursorOf = (at: number) => (at === 0 ? null : `page-${at}`);
    return {
      key: cacheKey(BENCH_READER.id, scope, target, cursorOf(number)),
      userId: BENCH_READER.id,
      items: Array.from({ length: size }, (_, i) => benchClip(first + i, page)),
      cursor: number === count - 1 ? null : `page-${number + 1}`,
      fetchedAt: new Date(Date.UTC(2026, 11, 3, 9, 0, number)).toISOString(),
    };
  });
}

/**
 * Signs the bench reader in, as far as the pages know, and caches `pages`,
 * by writing the extension's IndexedDB from one of its pages: the stores
 * must exist already, so `page` has opened the database through the app.
 */
export function seedExtensionDb(
  page: Page,
  pages: CachedFeedPage[],
  extraMeta: Record<string, unknown> = {},
): Promise<void> {
  const meta = Object.entries({ 'account.user': BENCH_READER, ...extraMeta });
  return page.evaluate(
    (rows, entries) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('peerclip');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const writing = db.transaction(['feedPages', 'meta'], 'readwrite');
          const feedPages = writing.objectStore('feedPages');
          feedPages.clear();
          for (const row of rows) feedPages.put(row);
          for (const [key, value] of entries) {
            writing.objectStore('meta').put({ key, value });
          }
          writing.oncomplete = () => {
            db.close();
            resolve();
          };
          writing.onerror = () => reject(writing.error);
        };
      }),
    pages,
    meta,
  );
}
