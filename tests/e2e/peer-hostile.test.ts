import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../../local-stack/database.ts';
import { startLocalStack, type LocalStack } from '../../local-stack/stack.ts';
import { findDisallowedMarkup } from '../../utils/capture/snippet-allow-list';
import { canonicalUrl } from '../../utils/capture/canonical-url';
import type { ClipDetail } from '../../utils/remote/peer-wire';
import type {
  CachedFeedPage,
  CachedPeerAnswer,
} from '../../utils/store/database';
import {
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './helpers/extension-browser';
import {
  hostilePayloads,
  TITLE_WORDS,
  type HostilePayload,
} from './helpers/hostile-payloads';
import {
  cardMarkupOffList,
  missingText,
  noteMarkupOffList,
  shownText,
} from './helpers/markup-checks';
import { signInAs } from './helpers/peer-session';
import { openPopupOver } from './helpers/popup-page';
import { rendered, renderedAll, renderedRaw } from './helpers/rendered-regions';
import { openDetail, showFeedCard } from './helpers/peer-feed-page';
import {
  HOSTILE_NAME,
  hostileDetail,
  hostileItem,
} from './helpers/hostile-cache';
import { readCacheRow, writeCacheRows } from './helpers/cache-rows';
import { installJsdomGlobals } from './helpers/jsdom-globals';
import { setWorkerOffline } from './helpers/worker-network';

installJsdomGlobals();

const BOB = 'c0000000-0000-4000-8000-000000000002';
const ALICE = 'c0000000-0000-4000-8000-000000000001';

/** A hostile clip as published on the server. */
interface PublishedHostile {
  id: string;
  payload: HostilePayload;
}

let stack: LocalStack;
let server: FixtureServer;
let extension: ExtensionBrowser;
let panel: Page;
const published: PublishedHostile[] = hostilePayloads().map((payload) => ({
  id: randomUUID(),
  payload,
}));

/**
 * Publishes a hostile clip by Bob, with a comment per vector, straight
 * into the server's tables as the database's admin: no client of ours
 * checks any of it on the way in.
 */
async function publishHostile({ id, payload }: PublishedHostile) {
  const url = canonicalUrl(server.urlOf(payload.page.urlPath));
  await withClient(stack.database.urls.admin, async (admin) => {
    await admin.query(
      `insert into public.clips (id, author_id, source_url, canonical_url,
         title, site, quote, snippet, note, tags, state, visibility)
       values ($1, $2, $3, $3, $4, '127.0.0.1', $5, $6, $7, $8,
         'published', 'organisation')`,
      [
        id,
        BOB,
        url,
        payload.title,
        payload.quote,
        payload.snippet,
        payload.note,
        payload.tags,
      ],
    );
    for (const body of payload.comments) {
      await admin.query(
        `insert into public.comments (clip_id, author_id, body)
         values ($1, $2, $3)`,
        [id, BOB, body],
      );
    }
  });
}

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, printEmails: false });
  server = await startFixtureServer();
  for (const clip of published) await publishHostile(clip);
  extension = await launchExtensionBrowser();
  panel = await extension.openExtensionPage('sidepanel.html');
  await signInAs(panel, stack, 'alice@example.com');
});

afterAll(async () => {
  await extension?.close();
  await server?.close();
  await stack?.stop();
});

/** The checks of a clip's detail view, for content from any source. */
async function expectSafeDetail(page: Page, payload: HostilePayload) {
  const title = await rendered(page, '#clip-detail-title');
  const quote = await rendered(page, '.clip-detail .quote--full');
  const snippet = await rendered(page, '.clip-detail .snippet');
  const note = await rendered(page, '.clip-detail .note-markdown');
  const comments = await renderedAll(page, '.clip-detail .comment__text');
  const commentText = comments.map(shownText).join(' ');
  const none = { text: [], snippet: [], note: [], comments: [] };

  expect({
    // The title and the quote are text: no element at all inside.
    text: [...title.children, ...quote.children].map((child) => child.tagName),
    snippet: findDisallowedMarkup(snippet),
    note: noteMarkupOffList(note),
    comments: comments.flatMap(noteMarkupOffList),
  }).toEqual(none);
  expect({
    text: missingText(`${shownText(title)} ${shownText(quote)}`, [
      ...TITLE_WORDS,
      ...payload.passages,
    ]),
    snippet: missingText(shownText(snippet), payload.passages),
    note: missingText(shownText(note), payload.noteText),
    comments: missingText(commentText, payload.commentText.flat()),
  }).toEqual(none);
}

/** The checks of a feed card or popup item. */
function expectSafeCard(card: Element, payload: HostilePayload) {
  expect(cardMarkupOffList(card)).toEqual([]);
  expect(
    missingText(shownText(card), [...TITLE_WORDS, ...payload.excerptPassages]),
  ).toEqual([]);
}

const byPage = published.map((clip) => [clip.payload.page.name, clip] as const);

