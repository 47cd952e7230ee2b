import { describe, expect, it } from 'vitest';
import {
  createOnThisPageModel,
  type OnThisPageServices,
} from '@/utils/models/on-this-page-model';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import type { FeedItem } from '@/utils/remote/sync-wire';
import type { LocalEndorsement } from '@/utils/store/discussion-types';
import { FeedCache } from '@/utils/store/feed-cache';
import { freshDatabase } from '../fakes/database';
import { fakeFeedItem, fakeLocalEndorsement } from '../fakes/peer-fakes';

const PAGE = 'https://intranet.example/wiki/lifting';
const READER = 'reader-1';

/** Alice's clip of the page, endorsed by two peers, with `overrides`. */
function feedItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return fakeFeedItem({
    source_url: PAGE,
    canonical_url: PAGE,
    peer_endorsement_count: 2,
    ...overrides,
  });
}

function fresh(items: FeedItem[], stale = false): FeedReply {
  return { ok: true, items, cursor: null, fetchedAt: 'now', stale };
}

/** Services over a real feed cache and an in-memory endorsement store. */
function fakeServices(overrides: Partial<OnThisPageServices> = {}) {
  const cache = new FeedCache(freshDatabase());
  const endorsements = new Map<string, LocalEndorsement>();
  const services: OnThisPageServices = {
    pageUrl: async () => PAGE,
    readCachedPage: (target) => cache.read(READER, { scope: 'page', target }),
    fetchPage: async () => fresh([]),
    myEndorsements: async (clipIds) =>
      new Map([...endorsements].filter(([clipId]) => clipIds.includes(clipId))),
    endorse: async (clipId, kind) => {
      const endorsement = fakeLocalEndorsement({
        id: `endorsement-${clipId}`,
        clipId,
        endorserId: READER,
        kind,
        createdAt: 'now',
        contentHash: null,
        pending: true,
      });
      endorsements.set(clipId, endorsement);
      return endorsement;
    },
    withdraw: async (id) => {
      for (const [clipId, endorsement] of endorsements) {
        if (endorsement.id === id) endorsements.delete(clipId);
      }
    },
    me: async () => ({ status: 'signed-in', id: READER }),
    ...overrides,
  };
  const cachePage = (items: FeedItem[]) =>
    cache.write(
      READER,
      { scope: 'page', target: PAGE },
      { items, cursor: null, fetchedAt: '2026-12-01T10:00:00Z' },
    );
  return { services, cachePage };
}

function never<T>(): Promise<T> {
  return new Promise(() => {});
}

