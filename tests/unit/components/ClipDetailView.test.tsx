// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipDetailView } from '@/components/sidepanel/detail/ClipDetailView';
import { findDisallowedMarkup } from '@/utils/capture/sanitize-snippet';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import { createDetailModel } from '@/utils/models/detail-model';
import type { ClipDetail } from '@/utils/remote/peer-wire';
import {
  hostilePages,
  hostileVectors,
} from '../capture/helpers/hostile-vectors';
import { axeViolations } from '../fakes/axe';

const vectors = hostilePages().flatMap((page) =>
  hostileVectors(page.file, page.name),
);

const NOW = new Date('2026-12-03T12:00:00.000Z');

function clipDetail(overrides: Partial<ClipDetail['clip']> = {}): ClipDetail {
  return {
    clip: {
      id: 'clip-1',
      author_id: 'alice-id',
      author_name: 'Alice',
      author_team_name: 'Safety',
      title: 'Safe lifting',
      site: 'wiki.example',
      source_url: 'https://wiki.example/lifting',
      canonical_url: 'https://wiki.example/lifting',
      quote: 'Bend your knees.',
      quote_truncated: false,
      snippet: '<p>Bend <img src=x onerror="alert(1)">your knees.</p>',
      note: 'Ask **Carol** <script>alert(2)</script>',
      tags: ['safety'],
      topic_id: 'topic-hs',
      topic_name: 'Health & Safety',
      topic_regulated: true,
      state: 'published',
      visibility: 'organisation',
      version: 3,
      content_hash: 'hash-3',
      published_at: '2026-12-01T09:00:00.000Z',
      submitted_at: '2026-11-30T09:00:00.000Z',
      updated_at: '2026-12-01T09:00:00.000Z',
      ...overrides,
    },
    comments: [],
    endorsements: [
      {
        id: 'endorsement-1',
        endorser_id: 'carol-id',
        endorser_name: 'Carol',
        kind: 'official',
        created_at: '2026-12-02T09:00:00.000Z',
        expires_at: '2027-03-02T09:00:00.000Z',
        withdrawn_at: null,
        status: 'lapsed',
      },
    ],
    reviews: [
      {
        id: 'review-1',
        reviewer_id: 'carol-id',
        reviewer_name: 'Carol',
        verdict: 'changes',
        helps: 'Clear steps.',
        improve: 'Name the weight limit.',
        accuracy_concern: '',
        created_at: '2026-11-30T10:00:00.000Z',
        current: false,
      },
    ],
    trust: 'awaiting_endorsement',
    following_author: true,
    following_topic: false,
    can_endorse_officially: false,
  };
}

function hostileDetail(html: string): ClipDetail {
  const detail = clipDetail({ snippet: html, note: html });
  detail.comments = [
    {
      id: 'comment-1',
      parent_id: null,
      author_id: 'alice-id',
      author_name: 'Alice',
      body: html,
      version: 1,
      created_at: '2026-12-02T09:00:00.000Z',
      updated_at: '2026-12-02T09:00:00.000Z',
      deleted: false,
    },
  ];
  return detail;
}

async function renderDetail(
  answer: CachedAnswer<ClipDetail> = {
    ok: true,
    value: clipDetail(),
    fetchedAt: '2026-12-03T11:00:00.000Z',
    stale: false,
  },
  reader = 'bob-id',
) {
  const model = createDetailModel({
    loadDetail: async () => answer,
    localComments: async () => [],
    localEndorsements: async () => [],
    addComment: () => Promise.reject(new Error('not used')),
    editComment: () => Promise.reject(new Error('not used')),
    deleteComment: async () => {},
    me: async () => reader,
  });
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
      const { container } = await renderDetail({
        ok: true,
        value: hostileDetail(vector.html),
        fetchedAt: '2026-12-03T11:00:00.000Z',
        stale: false,
      });

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
    await renderDetail(
      {
        ok: true,
        value: clipDetail({ state: 'draft' }),
        fetchedAt: '2026-12-03T11:00:00.000Z',
        stale: false,
      },
      'alice-id',
    );

    expect(screen.getByRole('button', { name: 'Publish…' })).toBeTruthy();
  });

  it('says it is offline when the answer is cached', async () => {
    await renderDetail({
      ok: true,
      value: clipDetail(),
      fetchedAt: '2026-12-03T09:00:00.000Z',
      stale: true,
    });

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
