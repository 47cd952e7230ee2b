import { render } from 'preact';
import { PeerFeed } from '@/components/sidepanel/feed/PeerFeed';
import '@/components/shared/surface.css';
import { createFeedModel } from '@/utils/models/feed-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { openPeerclipDb } from '@/utils/store/database';
import { FeedCache } from '@/utils/store/feed-cache';

/**
 * The side panel's peer feed on a page of its own, over the real Dexie
 * cache: `?seed=N` caches N clips of Everyone in pages of 20; without it
 * the page mounts PeerFeed and notes when 20 cards are in the DOM.
 */
performance.mark('feed-script');
const READER = 'bench-reader';
const db = openPeerclipDb('peerclip-feed-bench');
const cache = new FeedCache(db);
const bench = window as unknown as Record<string, unknown>;

function benchClip(index: number): FeedItem {
  const day = String(1 + (index % 28)).padStart(2, '0');
  return {
    id: `clip-${index}`,
    author_id: `author-${index % 40}`,
    author_name: `Colleague ${index % 40}`,
    title: `Policy page ${index}: working safely with shared equipment`,
    site: 'wiki.example.com',
    source_url: `https://wiki.example.com/policies/${index}`,
    canonical_url: `https://wiki.example.com/policies/${index}`,
    quote: 'Keep the walkways clear and report spills at once. '.repeat(
      1 + (index % 5),
    ),
    quote_is_excerpt: false,
    note: `**Why it matters:** ${'a short reminder for the team '.repeat(index % 9)}`,
    tags: ['safety', `area-${index % 7}`],
    topic_id: null,
    topic_name: index % 3 === 0 ? 'Health & Safety' : null,
    visibility: 'org',
    published_at: `2026-11-${day}T10:00:00.000Z`,
    version: 1,
    in_network: index % 2 === 0,
    trust: index % 4 === 0 ? 'trusted' : 'none',
    comment_count: index % 6,
    peer_endorsement_count: index % 5,
    author_team_name: index % 2 === 0 ? 'Facilities' : null,
    official_endorsement_count: index % 4 === 0 ? 1 : 0,
    my_endorsement: null,
    can_endorse_officially: false,
  };
}

async function seed(count: number) {
  await cache.clear();
  const pages = Math.ceil(count / 20);
  for (let page = 0; page < pages; page++) {
    const items = Array.from({ length: 20 }, (_, i) =>
      benchClip(page * 20 + i),
    );
    const cursor = page === 0 ? null : `page-${page}`;
    const next = page === pages - 1 ? null : `page-${page + 1}`;
    const fetchedAt = new Date(Date.UTC(2026, 11, 3, 9, 0, page)).toISOString();
    await cache.write(
      READER,
      { scope: 'everyone', cursor },
      {
        items,
        cursor: next,
        fetchedAt,
      },
    );
  }
  bench.seeded = pages;
}

function watchCards() {
  let most = 0;
  const observer = new MutationObserver(() => {
    const cards = document.getElementsByTagName('article').length;
    most = Math.max(most, cards);
    bench.mostCards = most;
    if (cards >= 20 && bench.twentyCardsAt === undefined) {
      bench.twentyCardsAt = performance.now();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

function mountFeed() {
  // The background would fetch the first page; here it answers the cached
  // one as fresh after a round trip, so the refresh path runs too.
  const model = createFeedModel({
    async *readCachedPages(scope, target) {
      for await (const pages of cache.readChain(READER, { scope, target })) {
        performance.mark(`feed-cached-${pages.length}`);
        yield pages;
      }
    },
    fetchPage: async ({ scope, target, cursor }) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const page = await cache.read(READER, { scope, target, cursor });
      if (!page) return { ok: false, code: 'offline', message: 'Offline.' };
      return { ok: true, ...page, stale: false };
    },
    activeSite: async () => null,
    requestSitePermission: async () => false,
    lastTab: async () => 'everyone',
    rememberTab: async () => {},
  });
  watchCards();
  // As the side panel's entrypoint should: start before the first render.
  void model.start();
  const root = document.getElementById('app');
  if (root) render(<PeerFeed model={model} onOpen={() => {}} />, root);
}

const seedCount = Number(new URLSearchParams(location.search).get('seed'));
if (seedCount > 0) void seed(seedCount);
else mountFeed();
