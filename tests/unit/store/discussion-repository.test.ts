import { beforeEach, describe, expect, it } from 'vitest';
import type { PeerclipDb } from '@/utils/store/database';
import { DiscussionError } from '@/utils/store/discussion-errors';
import { DiscussionRepository } from '@/utils/store/discussion-repository';
import { freshDatabase } from '../fakes/database';

const reader = 'reader-1';
const clipId = 'clip-1';

/** A clock a second a call from 9:00, and ids `row-1`, `row-2`… */
function tickingRepository(db: PeerclipDb): DiscussionRepository {
  let ticks = 0;
  let ids = 0;
  return new DiscussionRepository(
    db,
    () => new Date(Date.UTC(2026, 11, 3, 9) + 1000 * ticks++),
    () => `row-${++ids}`,
  );
}

const comment = (body = 'Worth a read.') => ({
  clipId,
  parentId: null,
  body,
  authorId: reader,
});

const review = {
  clipId,
  reviewerId: reader,
  verdict: 'changes' as const,
  helps: 'Clear quote.',
  improve: 'Name the source.',
  accuracyConcern: '',
};

describe('DiscussionRepository', () => {
  let db: PeerclipDb;
  let discussion: DiscussionRepository;

  beforeEach(() => {
    db = freshDatabase();
    discussion = tickingRepository(db);
  });

  describe('comments', () => {
    it('queues a new comment with its frozen record', async () => {
      const added = await discussion.addComment(comment());

      const entries = await db.outbox.toArray();

      expect(entries).toMatchObject([
        {
          kind: 'comment.upsert',
          clipId,
          subjectId: added.id,
          record: { id: added.id, clip_id: clipId, body: 'Worth a read.' },
        },
      ]);
    });

    it('refuses an empty comment before writing anything', async () => {
      const attempt = discussion.addComment(comment('   '));

      await expect(attempt).rejects.toMatchObject({ code: 'empty-comment' });
      expect(await db.comments.count()).toBe(0);
    });

    it('refuses a comment over 10,000 characters', async () => {
      const attempt = discussion.addComment(comment('x'.repeat(10_001)));

      await expect(attempt).rejects.toBeInstanceOf(DiscussionError);
    });

    it('counts an emoji as one character', async () => {
      const added = await discussion.addComment(comment('👍'.repeat(10_000)));

      expect(added.pending).toBe(true);
    });

    it('folds an edit into the unsent creation', async () => {
      const added = await discussion.addComment(comment());

      await discussion.editComment(added.id, 'Read it twice.');

      const entries = await db.outbox.toArray();
      expect(entries.map((entry) => entry.record?.body)).toEqual([
        'Read it twice.',
      ]);
    });

    it('queues an edit of a comment the server has, on its version', async () => {
      const added = await discussion.addComment(comment());
      await db.outbox.clear();
      await db.comments.update(added.id, { version: 3, pending: false });

      await discussion.editComment(added.id, 'Read it twice.');

      expect(await db.outbox.toArray()).toMatchObject([
        { baseVersion: 3, record: { id: added.id, body: 'Read it twice.' } },
      ]);
    });

    it('drops an unsent comment and its entry when deleted', async () => {
      const added = await discussion.addComment(comment());

      await discussion.deleteComment(added.id);

      expect([await db.comments.count(), await db.outbox.count()]).toEqual([
        0, 0,
      ]);
    });

    it('keeps a comment the server has, marked deleted, and queues it', async () => {
      const added = await discussion.addComment(comment());
      await db.outbox.clear();
      await db.comments.update(added.id, { version: 1, pending: false });

      await discussion.deleteComment(added.id);

      expect(await db.comments.get(added.id)).toMatchObject({ deleted: true });
      expect(await db.outbox.toArray()).toMatchObject([
        { kind: 'comment.delete', record: { id: added.id } },
      ]);
    });

    it('lists the comments of a clip oldest first', async () => {
      await discussion.addComment(comment('First.'));
      await discussion.addComment(comment('Second.'));

      const thread = await discussion.commentsOf(clipId);

      expect(thread.map((row) => row.body)).toEqual(['First.', 'Second.']);
    });
  });

  describe('endorsements', () => {
    const endorsement = { clipId, kind: 'peer' as const, endorserId: reader };

    it('holds a new endorsement at once', async () => {
      await discussion.endorse(endorsement);

      const held = await discussion.myActiveEndorsements(reader, [clipId]);

      expect(held.get(clipId)).toMatchObject({ kind: 'peer', pending: true });
    });

    it('queues one endorsement for two clicks', async () => {
      await discussion.endorse(endorsement);

      await discussion.endorse(endorsement);

      expect(await db.outbox.count()).toBe(1);
    });

    it('drops an unsent endorsement and its entry when withdrawn', async () => {
      const given = await discussion.endorse(endorsement);

      await discussion.withdraw(given.id);

      expect([await db.endorsements.count(), await db.outbox.count()]).toEqual([
        0, 0,
      ]);
    });

    it('queues the withdrawal of a sent endorsement', async () => {
      const given = await discussion.endorse(endorsement);
      await db.outbox.clear();

      await discussion.withdraw(given.id);

      const held = await discussion.myActiveEndorsements(reader, [clipId]);
      expect(held.size).toBe(0);
      expect(await db.outbox.toArray()).toMatchObject([
        { kind: 'endorsement.withdraw', record: { id: given.id } },
      ]);
    });

    it('does not hold an endorsement the server refused', async () => {
      const given = await discussion.endorse(endorsement);
      await db.endorsements.update(given.id, {
        rejected: { type: 'endorsement.create', reason: 'not published' },
      });

      const held = await discussion.myActiveEndorsements(reader, [clipId]);

      expect(held.size).toBe(0);
    });

    it('tells why the server refused an endorsement', async () => {
      const given = await discussion.endorse(endorsement);
      await db.endorsements.update(given.id, {
        rejected: { type: 'endorsement.create', reason: 'not published' },
      });

      const refused = await discussion.myRefusedEndorsements(reader, [clipId]);

      expect(refused.get(clipId)).toBe('not published');
    });

    it('forgets a refusal once an endorsement of the clip holds', async () => {
      const given = await discussion.endorse(endorsement);
      await db.endorsements.update(given.id, {
        rejected: { type: 'endorsement.create', reason: 'not published' },
      });
      await discussion.endorse(endorsement);

      const refused = await discussion.myRefusedEndorsements(reader, [clipId]);

      expect(refused.size).toBe(0);
    });

    it('does not hold an official endorsement that ran out', async () => {
      const given = await discussion.endorse({
        ...endorsement,
        kind: 'official',
      });
      await db.endorsements.update(given.id, {
        expiresAt: '2026-12-01T00:00:00.000Z',
      });

      const held = await discussion.myActiveEndorsements(reader, [clipId]);

      expect(held.size).toBe(0);
    });

    it('refuses an unknown kind', async () => {
      const attempt = discussion.endorse({
        ...endorsement,
        kind: 'gold' as 'peer',
      });

      await expect(attempt).rejects.toMatchObject({
        code: 'bad-endorsement-kind',
      });
    });
  });

  describe('reviews', () => {
    it('queues a review with its feedback', async () => {
      const given = await discussion.review(review);

      expect(await db.outbox.toArray()).toMatchObject([
        {
          kind: 'review.create',
          record: {
            id: given.id,
            verdict: 'changes',
            improve: 'Name the source.',
          },
        },
      ]);
    });

    it('refuses changes asked for without saying which', async () => {
      const attempt = discussion.review({ ...review, improve: ' ' });

      await expect(attempt).rejects.toMatchObject({ code: 'feedback-missing' });
      expect(await db.reviews.count()).toBe(0);
    });

    it('lists the reviews of a clip newest first', async () => {
      await discussion.review({ ...review, helps: 'First.' });
      await discussion.review({ ...review, helps: 'Second.' });

      const history = await discussion.reviewsOf(clipId);

      expect(history.map((row) => row.helps)).toEqual(['Second.', 'First.']);
    });
  });
});
