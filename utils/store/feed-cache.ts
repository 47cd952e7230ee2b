import type { FeedQuery } from '@/utils/remote/sync-wire';
import type { CachedFeedPage, PeerclipDb } from './database';

/** How many pages the cache keeps; the oldest fetched go first. */
export const FEED_CACHE_PAGES = 200;

/** The page of the feed a person asked for, as the cache keys it. */
export type FeedPageQuery = Pick<FeedQuery, 'scope' | 'target' | 'cursor'>;

function cacheKey(userId: string, query: FeedPageQuery): string {
  const { scope, target, cursor } = query;
  return JSON.stringify([userId, scope, target ?? null, cursor ?? null]);
}

/**
 * The pages of the peer feed each person last fetched, kept so the feed
 * still shows something offline. Pages are per reader: what one person
 * may see is never shown to another who signs in on the same browser.
 */
export class FeedCache {
  constructor(
    private readonly db: PeerclipDb,
    private readonly maxPages = FEED_CACHE_PAGES,
  ) {}

  /** The cached page for this reader and query, if any. */
  async read(
    userId: string,
    query: FeedPageQuery,
  ): Promise<CachedFeedPage | undefined> {
    return this.db.feedPages.get(cacheKey(userId, query));
  }

  /** Keeps a fresh page, dropping the oldest ones past the limit. */
  async write(
    userId: string,
    query: FeedPageQuery,
    page: Omit<CachedFeedPage, 'key' | 'userId'>,
  ): Promise<void> {
    const key = cacheKey(userId, query);

    await this.db.transaction('rw', this.db.feedPages, async () => {
      await this.db.feedPages.put({ key, userId, ...page });
      const excess = (await this.db.feedPages.count()) - this.maxPages;
      if (excess <= 0) return;
      const oldest = await this.db.feedPages
        .orderBy('fetchedAt')
        .limit(excess)
        .primaryKeys();
      await this.db.feedPages.bulkDelete(oldest);
    });
  }

  /** Forgets every cached page, for a browser that forgets its account. */
  async clear(): Promise<void> {
    await this.db.feedPages.clear();
  }
}
