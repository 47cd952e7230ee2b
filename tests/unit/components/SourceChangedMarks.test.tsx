// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipDetailView } from '@/components/sidepanel/detail/ClipDetailView';
import { FeedList } from '@/components/sidepanel/feed/FeedList';
import { createDetailModel } from '@/utils/models/detail-model';
import { readableFeedItem } from '@/utils/models/feed-model';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { axeViolations } from '../fakes/axe';
import { fakeDetailServices } from '../fakes/detail-services';
import { fakeAnswer, fakeClipDetail } from '../fakes/peer-fakes';

const NOW = new Date('2026-12-03T12:00:00.000Z');

function feedItem(id: string, sourceChanged: boolean): FeedItem {
  const item = readableFeedItem({
    id,
    author_id: 'bob-id',
    author_name: 'Bob',
    title: `Clip ${id}`,
    quote: `Quote ${id}`,
    published_at: '2026-12-01T09:00:00.000Z',
    source_changed: sourceChanged,
  });
  if (!item) throw new Error('The test clip is not a readable feed item.');
  return item;
}

function renderList() {
  return render(
    <FeedList
      items={[feedItem('kept', false), feedItem('gone', true)]}
      now={NOW}
      hasMore={false}
      complete={true}
      loadingMore={false}
      moreProblem={null}
      onLoadMore={() => {}}
      onOpen={() => {}}
    />,
  );
}

async function renderDetail(sourceChangedAt: string | null) {
  const detail = fakeClipDetail({ source_changed_at: sourceChangedAt });
  const model = createDetailModel(
    fakeDetailServices({
      loadDetail: async () => fakeAnswer(detail),
      me: async () => 'bob-id',
    }),
  );
  await model.open(detail.clip.id);
  return render(<ClipDetailView model={model} now={NOW} />);
}

const CHANGED_LINE = 'The source page changed since this was clipped.';

afterEach(cleanup);

describe('FeedList source changed', () => {
  it('badges only the card whose source changed', () => {
    renderList();

    const badged = screen
      .getAllByText('Source changed')
      .map((badge) => badge.closest('article')?.textContent ?? '');

    expect(badged.map((text) => text.includes('Clip gone'))).toEqual([true]);
  });

  it('has no accessibility violations with a badged card', async () => {
    const { container } = renderList();

    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('ClipDetailView source changed', () => {
  it('says the source page changed when a reader found it so', async () => {
    await renderDetail('2026-12-02T08:00:00.000Z');

    expect(screen.getByText(CHANGED_LINE)).toBeTruthy();
  });

  it('says nothing of the source while its quote is there', async () => {
    await renderDetail(null);

    expect(screen.queryByText(CHANGED_LINE)).toBeNull();
  });

  it('has no accessibility violations with the line shown', async () => {
    const { container } = await renderDetail('2026-12-02T08:00:00.000Z');

    expect(await axeViolations(container)).toEqual([]);
  });
});
