import { describe, expect, it } from 'vitest';
import type { QuoteToCheck } from '@/utils/messages/quote-check-protocol';
import {
  createOnThisPageModel,
  type OnThisPageServices,
} from '@/utils/models/on-this-page-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { fakeFeedItem } from '../fakes/peer-fakes';

const PAGE = 'https://intranet.example/wiki/lifting';

function pageItem(id: string, overrides: Partial<FeedItem> = {}): FeedItem {
  return fakeFeedItem({
    id,
    canonical_url: PAGE,
    quote_selector: { exact: `Quote ${id}.`, prefix: '', suffix: '' },
    ...overrides,
  });
}

/** Services of a page listing `items`, checked through `check`. */
function services(
  items: FeedItem[],
  check: OnThisPageServices['checkQuotes'],
): OnThisPageServices {
  return {
    pageUrl: async () => PAGE,
    readCachedPage: async () => undefined,
    fetchPage: async () => ({
      ok: true,
      items,
      cursor: null,
      fetchedAt: 'now',
      stale: false,
    }),
    myEndorsements: async () => new Map(),
    endorse: async () => {
      throw new Error('not used');
    },
    withdraw: async () => undefined,
    me: async () => ({ status: 'signed-in', id: 'reader-1' }),
    checkQuotes: check,
  };
}

function pageHolding(...found: string[]) {
  const asked: QuoteToCheck[][] = [];
  const check = async (clips: QuoteToCheck[]) => {
    asked.push(clips);
    return {
      ok: true as const,
      results: clips.map(({ id }) => ({
        id,
        status: found.includes(id) ? ('found' as const) : ('changed' as const),
      })),
    };
  };
  return { asked, check };
}

async function changedIds(model: ReturnType<typeof createOnThisPageModel>) {
  await model.load();
  return model.clips.value
    .filter((clip) => clip.sourceChanged)
    .map((clip) => clip.item.id);
}

describe('createOnThisPageModel source checks', () => {
  it('marks the clips whose quote is gone from the page', async () => {
    const { check } = pageHolding('kept');
    const items = [pageItem('kept'), pageItem('gone')];

    const model = createOnThisPageModel(services(items, check));

    expect(await changedIds(model)).toEqual(['gone']);
  });

  it('clears the mark a peer left when the quote is back', async () => {
    const { check } = pageHolding('back');
    const items = [pageItem('back', { source_changed: true })];

    const model = createOnThisPageModel(services(items, check));

    expect(await changedIds(model)).toEqual([]);
  });

  it("keeps the workspace's word when the page cannot be read", async () => {
    const unknown = async (clips: QuoteToCheck[]) => ({
      ok: true as const,
      results: clips.map(({ id }) => ({ id, status: 'unknown' as const })),
    });
    const items = [
      pageItem('marked', { source_changed: true }),
      pageItem('clean', { source_changed: false }),
    ];

    const model = createOnThisPageModel(services(items, unknown));

    expect(await changedIds(model)).toEqual(['marked']);
  });

  it('asks only for clips with a quote selector, with what is known', async () => {
    const { asked, check } = pageHolding();
    const items = [
      pageItem('a', { source_changed: false }),
      pageItem('b', { quote_selector: null }),
    ];
    const model = createOnThisPageModel(services(items, check));

    await model.load();

    expect(asked).toEqual([
      [
        {
          id: 'a',
          exact: 'Quote a.',
          prefix: '',
          suffix: '',
          sourceChanged: false,
        },
      ],
    ]);
  });

  it('shows the list unmarked when the check fails', async () => {
    const failing = async () => {
      throw new Error('no background');
    };
    const model = createOnThisPageModel(services([pageItem('a')], failing));

    expect(await changedIds(model)).toEqual([]);
  });
});