describe('hostile peer content from the server', () => {
  it('finds hostile pages with harmless text to look for', () => {
    const empty = published.filter(
      ({ payload }) =>
        payload.passages.length === 0 ||
        payload.noteText.length === 0 ||
        payload.commentText.flat().length === 0,
    );

    expect([published.length > 0, empty]).toEqual([true, []]);
  });

  it.each(byPage)(
    'renders the feed card of %s as the card’s own markup only',
    async (_name, clip) => {
      const card = await rendered(panel, await showFeedCard(panel, clip.id));

      expectSafeCard(card, clip.payload);
    },
  );

  it.each(byPage)(
    'renders the detail of %s on the allow-lists',
    async (_name, clip) => {
      const card = await showFeedCard(panel, clip.id);
      await openDetail(panel, card, clip.payload.comments.length);

      await expectSafeDetail(panel, clip.payload);
    },
  );
});

describe('hostile peer content in the popup', () => {
  it.each(byPage)(
    'renders %s under On this page as the item’s own markup only',
    async (_name, clip) => {
      const url = server.urlOf(clip.payload.page.urlPath);
      const { popup, tab } = await openPopupOver(extension, url);
      await popup.waitForSelector('li.page-clip', { timeout: 15_000 });
      const items = await renderedAll(popup, 'li.page-clip');
      await popup.close();
      await tab.close();

      expect(items).toHaveLength(1);
      expectSafeCard(items[0] as Element, clip.payload);
    },
  );
});

/**
 * Writes hostile clips straight into the reader's cached feed pages (the
 * Everyone tab and the page's own) and cached clip details, under new ids
 * the server has never seen.
 */
async function cacheHostile(page: Page, clip: PublishedHostile, id: string) {
  const feedKey = JSON.stringify([ALICE, 'everyone', null, null]);
  const url = canonicalUrl(server.urlOf(clip.payload.page.urlPath));
  const pageKey = JSON.stringify([ALICE, 'page', url, null]);
  const detailKey = JSON.stringify([ALICE, `clip-detail:${clip.id}`]);
  const feed = await readCacheRow<CachedFeedPage>(page, 'feedPages', feedKey);
  const detail = await readCacheRow<CachedPeerAnswer>(
    page,
    'peerCache',
    detailKey,
  );
  const served = feed?.items.find((item) => item.id === clip.id);
  if (!feed || !served || !detail) throw new Error('Nothing cached yet');

  const item = hostileItem(served, id, clip.payload);
  await writeCacheRows(page, 'feedPages', [
    { ...feed, items: [item, ...feed.items] },
    { ...feed, key: pageKey, items: [item], cursor: null },
  ]);
  await writeCacheRows(page, 'peerCache', [
    {
      ...detail,
      key: JSON.stringify([ALICE, `clip-detail:${id}`]),
      value: hostileDetail(detail.value as ClipDetail, id, clip.payload),
    },
  ]);
}

describe('hostile peer content from the local cache, offline', () => {
  const cached = published.map((clip) => ({ clip, id: randomUUID() }));
  const byCachedPage = cached.map(
    (entry) => [entry.clip.payload.page.name, entry] as const,
  );

  beforeAll(async () => {
    // Offline, nothing fresh replaces what the cache holds.
    await setWorkerOffline(extension.worker, true);
    for (const { clip, id } of cached) await cacheHostile(panel, clip, id);
    await panel.reload();
  });

  it.each(byCachedPage)(
    'renders the cached feed card of %s as the card’s own markup only',
    async (_name, { clip, id }) => {
      const card = await rendered(panel, await showFeedCard(panel, id));

      expect(shownText(card)).toContain(HOSTILE_NAME);
      expectSafeCard(card, clip.payload);
    },
  );

  it.each(byCachedPage)(
    'renders the cached detail of %s on the allow-lists',
    async (_name, { clip, id }) => {
      const card = await showFeedCard(panel, id);
      await openDetail(panel, card, clip.payload.comments.length);

      await expectSafeDetail(panel, clip.payload);
    },
  );

  it.each(byCachedPage)(
    'renders the cached %s under On this page as the item’s own markup only',
    async (_name, { clip }) => {
      const url = server.urlOf(clip.payload.page.urlPath);
      const { popup, tab } = await openPopupOver(extension, url);
      await popup.waitForSelector('li.page-clip', { timeout: 15_000 });
      const [item] = await renderedAll(popup, 'li.page-clip');
      await popup.close();
      await tab.close();

      // The author's name, hostile only in the cache, shows it is the
      // cached clip; as text.
      expect(shownText(item as Element)).toContain(HOSTILE_NAME);
      expectSafeCard(item as Element, clip.payload);
    },
  );
});

describe('the same checks on markup put in raw', () => {
  it.each(byPage)(
    'finds markup off the snippet list in %s',
    async (_n, clip) => {
      const raw = await renderedRaw(panel, clip.payload.snippet);

      expect(findDisallowedMarkup(raw)).not.toEqual([]);
    },
  );

  it.each(byPage)('finds markup off the note list in %s', async (_n, clip) => {
    const note = await renderedRaw(panel, clip.payload.note);
    const comments = await renderedRaw(panel, clip.payload.comments.join('\n'));

    expect(noteMarkupOffList(note)).not.toEqual([]);
    expect(noteMarkupOffList(comments)).not.toEqual([]);
  });

  it.each(byPage)('finds markup off the card list in %s', async (_n, clip) => {
    const { title, note, tags } = clip.payload;
    const card = await renderedRaw(panel, [title, note, ...tags].join('\n'));

    expect(cardMarkupOffList(card)).not.toEqual([]);
  });
});
