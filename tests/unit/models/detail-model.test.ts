import { describe, expect, it } from 'vitest';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import {
  createDetailModel,
  shownNote,
  type DetailServices,
} from '@/utils/models/detail-model';
import type { ClipDetail } from '@/utils/remote/peer-wire';
import type { LocalComment } from '@/utils/store/discussion-types';
import { fakeDetailServices } from '../fakes/detail-services';
import {
  fakeAnswer,
  fakeClipDetail,
  fakeDetailComment,
  fakeLocalComment,
  fakeLocalEndorsement,
  HEALTH_AND_SAFETY,
} from '../fakes/peer-fakes';

/** Alice's clip in a regulated topic, with Bob's comment on it. */
function clipDetail(): ClipDetail {
  return fakeClipDetail(
    {
      snippet: '<p>Bend your knees.</p>',
      note: 'Ask **Carol**',
      tags: ['safety'],
      ...HEALTH_AND_SAFETY,
    },
    { comments: [fakeDetailComment()], trust: 'trusted' },
  );
}

/** The services over in-memory comments, which `comments` exposes. */
function fakeServices(
  overrides: Partial<DetailServices> = {},
): DetailServices & { comments: LocalComment[] } {
  const comments: LocalComment[] = [];
  return {
    comments,
    ...fakeDetailServices({
      loadDetail: async () =>
        fakeAnswer(clipDetail(), '2026-12-03T08:00:00.000Z'),
      localComments: async () => [...comments],
      addComment: async (input) => {
        const comment = fakeLocalComment({
          ...input,
          id: `local-${comments.length}`,
        });
        comments.push(comment);
        return comment;
      },
      editComment: async () => fakeLocalComment(),
      ...overrides,
    }),
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
      loadDetail: async () =>
        fakeAnswer(clipDetail(), '2026-12-01T08:00:00.000Z', true),
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
        fakeLocalComment({
          id: 'comment-1',
          parentId: null,
          body: 'Edited.',
        }),
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
    const endorsement = fakeLocalEndorsement({
      kind: 'official',
      expiresAt: '2027-03-02T09:00:00.000Z',
      contentHash: 'hash-2',
    });
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

describe('shownNote', () => {
  it('shows the author’s unsent edit over the answer', () => {
    const detail = clipDetail();

    const note = shownNote(detail, {
      note: 'Ask Dan.',
      version: detail.clip.version,
    });

    expect(note).toEqual({ text: 'Ask Dan.', unsent: true });
  });

  it('keeps the answer when it is newer than this browser’s copy', () => {
    const detail = clipDetail();

    const note = shownNote(detail, {
      note: 'An older text.',
      version: detail.clip.version - 1,
    });

    expect(note).toEqual({ text: 'Ask **Carol**', unsent: false });
  });

  it('marks nothing when the copy says what the answer says', () => {
    const detail = clipDetail();

    const note = shownNote(detail, { note: 'Ask **Carol**', version: 9 });

    expect(note.unsent).toBe(false);
  });
});
