/**
 * The page bench/popup-on-this-page.mjs loads inside the extension: the
 * popup's "On this page" list, built as the popup builds it, over the
 * extension's own IndexedDB. `?seed=N` first caches N clips of the page
 * and a few of the reader's endorsements; a plain load times the list.
 */
import { render } from 'preact';
import { OnThisPage } from '@/components/popup/OnThisPage';
import { canonicalUrl } from '@/utils/capture/canonical-url';
import { createOnThisPageModel } from '@/utils/models/on-this-page-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { openPeerclipDb } from '@/utils/store/database';
import { DiscussionRepository } from '@/utils/store/discussion-repository';
import { FeedCache } from '@/utils/store/feed-cache';
import '@/components/shared/surface.css';

/** The parts of the extension API the bench page touches. */
interface BenchChrome {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  tabs: { query(query: object): Promise<{ url?: string }[]> };
}

/** When the page's script started, and when the cache read began. */
const scriptAt = performance.now();
let cacheReadAt = 0;
const chrome = (globalThis as unknown as { chrome: BenchChrome }).chrome;
const READER = '00000000-0000-4000-8000-00000000000b';
const PAGE = 'https://wiki.example/wiki/Manual_handling?utm_source=mail';
const TARGET = canonicalUrl(PAGE);

const db = openPeerclipDb();
// Opening IndexedDB while the popup asks who reads and which page is open
// takes the open off the path to the list.
void db.open();
const cache = new FeedCache(db);
const discussion = new DiscussionRepository(db);

function benchItem(index: number): FeedItem {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    author_id: `00000000-0000-4000-9000-${String(index % 7).padStart(12, '0')}`,
    author_name: `Peer ${index % 7}`,
    author_team_name: 'Depot operations',
    title: `Manual handling, point ${index}`,
    site: 'wiki.example',
    source_url: PAGE,
    canonical_url: TARGET,
    quote: 'Keep the load close to the waist and avoid twisting. '.repeat(6),
    quote_is_excerpt: false,
    note: 'Our depot applies this to every delivery over 15 kg. '.repeat(3),
    tags: ['safety', 'depot'],
    topic_id: null,
    topic_name: null,
    visibility: 'organisation',
    published_at: new Date(Date.now() - index * 3_600_000).toISOString(),
    version: 1,
    in_network: index % 2 === 0,
    trust: 'none',
    comment_count: index % 4,
    peer_endorsement_count: index % 5,
    official_endorsement_count: index % 3 === 0 ? 1 : 0,
    my_endorsement: null,
    can_endorse_officially: index % 3 === 0,
  };
}

async function seed(count: number) {
  const items = Array.from({ length: count }, (_, index) => benchItem(index));
  await cache.write(
    READER,
    { scope: 'page', target: TARGET },
    { items, cursor: null, fetchedAt: new Date().toISOString() },
  );
  for (const item of items.slice(0, 3)) {
    await discussion.endorse({
      clipId: item.id,
      kind: 'peer',
      endorserId: READER,
    });
  }
  await chrome.storage.local.set({ peerclipBenchReader: READER });
}

function timeList() {
  const model = createOnThisPageModel({
    me: async () => {
      const stored = await chrome.storage.local.get('peerclipBenchReader');
      const id = stored.peerclipBenchReader;
      return typeof id === 'string'
        ? { status: 'signed-in', id }
        : { status: 'signed-out' };
    },
    pageUrl: async () => {
      await chrome.tabs.query({ active: true, currentWindow: true });
      return TARGET;
    },
    readCachedPage: (target) => {
      cacheReadAt = performance.now();
      return cache.read(READER, { scope: 'page', target });
    },
    // The bench times the cached list; the refresh never answers here.
    fetchPage: () => new Promise(() => {}),
    myEndorsements: (clipIds) =>
      discussion.myActiveEndorsements(READER, clipIds),
    endorse: (clipId, kind) =>
      discussion.endorse({ clipId, kind, endorserId: READER }),
    withdraw: (id) => discussion.withdraw(id),
  });
  const app = document.getElementById('app') as HTMLElement;
  const observer = new MutationObserver(() => {
    if (!app.querySelector('.page-clip')) return;
    observer.disconnect();
    // The frame after the list is in the DOM is when it is painted.
    requestAnimationFrame(() =>
      setTimeout(() => {
        Object.assign(globalThis, {
          peerclipBench: {
            listAt: performance.now(),
            scriptAt,
            cacheReadAt,
            clips: app.querySelectorAll('.page-clip').length,
          },
        });
      }),
    );
  });
  observer.observe(app, { childList: true, subtree: true });

  void model.load();
  render(
    <main class="popup">
      <OnThisPage model={model} onOpenOptions={() => {}} />
    </main>,
    app,
  );
}

const seedCount = Number(new URLSearchParams(location.search).get('seed'));
if (seedCount > 0) {
  void seed(seedCount).then(() =>
    Object.assign(globalThis, { peerclipBench: { seeded: true } }),
  );
} else {
  timeList();
}
