import { describe, expect, it } from 'vitest';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import {
  createDetailModel,
  type DetailServices,
} from '@/utils/models/detail-model';
import type { ClipDetail } from '@/utils/remote/peer-wire';
import type {
  LocalComment,
  LocalEndorsement,
} from '@/utils/store/discussion-types';

const ALICE = 'alice-id';
const BOB = 'bob-id';

function clipDetail(): ClipDetail {
  return {
    clip: {
      id: 'clip-1',
      author_id: ALICE,
      author_name: 'Alice',
      author_team_name: 'Safety',
      title: 'Safe lifting',
      site: 'wiki.example',
      source_url: 'https://wiki.example/lifting',
      canonical_url: 'https://wiki.example/lifting',
      quote: 'Bend your knees.',
      quote_truncated: false,
      snippet: '<p>Bend your knees.</p>',
      note: 'Ask **Carol**',
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
    },
    comments: [
      {
        id: 'comment-1',
        parent_id: null,
        author_id: BOB,
        author_name: 'Bob',
        body: 'Useful.',
        version: 1,
        created_at: '2026-12-02T09:00:00.000Z',
        updated_at: '2026-12-02T09:00:00.000Z',
        deleted: false,
      },
    ],
    endorsements: [],
    reviews: [],
    trust: 'trusted',
    following_author: false,
    following_topic: false,
    can_endorse_officially: false,
  };
}

function localComment(overrides: Partial<LocalComment> = {}): LocalComment {
  return {
    id: 'comment-2',
    clipId: 'clip-1',
    parentId: 'comment-1',
    authorId: BOB,
    body: 'Sent offline.',
    version: null,
    createdAt: '2026-12-03T09:00:00.000Z',
    updatedAt: '2026-12-03T09:00:00.000Z',
    deleted: false,
    pending: true,
    ...overrides,
  };
}

function fakeServices(
  overrides: Partial<DetailServices> = {},
): DetailServices & { comments: LocalComment[] } {
  const comments: LocalComment[] = [];
  return {
    comments,
    loadDetail: async (): Promise<CachedAnswer<ClipDetail>> => ({
      ok: true,
      value: clipDetail(),
      fetchedAt: '2026-12-03T08:00:00.000Z',
      stale: false,
    }),
    localComments: async () => [...comments],
    localEndorsements: async () => [],
    addComment: async (input) => {
      const comment = localComment({
        ...input,
        id: `local-${comments.length}`,
      });
      comments.push(comment);
      return comment;
    },
    editComment: async () => localComment(),
    deleteComment: async () => {},
    me: async () => BOB,
    ...overrides,
  };
}

describe('createDetailModel', () => {
  it('shows the clip once the answer arrives', async () => {
    const model = createDetailModel(fakeServices());

    await model.open('clip-1');

    expect(model.status.value).toBe('ready');
  });

  it('marks a cached answer as stale', async () => {
    const services = fakeServices({
      loadDetail: async () => ({
        ok: true,
        value: clipDetail(),
        fetchedAt: '2026-12-01T08:00:00.000Z',
        stale: true,
      }),
    });
    const model = createDetailModel(services);

    await model.open('clip-1');

    expect(model.stale.value).toBe(true);
  });

  it('says when the clip is not there', async () => {
    const model = createDetailModel(
      fakeServices({
        loadDetail: async () => ({
          ok: false,
          code: 'not-found',
          message: 'This clip is not there.',
        }),
      }),
    );

    await model.open('clip-1');

    expect(model.status.value).toBe('not-found');
  });

  it('keeps the sentence of a failed answer', async () => {
    const model = createDetailModel(
      fakeServices({
        loadDetail: async () => ({
          ok: false,
          code: 'offline',
          message: 'You are offline and this clip was never opened here.',
        }),
      }),
    );

    await model.open('clip-1');

    expect(model.failure.value).toBe(
      'You are offline and this clip was never opened here.',
    );
  });

  it('shows an unsent comment beside the server ones at once', async () => {
    const services = fakeServices();
    const model = createDetailModel(services);
    await model.open('clip-1');

    await model.addComment('Sent offline.', 'comment-1');

    expect(model.comments.value.map((c) => [c.body, c.pending])).toEqual([
      ['Useful.', false],
      ['Sent offline.', true],
    ]);
  });

  it('shows a pending edit over the server text', async () => {
    const services = fakeServices({
      localComments: async () => [
        localComment({ id: 'comment-1', parentId: null, body: 'Edited.' }),
      ],
    });
    const model = createDetailModel(services);

    await model.open('clip-1');

    expect(model.comments.value.map((comment) => comment.body)).toEqual([
      'Edited.',
    ]);
  });

  it('refuses an empty comment without calling the store', async () => {
    const services = fakeServices();
    const model = createDetailModel(services);
    await model.open('clip-1');

    const kept = await model.addComment('   ');

    expect([kept, services.comments.length]).toEqual([false, 0]);
  });

  it('keeps a refused write as a sentence', async () => {
    const model = createDetailModel(
      fakeServices({
        deleteComment: () =>
          Promise.reject(
            Object.assign(new Error('Only the author can delete it.'), {
              code: 'not-allowed',
            }),
          ),
      }),
    );
    await model.open('clip-1');

    await model.deleteComment('comment-1');

    expect(model.problem.value).toBe('Only the author can delete it.');
  });

  it('marks an official endorsement of other text as lapsed', async () => {
    const endorsement: LocalEndorsement = {
      id: 'endorsement-1',
      clipId: 'clip-1',
      endorserId: BOB,
      kind: 'official',
      createdAt: '2026-12-02T09:00:00.000Z',
      expiresAt: '2027-03-02T09:00:00.000Z',
      withdrawnAt: null,
      contentHash: 'hash-2',
      pending: false,
    };
    const model = createDetailModel(
      fakeServices({
        localEndorsements: async () => [endorsement],
        now: () => new Date('2026-12-03T10:00:00.000Z'),
      }),
    );

    await model.open('clip-1');

    expect(model.endorsements.value[0]?.status).toBe('lapsed');
  });

  it('drops the answer of a clip opened before another', async () => {
    let answerFirst: (answer: CachedAnswer<ClipDetail>) => void = () => {};
    const services = fakeServices();
    const model = createDetailModel({
      ...services,
      loadDetail: (id) =>
        id === 'clip-0'
          ? new Promise((resolve) => (answerFirst = resolve))
          : services.loadDetail(id),
    });
    const first = model.open('clip-0');
    await model.open('clip-1');

    answerFirst({ ok: false, code: 'failed', message: 'Too late.' });
    await first;

    expect(model.status.value).toBe('ready');
  });
});
