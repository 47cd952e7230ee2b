import { beforeEach, describe, expect, it } from 'vitest';
import type { PeerclipDb } from '@/utils/store/database';
import { FeedCache } from '@/utils/store/feed-cache';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { freshDatabase } from '../fakes/database';

const ALICE = 'alice-id';
const BOB = 'bob-id';

let db: PeerclipDb;

function clip(id: string): FeedItem {
  return { id, quote: `Quote ${id}` } as FeedItem;
}

/** A page of `size` clips named after `name`, fetched at minute `minute`. */
function page(name: string, size: number, cursor: string | null, minute = 0) {
  const items = Array.from({ length: size }, (_, i) => clip(`${name}-${i}`));
  const fetchedAt = new Date(Date.UTC(2026, 11, 3, 9, minute)).toISOString();
  return { items, cursor, fetchedAt };
}

async function chainOf(cache: FeedCache, userId = ALICE) {
  const batches: string[][] = [];
  for await (const pages of cache.readChain(userId, { scope: 'everyone' })) {
    batches.push(pages.map((cached) => cached.items[0]?.id ?? ''));
  }
  return batches;
}

async function writeChain(cache: FeedCache, length: number, userId = ALICE) {
  for (let index = 0; index < length; index++) {
    const cursor = index === 0 ? null : `c${index}`;
    const next = index === length - 1 ? null : `c${index + 1}`;
    await cache.write(
      userId,
      { scope: 'everyone', cursor },
      page(`p${index}`, 20, next, index),
    );
  }
}

beforeEach(() => {
  db = freshDatabase();
});

describe('FeedCache.readChain', () => {
  it('yields the first page alone, then the rest in feed order', async () => {
    const cache = new FeedCache(db);
    await writeChain(cache, 4);

    const batches = await chainOf(cache);

    expect(batches).toEqual([['p0-0'], ['p1-0', 'p2-0', 'p3-0']]);
  });

  it('starts from a first page the caller already read', async () => {
    const cache = new FeedCache(db);
    await writeChain(cache, 3);
    const query = { scope: 'everyone' as const };
    const first = await cache.read(ALICE, { ...query, cursor: null });
    await db.feedPages.delete(JSON.stringify([ALICE, 'everyone', null, null]));

    const batches: string[][] = [];
    for await (const pages of cache.readChain(ALICE, query, first)) {
      batches.push(pages.map((cached) => cached.items[0]?.id ?? ''));
    }

    expect(batches).toEqual([['p0-0'], ['p1-0', 'p2-0']]);
  });

  it('yields nothing when the first page was never cached', async () => {
    const cache = new FeedCache(db);
    await cache.write(
      ALICE,
      { scope: 'everyone', cursor: 'c1' },
      page('p1', 20, null),
    );

    expect(await chainOf(cache)).toEqual([]);
  });

  it('ends the chain at the first missing page', async () => {
    const cache = new FeedCache(db);
    await writeChain(cache, 4);
    await db.feedPages.delete(JSON.stringify([ALICE, 'everyone', null, 'c2']));

    expect(await chainOf(cache)).toEqual([['p0-0'], ['p1-0']]);
  });

  it('keeps each tab’s chain apart', async () => {
    const cache = new FeedCache(db);
    await writeChain(cache, 2);
    await cache.write(
      ALICE,
      { scope: 'site', target: 'wiki.example.com', cursor: 'c1' },
      page('site', 20, null),
    );

    expect(await chainOf(cache)).toEqual([['p0-0'], ['p1-0']]);
  });

  it('stops when a cursor leads back to a page already read', async () => {
    const cache = new FeedCache(db);
    await cache.write(ALICE, { scope: 'everyone' }, page('p0', 1, 'c1'));
    await cache.write(
      ALICE,
      { scope: 'everyone', cursor: 'c1' },
      page('p1', 1, 'c1'),
    );

    expect(await chainOf(cache)).toEqual([['p0-0'], ['p1-0']]);
  });
});

describe('FeedCache.write', () => {
  it('drops a reader’s oldest pages past the clip limit', async () => {
    const cache = new FeedCache(db, 1_000, 100);

    await writeChain(cache, 6);

    const left = await db.feedPages.toArray();
    expect(left.map((cached) => cached.items[0]?.id).sort()).toEqual([
      'p2-0',
      'p3-0',
      'p4-0',
      'p5-0',
    ]);
  });

  it('leaves other readers’ pages alone when one reader is trimmed', async () => {
    const cache = new FeedCache(db, 1_000, 100);
    await writeChain(cache, 2, BOB);

    await writeChain(cache, 6);

    expect(await db.feedPages.where('userId').equals(BOB).count()).toBe(2);
  });

  it('counts a replaced page once', async () => {
    const cache = new FeedCache(db, 1_000, 100);
    await writeChain(cache, 5);

    await cache.write(ALICE, { scope: 'everyone' }, page('fresh', 20, 'c1', 9));

    expect(await db.feedPages.count()).toBe(5);
  });

  it('holds 10,000 clips of one tab under the default limits', async () => {
    const cache = new FeedCache(db);

    await writeChain(cache, 500);

    const batches = await chainOf(cache);
    const expected = Array.from({ length: 500 }, (_, i) => `p${i}-0`);
    expect(batches.flat()).toEqual(expected);
  });
});
