import type { FeedQuery } from '@/utils/remote/sync-wire';
import type { CachedFeedPage, PeerclipDb } from './database';

/** How many pages the cache keeps for all readers; the oldest go first. */
export const FEED_CACHE_PAGES = 3_000;

/**
 * How many clips the cache keeps for each reader, over all tabs: enough
 * for 10,000 clips of one tab to scroll offline, with some to spare.
 */
export const FEED_CACHE_ITEMS = 12_000;

/** The page of the feed a person asked for, as the cache keys it. */
export type FeedPageQuery = Pick<FeedQuery, 'scope' | 'target' | 'cursor'>;

/** The tab of the feed a chain of pages belongs to. */
export type FeedChainQuery = Pick<FeedQuery, 'scope' | 'target'>;

// Pages read at a time behind the first: about 1,000 clips.
const CHAIN_SLICE_PAGES = 50;

// Trimming reads every page of the reader, so it leaves room for about a
// tenth of the limit before the next one is needed.
const TRIM_TO = 0.9;

function cacheKey(userId: string, query: FeedPageQuery): string {
  const { scope, target, cursor } = query;
  return JSON.stringify([userId, scope, target ?? null, cursor ?? null]);
}

/** What every key of one reader's tab starts with, whatever the cursor. */
function chainPrefix(userId: string, query: FeedChainQuery): string {
  const { scope, target } = query;
  return JSON.stringify([userId, scope, target ?? null]).slice(0, -1) + ',';
}

const itemCount = (pages: CachedFeedPage[]) =>
  pages.reduce((sum, page) => sum + page.items.length, 0);

/**
 * The pages of the peer feed each person last fetched, kept so the feed
 * shows at once and still shows something offline. Pages are per reader:
 * what one person may see is never shown to another who signs in on the
 * same browser.
 */
export class FeedCache {
  /** Clips cached per reader as last counted; a hint, never the truth. */
  private readonly counted = new Map<string, number>();

  constructor(
    private readonly db: PeerclipDb,
    private readonly maxPages = FEED_CACHE_PAGES,
    private readonly maxItemsPerReader = FEED_CACHE_ITEMS,
  ) {}

  /** The cached page for this reader and query, if any. */
  async read(
    userId: string,
    query: FeedPageQuery,
  ): Promise<CachedFeedPage | undefined> {
    return this.db.feedPages.get(cacheKey(userId, query));
  }

  /**
   * The cached pages of one tab in feed order: the first page, then the
   * page its cursor leads to, and so on until a page is missing. Yields
   * the first page on its own, so the first cards need not wait for the
   * thousands behind them; the rest is read in slices, so no single task
   * holds the page for the time 10,000 clips take to read. A first page
   * the caller already read is not read again.
   */
  async *readChain(
    userId: string,
    query: FeedChainQuery,
    firstPage?: CachedFeedPage,
  ): AsyncGenerator<CachedFeedPage[]> {
    const first =
      firstPage ?? (await this.read(userId, { ...query, cursor: null }));
    if (!first) return;
    yield [first];

    const byKey = new Map<string, CachedFeedPage>();
    const keyAfter = (page: CachedFeedPage) =>
      page.cursor === null
        ? undefined
        : cacheKey(userId, { ...query, cursor: page.cursor });
    // A cursor seen twice would loop; a broken chain simply ends.
    const seen = new Set<string>([first.key]);
    let tail = first;
    for await (const slice of this.slicesOf(userId, query)) {
      for (const page of slice) byKey.set(page.key, page);
      const found: CachedFeedPage[] = [];
      let next = byKey.get(keyAfter(tail) ?? '');
      while (next && !seen.has(next.key)) {
        seen.add(next.key);
        found.push(next);
        tail = next;
        next = byKey.get(keyAfter(tail) ?? '');
      }
      if (found.length > 0) yield found;
      if (tail.cursor === null) return;
    }
  }

  /** Every cached page of one reader's tab, a slice at a time. */
  private async *slicesOf(
    userId: string,
    query: FeedChainQuery,
  ): AsyncGenerator<CachedFeedPage[]> {
    const prefix = chainPrefix(userId, query);
    const upper = `${prefix}\uffff`;
    let lower = prefix;
    let open = false;
    for (;;) {
      const slice = await this.db.feedPages
        .where('key')
        .between(lower, upper, !open, true)
        .limit(CHAIN_SLICE_PAGES)
        .toArray();
      if (slice.length > 0) yield slice;
      const last = slice.at(-1);
      if (!last || slice.length < CHAIN_SLICE_PAGES) return;
      lower = last.key;
      open = true;
    }
  }

  /** Keeps a fresh page, dropping the oldest ones past the limits. */
  async write(
    userId: string,
    query: FeedPageQuery,
    page: Omit<CachedFeedPage, 'key' | 'userId'>,
  ): Promise<void> {
    const key = cacheKey(userId, query);

    await this.db.transaction('rw', this.db.feedPages, async () => {
      const replaced = await this.db.feedPages.get(key);
      await this.db.feedPages.put({ key, userId, ...page });
      await this.trimReader(userId, page.items.length, replaced);
      await this.trimAll();
    });
  }

  /** Forgets every cached page, for a browser that forgets its account. */
  async clear(): Promise<void> {
    await this.db.feedPages.clear();
    this.counted.clear();
  }

  private async trimReader(
    userId: string,
    added: number,
    replaced: CachedFeedPage | undefined,
  ): Promise<void> {
    const known = this.counted.get(userId);
    const estimate =
      known === undefined ? undefined : known + added - itemsOf(replaced);
    if (estimate !== undefined && estimate <= this.maxItemsPerReader) {
      this.counted.set(userId, estimate);
      return;
    }

    const pages = await this.db.feedPages
      .where('userId')
      .equals(userId)
      .sortBy('fetchedAt');
    let total = itemCount(pages);
    const goal =
      total > this.maxItemsPerReader
        ? Math.floor(this.maxItemsPerReader * TRIM_TO)
        : total;
    const dropped: string[] = [];
    for (const oldest of pages) {
      if (total <= goal) break;
      total -= oldest.items.length;
      dropped.push(oldest.key);
    }
    await this.db.feedPages.bulkDelete(dropped);
    this.counted.set(userId, total);
  }

  private async trimAll(): Promise<void> {
    const excess = (await this.db.feedPages.count()) - this.maxPages;
    if (excess <= 0) return;

    const oldest = await this.db.feedPages
      .orderBy('fetchedAt')
      .limit(excess)
      .primaryKeys();
    await this.db.feedPages.bulkDelete(oldest);
    // Pages of any reader may have gone: count again on the next write.
    this.counted.clear();
  }
}

function itemsOf(page: CachedFeedPage | undefined): number {
  return page?.items.length ?? 0;
}
