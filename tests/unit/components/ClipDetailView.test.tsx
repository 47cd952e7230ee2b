// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipDetailView } from '@/components/sidepanel/detail/ClipDetailView';
import { findDisallowedMarkup } from '@/utils/capture/sanitize-snippet';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import { createDetailModel } from '@/utils/models/detail-model';
import type { ClipDetail, DetailClip } from '@/utils/remote/peer-wire';
import {
  hostilePages,
  hostileVectors,
} from '../capture/helpers/hostile-vectors';
import { axeViolations } from '../fakes/axe';
import { fakeDetailServices } from '../fakes/detail-services';
import {
  fakeClipDetail,
  fakeDetailComment,
  fakeDetailEndorsement,
  fakeDetailReview,
  fakeAnswer,
  HEALTH_AND_SAFETY,
} from '../fakes/peer-fakes';

const vectors = hostilePages().flatMap((page) =>
  hostileVectors(page.file, page.name),
);

const NOW = new Date('2026-12-03T12:00:00.000Z');

/** Alice's clip carrying hostile markup, a lapsed endorsement and a review. */
function clipDetail(overrides: Partial<DetailClip> = {}): ClipDetail {
  return fakeClipDetail(
    {
      snippet: '<p>Bend <img src=x onerror="alert(1)">your knees.</p>',
      note: 'Ask **Carol** <script>alert(2)</script>',
      tags: ['safety'],
      ...HEALTH_AND_SAFETY,
      ...overrides,
    },
    {
      endorsements: [
        fakeDetailEndorsement({
          endorser_id: 'carol-id',
          endorser_name: 'Carol',
          kind: 'official',
          expires_at: '2027-03-02T09:00:00.000Z',
          status: 'lapsed',
        }),
      ],
      reviews: [fakeDetailReview()],
      trust: 'awaiting_endorsement',
      following_author: true,
    },
  );
}

function hostileDetail(html: string): ClipDetail {
  const detail = clipDetail({ snippet: html, note: html });
  detail.comments = [
    fakeDetailComment({
      author_id: 'alice-id',
      author_name: 'Alice',
      body: html,
    }),
  ];
  return detail;
}

async function renderDetail(
  answer: CachedAnswer<ClipDetail> = fakeAnswer(clipDetail()),
  reader = 'bob-id',
) {
  const model = createDetailModel(
    fakeDetailServices({
      loadDetail: async () => answer,
      me: async () => reader,
    }),
  );
  await model.open('clip-1');
  return render(
    <ClipDetailView
      model={model}
      now={NOW}
      renderEndorse={() => <button type="button">Endorse</button>}
      renderPublish={() => <button type="button">Publish…</button>}
      onFollow={() => {}}
    />,
  );
}

describe('ClipDetailView', () => {
  afterEach(cleanup);

  it('renders the note from Markdown', async () => {
    await renderDetail();

    expect(
      screen.getByText('Carol', { selector: '.note-markdown strong' }),
    ).toBeTruthy();
  });

  it('renders nothing off the allow-list from snippet and note', async () => {
    const { container } = await renderDetail();

    const peerContent = container.querySelectorAll('.snippet, .note-markdown');
    const problems = Array.from(peerContent).flatMap(findDisallowedMarkup);

    expect(problems).toEqual([]);
  });

  it.each(vectors)(
    'renders hostile peer content safely: $page $name',
    async (vector) => {
      const { container } = await renderDetail(
        fakeAnswer(hostileDetail(vector.html)),
      );

      const peerContent = container.querySelectorAll(
        '.snippet, .note-markdown, .comment__text',
      );
      const problems = Array.from(peerContent).flatMap(findDisallowedMarkup);

      expect([peerContent.length, problems]).toEqual([3, []]);
    },
  );

  it('marks a lapsed endorsement visibly', async () => {
    await renderDetail();

    expect(screen.getByText('Lapsed: the text changed since')).toBeTruthy();
  });

  it('shows the structured feedback of a review', async () => {
    await renderDetail();

    expect(screen.getByText('Name the weight limit.')).toBeTruthy();
  });

  it('offers the endorse button handed in', async () => {
    await renderDetail();

    expect(screen.getByRole('button', { name: 'Endorse' })).toBeTruthy();
  });

  it('offers publishing on the reader’s own draft only', async () => {
    await renderDetail(fakeAnswer(clipDetail({ state: 'draft' })), 'alice-id');

    expect(screen.getByRole('button', { name: 'Publish…' })).toBeTruthy();
  });

  it('says it is offline when the answer is cached', async () => {
    await renderDetail(
      fakeAnswer(clipDetail(), '2026-12-03T09:00:00.000Z', true),
    );

    expect(
      screen.getByText(/Offline: this is the clip as it was/),
    ).toBeTruthy();
  });

  it('says so when the clip is gone', async () => {
    await renderDetail({ ok: false, code: 'not-found', message: 'Gone.' });

    expect(screen.getByRole('alert').textContent).toMatch(/not there/);
  });

  it('passes an accessibility check', async () => {
    const { container } = await renderDetail();

    expect(await axeViolations(container)).toEqual([]);
  });
});
