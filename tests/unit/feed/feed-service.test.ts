import { beforeEach, describe, expect, it } from 'vitest';
import {
  createFeedService,
  type FeedService,
} from '@/utils/background/feed-service';
import { forgetLocalData } from '@/utils/background/local-data';
import type { PeerclipDb } from '@/utils/store/database';
import { FeedCache } from '@/utils/store/feed-cache';
import { freshDatabase } from '../fakes/database';
import { createFakeRemote, type FakeRemote } from '../sync/fakes/fake-remote';
import type { FakeWorkspace } from '../sync/fakes/fake-workspace';
import { alice, bob, fakeWorkspace } from '../sync/fakes/sync-world';

let db: PeerclipDb;
let workspace: FakeWorkspace;
let remote: FakeRemote;
let connected: boolean;
let localUserId: string | undefined;
let feed: FeedService;

function publishOfBob(quote: string, day: number): void {
  workspace.seedPublished({
    id: crypto.randomUUID(),
    author_id: bob.id,
    source_url: 'https://wiki.example.com/it/passwords',
    canonical_url: 'https://wiki.example.com/it/passwords',
    quote,
    published_at: `2026-11-0${day}T10:00:00.000Z`,
  });
}

const quotes = (reply: Awaited<ReturnType<FeedService['page']>>) =>
  reply.ok ? reply.items.map((item) => item.quote) : reply.code;

beforeEach(async () => {
  db = freshDatabase();
  workspace = fakeWorkspace();
  remote = createFakeRemote(workspace);
  await remote.signInWithPassword(alice.email, alice.password);
  connected = true;
  localUserId = alice.id;
  feed = createFeedService({
    connection: async () =>
      connected ? { remote, oauth: undefined as never } : null,
    localUserId: async () => localUserId,
    cache: new FeedCache(db),
    now: () => new Date('2026-12-03T09:00:00.000Z'),
  });
  publishOfBob('Rotate the shared keys.', 1);
});

describe('createFeedService', () => {
  it('fetches a page of the feed fresh from the workspace', async () => {
    const reply = await feed.page({ type: 'feed-page', scope: 'everyone' });

    expect(reply).toMatchObject({ ok: true, stale: false, cursor: null });
    expect(quotes(reply)).toEqual(['Rotate the shared keys.']);
  });

  it('answers the cached page marked stale when offline', async () => {
    await feed.page({ type: 'feed-page', scope: 'everyone' });
    publishOfBob('Never reuse a key.', 2);
    remote.network.offline = true;

    const reply = await feed.page({ type: 'feed-page', scope: 'everyone' });

    expect(reply).toMatchObject({ ok: true, stale: true });
    expect(quotes(reply)).toEqual(['Rotate the shared keys.']);
  });

  it('replaces the cached page with each fresh one', async () => {
    await feed.page({ type: 'feed-page', scope: 'everyone' });
    publishOfBob('Never reuse a key.', 2);
    await feed.page({ type: 'feed-page', scope: 'everyone' });
    remote.network.offline = true;

    const reply = await feed.page({ type: 'feed-page', scope: 'everyone' });

    expect(quotes(reply)).toEqual([
      'Never reuse a key.',
      'Rotate the shared keys.',
    ]);
  });

  it('answers each scope from its own cached page', async () => {
    await feed.page({ type: 'feed-page', scope: 'everyone' });
    remote.network.offline = true;

    const reply = await feed.page({ type: 'feed-page', scope: 'team' });

    expect(reply).toMatchObject({ ok: false, code: 'offline' });
  });

  it('never shows one reader’s cached page to another', async () => {
    await feed.page({ type: 'feed-page', scope: 'everyone' });
    await remote.signInWithPassword(bob.email, bob.password);
    localUserId = bob.id;
    remote.network.offline = true;

    const reply = await feed.page({ type: 'feed-page', scope: 'everyone' });

    expect(reply).toMatchObject({ ok: false, code: 'offline' });
  });

  it('asks to connect a workspace in local-only mode', async () => {
    connected = false;

    const reply = await feed.page({ type: 'feed-page', scope: 'everyone' });

    expect(reply).toMatchObject({ ok: false, code: 'not-connected' });
  });

  it('asks to sign in again when the session was revoked', async () => {
    remote.expireSession({ revoked: true });

    const reply = await feed.page({ type: 'feed-page', scope: 'everyone' });

    expect(reply).toMatchObject({ ok: false, code: 'not-signed-in' });
  });
});

describe('FeedCache', () => {
  it('drops the oldest pages past its limit', async () => {
    const cache = new FeedCache(db, 2);
    const page = (fetchedAt: string) => ({
      items: [],
      cursor: null,
      fetchedAt,
    });
    await cache.write(alice.id, { scope: 'team' }, page('2026-12-01'));
    await cache.write(alice.id, { scope: 'everyone' }, page('2026-12-02'));

    await cache.write(alice.id, { scope: 'following' }, page('2026-12-03'));

    expect(await cache.read(alice.id, { scope: 'team' })).toBeUndefined();
    expect(await db.feedPages.count()).toBe(2);
  });

  it('forgets the cached pages when the browser forgets the account', async () => {
    await feed.page({ type: 'feed-page', scope: 'everyone' });

    await forgetLocalData(db);

    expect(await db.feedPages.count()).toBe(0);
  });
});
