import { batch, computed, signal } from '@preact/signals';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import type { FeedItem, FeedScope } from '@/utils/remote/sync-wire';
import { appendUnique, checkedReply } from './feed-answers';

export { readableFeedItem } from './feed-answers';

/** The tabs of the peer feed, in the order they are shown. */
export const FEED_TABS = [
  { tab: 'following', label: 'Following' },
  { tab: 'team', label: 'My team' },
  { tab: 'everyone', label: 'Everyone' },
  { tab: 'site', label: 'This site' },
] as const;

/** One tab of the peer feed. */
export type FeedTab = (typeof FEED_TABS)[number]['tab'];

/** A page of the feed as the cache kept it. */
export interface FeedCachedPage {
  items: FeedItem[];
  cursor: string | null;
  fetchedAt: string;
}

/** What the peer feed reads and asks through; built by the entrypoint. */
export interface FeedServices {
  /** The cached pages of a tab in order, the first page yielded alone. */
  readCachedPages(
    scope: FeedScope,
    target: string | undefined,
  ): AsyncIterable<FeedCachedPage[]>;
  /** Asks the background for a page; it fetches and caches it. */
  fetchPage(query: {
    scope: FeedScope;
    target?: string;
    cursor?: string;
  }): Promise<FeedReply>;
  /** The host name of the active tab; null when unknown or not allowed. */
  activeSite(): Promise<string | null>;
  /** Asks the person to let Peerclip see the active tab's site. */
  requestSitePermission(): Promise<boolean>;
  lastTab(): Promise<string | null | undefined>;
  rememberTab(tab: FeedTab): Promise<void>;
  now?(): Date;
}

/** What the feed shows instead of, or above, its cards. */
export type FeedStatus =
  | 'loading'
  | 'ready'
  | 'offline'
  | 'not-signed-in'
  | 'not-connected'
  | 'failed'
  | 'no-site';

const SENTENCES: Record<Exclude<FeedStatus, 'ready'>, string> = {
  loading: 'Loading the feed…',
  offline:
    'You are offline. These clips are the ones saved when you were last ' +
    'online.',
  'not-signed-in': 'Sign in to your workspace to see what your peers clip.',
  'not-connected':
    'Connect a workspace in the options to see what your peers clip.',
  failed: 'The feed could not be loaded. Try again in a moment.',
  'no-site':
    'This tab shows the clips of the site you are on. Peerclip needs your ' +
    'permission to see which site that is.',
};

const OFFLINE_EMPTY =
  'You are offline, and this tab was never loaded on this browser.';
const NOT_A_SITE = 'The tab in front is not a web page with a site.';

/** How much of the list the cached first page filled, and its cursor. */
interface CachedStart {
  size: number;
  cursor: string | null;
}

const isTab = (value: unknown): value is FeedTab =>
  FEED_TABS.some(({ tab }) => tab === value);

/**
 * The side panel's peer feed: the cached pages of the chosen tab at once,
 * the first page refreshed behind them, and more pages as the reader
 * nears the end. Failure is state with a sentence, never a rejection.
 */