describe('createOnThisPageModel', () => {
  it('shows the cached clips before the workspace answers', async () => {
    const { services, cachePage } = fakeServices({ fetchPage: never });
    await cachePage([feedItem()]);
    const model = createOnThisPageModel(services);

    void model.load();

    await expect.poll(() => model.clips.value.length).toBe(1);
  });

  it('replaces the cached clips with fresh ones', async () => {
    const { services, cachePage } = fakeServices({
      fetchPage: async () => fresh([feedItem({ title: 'Fresh' })]),
    });
    await cachePage([feedItem({ title: 'Cached' })]);
    const model = createOnThisPageModel(services);

    await model.load();

    expect(model.clips.value[0]?.item.title).toBe('Fresh');
  });

  it('counts the reader’s queued endorsement at once', async () => {
    const { services } = fakeServices({
      fetchPage: async () => fresh([feedItem()]),
    });
    const model = createOnThisPageModel(services);
    await model.load();

    await model.endorse('clip-1', 'peer');

    expect(model.clips.value[0]?.peerCount).toBe(3);
  });

  it('marks the new endorsement as queued', async () => {
    const { services } = fakeServices({
      fetchPage: async () => fresh([feedItem()]),
    });
    const model = createOnThisPageModel(services);
    await model.load();

    await model.endorse('clip-1', 'official');

    expect(model.clips.value[0]?.endorse).toMatchObject({
      kind: 'endorsed',
      endorsement: 'official',
      pending: true,
    });
  });

  it('takes a withdrawn endorsement off the server’s count', async () => {
    const item = feedItem({
      my_endorsement: { id: 'endorsement-9', kind: 'peer' },
    });
    const { services } = fakeServices({
      fetchPage: async () => fresh([item]),
    });
    const model = createOnThisPageModel(services);
    await model.load();

    await model.withdraw('clip-1');

    expect(model.clips.value[0]?.peerCount).toBe(1);
  });

  it('offers an official endorsement to the topic’s endorser', async () => {
    const item = feedItem({ can_endorse_officially: true });
    const { services } = fakeServices({
      fetchPage: async () => fresh([item]),
    });
    const model = createOnThisPageModel(services);

    await model.load();

    expect(model.clips.value[0]?.endorse.kind).toBe('can-endorse-officially');
  });

  it('offers no endorsing of the reader’s own clip', async () => {
    const item = feedItem({ author_id: READER });
    const { services } = fakeServices({
      fetchPage: async () => fresh([item]),
    });
    const model = createOnThisPageModel(services);

    await model.load();

    expect(model.clips.value[0]?.endorse.kind).toBe('own-clip');
  });

  it('keeps the cached clips and notes being offline', async () => {
    const { services, cachePage } = fakeServices({
      fetchPage: async () => ({
        ok: false,
        code: 'offline',
        message: 'Offline.',
      }),
    });
    await cachePage([feedItem()]);
    const model = createOnThisPageModel(services);

    await model.load();

    expect([model.offline.value, model.clips.value.length]).toEqual([true, 1]);
  });

  it('says when the reader is not signed in', async () => {
    const { services } = fakeServices({
      me: async () => ({ status: 'signed-out' }),
    });
    const model = createOnThisPageModel(services);

    await model.load();

    expect(model.status.value).toBe('signed-out');
  });

  it('says when the active tab is no web page', async () => {
    const { services } = fakeServices({ pageUrl: async () => null });
    const model = createOnThisPageModel(services);

    await model.load();

    expect(model.status.value).toBe('no-page');
  });

  it('keeps a refused endorsement as the clip’s problem', async () => {
    const refusal = Object.assign(new Error('The clip changed.'), {
      code: 'refused',
    });
    const { services } = fakeServices({
      fetchPage: async () => fresh([feedItem()]),
      endorse: () => Promise.reject(refusal),
    });
    const model = createOnThisPageModel(services);
    await model.load();

    await model.endorse('clip-1', 'peer');

    expect(model.clips.value[0]?.problem).toBe('The clip changed.');
  });

  it('keeps the list when the refresh fails', async () => {
    const { services, cachePage } = fakeServices({
      fetchPage: () => Promise.reject(new Error('boom')),
    });
    await cachePage([feedItem()]);
    const model = createOnThisPageModel(services);

    await model.load();

    expect(model.problem.value).toMatch(/could not be refreshed/);
  });

  it('tells why the server refused the reader’s endorsement', async () => {
    const { services } = fakeServices({
      fetchPage: async () => fresh([feedItem()]),
      myRefusals: async () => new Map([['clip-1', 'The clip changed.']]),
    });
    const model = createOnThisPageModel(services);

    await model.load();

    expect(model.clips.value[0]?.problem).toBe(
      'The server refused your endorsement: The clip changed.',
    );
  });

  it('counts a withdrawal queued earlier as done', async () => {
    const item = feedItem({
      my_endorsement: { id: 'endorsement-9', kind: 'peer' },
    });
    const alreadyWithdrawn = Object.assign(new Error('Already withdrawn.'), {
      code: 'already-withdrawn',
    });
    const { services } = fakeServices({
      fetchPage: async () => fresh([item]),
      withdraw: () => Promise.reject(alreadyWithdrawn),
    });
    const model = createOnThisPageModel(services);
    await model.load();

    await model.withdraw('clip-1');

    expect(model.clips.value[0]?.endorse.kind).toBe('can-endorse');
  });
});
