// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OnThisPage } from '@/components/popup/OnThisPage';
import type { QuoteToCheck } from '@/utils/messages/quote-check-protocol';
import { createOnThisPageModel } from '@/utils/models/on-this-page-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { axeViolations } from '../fakes/axe';
import { fakeFeedItem } from '../fakes/peer-fakes';

const PAGE = 'https://intranet.example/wiki/lifting';

function pageItem(id: string, title: string): FeedItem {
  return fakeFeedItem({
    id,
    title,
    canonical_url: PAGE,
    quote_selector: { exact: `Quote ${id}.`, prefix: '', suffix: '' },
  });
}

/** "On this page" over a page that still holds only the clip `kept`. */
async function renderChecked() {
  const model = createOnThisPageModel({
    pageUrl: async () => PAGE,
    readCachedPage: async () => undefined,
    fetchPage: async () => ({
      ok: true,
      items: [pageItem('kept', 'Still there'), pageItem('gone', 'Edited')],
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
    checkQuotes: async (clips: QuoteToCheck[]) => ({
      ok: true,
      results: clips.map(({ id }) => ({
        id,
        status: id === 'kept' ? 'found' : 'changed',
      })),
    }),
  });
  await model.load();
  return render(<OnThisPage model={model} onOpenOptions={() => {}} />);
}

afterEach(cleanup);

describe('OnThisPage source changed', () => {
  it('says "Source changed" on the clip whose quote is gone only', async () => {
    await renderChecked();

    const marked = screen
      .getAllByText(/^Source changed/)
      .map((line) => line.closest('li')?.querySelector('p')?.textContent);

    expect(marked).toEqual(['Edited']);
  });

  it('has no accessibility violations with a marked clip', async () => {
    const { container } = await renderChecked();

    expect(await axeViolations(container)).toEqual([]);
  });
});