export function createFeedModel(services: FeedServices) {
  const now = services.now ?? (() => new Date());
  const tab = signal<FeedTab>('everyone');
  const site = signal<string | null>(null);
  const items = signal<FeedItem[]>([]);
  const status = signal<FeedStatus>('loading');
  const message = signal<string>(SENTENCES.loading);
  const cursor = signal<string | null>(null);
  const loadingMore = signal(false);
  const moreProblem = signal<string | null>(null);
  const shownAt = signal(now());
  // Replies for a tab left behind must not land in the one now shown.
  let generation = 0;

  // Pages asked for while the cache is read would race the cached ones.
  const readingCache = signal(false);
  const hasMore = computed(
    () =>
      cursor.value !== null &&
      status.value !== 'loading' &&
      !readingCache.value,
  );
  // The last page is in: nothing more to ask for, and the count is known.
  const complete = computed(
    () =>
      cursor.value === null &&
      status.value !== 'loading' &&
      !readingCache.value,
  );

  function show(next: FeedStatus, sentence?: string) {
    batch(() => {
      status.value = next;
      message.value =
        sentence ?? (next === 'ready' ? '' : (SENTENCES[next] ?? ''));
    });
  }

  function query(): { scope: FeedScope; target?: string } {
    const scope = tab.value;
    return scope === 'site'
      ? { scope, target: site.value ?? undefined }
      : { scope };
  }

  /** Shows the cached pages; tells where the cached first page ended. */
  async function readCache(current: number): Promise<CachedStart | null> {
    const { scope, target } = query();
    let first: CachedStart | null = null;
    try {
      for await (const pages of services.readCachedPages(scope, target)) {
        const [head] = pages;
        const last = pages.at(-1);
        if (current !== generation || !head || !last) return first;
        batch(() => {
          items.value = appendUnique(
            items.value,
            pages.flatMap((page) => page.items),
          );
          cursor.value = last.cursor;
          if (status.value === 'loading') show('ready');
        });
        first ??= { size: items.value.length, cursor: head.cursor };
      }
    } catch (error) {
      // The cache only speeds things up; the fresh page still comes.
      console.warn('[peerclip] The cached feed could not be read.', error);
    }
    return first;
  }

  function applyFailure(reply: Extract<FeedReply, { ok: false }>) {
    const cached = items.value.length > 0;
    if (reply.code === 'offline') {
      show('offline', cached ? undefined : OFFLINE_EMPTY);
    } else if (reply.code === 'failed' && cached) {
      show('offline', reply.message);
    } else {
      show(reply.code, SENTENCES[reply.code]);
    }
  }

  async function refresh(current: number, first: CachedStart | null) {
    const reply = checkedReply(await fetchQuietly(query()));
    if (current !== generation) return;
    if (!reply.ok) return applyFailure(reply);

    batch(() => {
      // A fresh first page ending where the cached one did still leads into
      // the cached pages behind it; otherwise the ranking moved on.
      // Known debt: the older cached pages are then dropped from the list,
      // and the next open shows only the first page from the cache.
      const joins = first !== null && reply.cursor === first.cursor;
      const rest = joins ? items.value.slice(first.size) : [];
      items.value = appendUnique(appendUnique([], reply.items), rest);
      if (!joins) cursor.value = reply.cursor;
      shownAt.value = now();
      show(reply.stale ? 'offline' : 'ready');
    });
  }

  async function fetchQuietly(
    request: Parameters<FeedServices['fetchPage']>[0],
  ): Promise<unknown> {
    try {
      return await services.fetchPage(request);
    } catch (error) {
      console.warn('[peerclip] The feed request failed.', error);
      return { ok: false, code: 'failed', message: SENTENCES.failed };
    }
  }

  async function load() {
    generation += 1;
    const current = generation;
    batch(() => {
      items.value = [];
      cursor.value = null;
      moreProblem.value = null;
      show('loading');
    });

    if (tab.value === 'site') {
      site.value = await services.activeSite().catch(() => null);
      if (current !== generation) return;
      if (!site.value) return show('no-site');
    }
    readingCache.value = true;
    const first = await readCache(current).finally(() => {
      if (current === generation) readingCache.value = false;
    });
    await refresh(current, first);
  }

  /** Fetches the next page, when there is one and none is on its way. */
  async function loadMore() {
    const next = cursor.value;
    if (!hasMore.value || next === null || loadingMore.value) return;
    const current = generation;
    loadingMore.value = true;
    moreProblem.value = null;

    const reply = checkedReply(
      await fetchQuietly({ ...query(), cursor: next }),
    );
    if (current !== generation) return;
    batch(() => {
      loadingMore.value = false;
      if (!reply.ok) {
        moreProblem.value =
          reply.code === 'offline'
            ? 'You are offline; more clips load when you are back online.'
            : reply.message;
        return;
      }
      items.value = appendUnique(items.value, reply.items);
      cursor.value = reply.cursor;
      if (reply.stale) show('offline');
    });
  }

  /** Shows another tab and remembers it for the next time. */
  async function selectTab(next: FeedTab) {
    tab.value = next;
    void services.rememberTab(next).catch((error) => {
      console.warn('[peerclip] The feed tab could not be kept.', error);
    });
    await load();
  }

  /** Asks to see the active tab's site, then loads This site. */
  async function allowSite() {
    const granted = await services.requestSitePermission().catch(() => false);
    if (!granted) return;
    await load();
    if (status.value === 'no-site') show('no-site', NOT_A_SITE);
  }

  let starting: Promise<void> | null = null;

  /**
   * Opens the tab the reader last looked at, or Everyone; once only, so
   * the entrypoint may start the feed before it renders, to save the wait
   * for the first paint, and PeerFeed's own call changes nothing.
   */
  function start(): Promise<void> {
    starting ??= openLastTab();
    return starting;
  }

  async function openLastTab() {
    const before = generation;
    const last = await services.lastTab().catch(() => null);
    // A tab the reader chose meanwhile wins over the remembered one.
    if (generation !== before) return;
    tab.value = isTab(last) ? last : 'everyone';
    await load();
  }

  return {
    tab,
    site,
    items,
    status,
    message,
    hasMore,
    complete,
    loadingMore,
    moreProblem,
    shownAt,
    start,
    selectTab,
    loadMore,
    allowSite,
    /** Loads the tab again: after a retry, or when the active site changed. */
    reload: load,
  };
}

/** The peer feed's state and actions, as the components see them. */
export type FeedModel = ReturnType<typeof createFeedModel>;
