import type { WireRecord } from '@/utils/remote/sync-wire';
import {
  endorsementRecord,
  newCommentRecord,
  reviewRecord,
} from '@/utils/sync/discussion-wire';
import type { OutboxEntry, OutboxKind, PeerclipDb } from './database';
import { DiscussionError } from './discussion-errors';
import { outboxInFlight } from './outbox-in-flight';
import { discussionQueries } from './discussion-queries';
import {
  validateCommentBody,
  validateEndorsementKind,
  validateReview,
} from './discussion-rules';
import type {
  LocalComment,
  LocalEndorsement,
  LocalReview,
  NewComment,
  NewEndorsement,
  NewReview,
} from './discussion-types';

/**
 * The comments, endorsements and reviews of this browser. Every write saves
 * the local row and its outbox entry in one transaction, so a change is
 * shown and queued for sync, or neither. Bad input throws a
 * DiscussionError before anything is written.
 */
export class DiscussionRepository {
  constructor(
    private readonly db: PeerclipDb,
    private readonly clock: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Saves a comment or a reply and queues it. */
  async addComment(input: NewComment): Promise<LocalComment> {
    const body = validateCommentBody(input.body);
    const time = this.now();
    const comment: LocalComment = {
      id: this.newId(),
      clipId: input.clipId,
      parentId: input.parentId,
      authorId: input.authorId,
      body,
      version: null,
      createdAt: time,
      updatedAt: time,
      deleted: false,
      pending: true,
    };

    await this.write(async () => {
      await this.db.comments.add(comment);
      await this.queue(comment, 'comment.upsert', newCommentRecord(comment));
    });
    return comment;
  }

  /**
   * Changes a comment's text. While the comment, or an earlier edit, waits
   * unsent, the queued record takes the new text instead of a new change.
   */
  async editComment(id: string, body: string): Promise<LocalComment> {
    const text = validateCommentBody(body);

    return this.write(async () => {
      const comment = await this.requireComment(id);
      const edited: LocalComment = {
        ...comment,
        body: text,
        updatedAt: this.now(),
        pending: true,
        rejected: undefined,
      };

      await this.db.comments.put(edited);
      const entries = await this.entriesOf(id);
      const open = (await outboxInFlight.unsent(this.db, entries)).find(
        (entry) => entry.kind === 'comment.upsert',
      );
      if (open?.record) {
        await this.db.outbox.update(open.seq!, {
          record: { ...open.record, body: text },
        });
      } else if (comment.version === null && entries.length === 0) {
        // The server refused its creation: send it whole again.
        await this.queue(edited, 'comment.upsert', newCommentRecord(edited));
      } else {
        await this.queue(edited, 'comment.upsert', { id, body: text });
      }
      return edited;
    });
  }

  /**
   * Deletes a comment. One the server never saw goes without a trace; else
   * it stays, marked deleted, until the server confirms.
   */
  async deleteComment(id: string): Promise<void> {
    await this.write(async () => {
      const comment = await this.requireComment(id);
      const entries = await this.entriesOf(id);
      const unsent = await outboxInFlight.unsent(this.db, entries);
      const inFlight = unsent.length < entries.length;
      const unseen = comment.version === null && !inFlight;

      await this.db.outbox.bulkDelete(unsent.map((entry) => entry.seq!));
      if (unseen) {
        await this.db.comments.delete(id);
        return;
      }
      await this.db.comments.put({ ...comment, deleted: true, pending: true });
      await this.queue(comment, 'comment.delete', { id });
    });
  }

  /**
   * Endorses a clip, or answers the reader's endorsement of it when one is
   * already held: a second click does not endorse twice.
   */
  async endorse(input: NewEndorsement): Promise<LocalEndorsement> {
    const kind = validateEndorsementKind(input.kind);

    return this.write(async () => {
      const held = await this.myActiveEndorsements(input.endorserId, [
        input.clipId,
      ]);
      const existing = held.get(input.clipId);
      if (existing) return existing;

      const endorsement: LocalEndorsement = {
        id: this.newId(),
        clipId: input.clipId,
        endorserId: input.endorserId,
        kind,
        createdAt: this.now(),
        expiresAt: null,
        withdrawnAt: null,
        contentHash: null,
        pending: true,
      };
      await this.db.endorsements.add(endorsement);
      await this.queue(
        endorsement,
        'endorsement.create',
        endorsementRecord(endorsement),
      );
      return endorsement;
    });
  }

  /**
   * Withdraws an endorsement. One still waiting unsent, or refused by the
   * server, is simply dropped: the server never had it.
   */
  async withdraw(endorsementId: string): Promise<void> {
    await this.write(async () => {
      const endorsement = await this.db.endorsements.get(endorsementId);
      if (!endorsement) {
        throw new DiscussionError(
          'not-found',
          'This endorsement is no longer here.',
        );
      }
      if (endorsement.withdrawnAt) {
        throw new DiscussionError(
          'already-withdrawn',
          'This endorsement was already withdrawn.',
        );
      }
      const unsent = await this.openEntry(endorsementId, 'endorsement.create');
      const refused = endorsement.rejected?.type === 'endorsement.create';

      if (unsent || refused) {
        if (unsent) await this.db.outbox.delete(unsent.seq!);
        await this.db.endorsements.delete(endorsementId);
        return;
      }
      await this.db.endorsements.put({
        ...endorsement,
        withdrawnAt: this.now(),
        pending: true,
        rejected: undefined,
      });
      await this.queue(endorsement, 'endorsement.withdraw', {
        id: endorsementId,
      });
    });
  }

  /** Saves a review of a clip in review and queues it. */
  async review(input: NewReview): Promise<LocalReview> {
    const feedback = validateReview(input);
    const review: LocalReview = {
      id: this.newId(),
      clipId: input.clipId,
      reviewerId: input.reviewerId,
      verdict: feedback.verdict,
      helps: feedback.helps,
      improve: feedback.improve,
      accuracyConcern: feedback.accuracyConcern,
      contentHash: null,
      createdAt: this.now(),
      pending: true,
    };

    await this.write(async () => {
      await this.db.reviews.add(review);
      await this.queue(review, 'review.create', reviewRecord(review));
    });
    return review;
  }

  /** The comments of a clip, deleted ones included, oldest first. */
  commentsOf(clipId: string): Promise<LocalComment[]> {
    return discussionQueries.commentsOf(this.db, clipId);
  }

  /** Every endorsement of a clip, history included, newest first. */
  endorsementsOf(clipId: string): Promise<LocalEndorsement[]> {
    return discussionQueries.endorsementsOf(this.db, clipId);
  }

  /** The person's endorsements that hold now, by clip. */
  myActiveEndorsements(
    endorserId: string,
    clipIds: string[],
  ): Promise<Map<string, LocalEndorsement>> {
    const now = this.clock().getTime();
    return discussionQueries.heldBy(this.db, endorserId, clipIds, now);
  }

  /**
   * Why the server refused the person's latest endorsement of each clip,
   * by clip, for the clips where they hold none now.
   */
  myRefusedEndorsements(
    endorserId: string,
    clipIds: string[],
  ): Promise<Map<string, string>> {
    const now = this.clock().getTime();
    return discussionQueries.refusedOf(this.db, endorserId, clipIds, now);
  }

  /** The reviews of a clip, newest first. */
  reviewsOf(clipId: string): Promise<LocalReview[]> {
    return discussionQueries.reviewsOf(this.db, clipId);
  }

  private write<T>(work: () => Promise<T>): Promise<T> {
    const { comments, endorsements, reviews, outbox, meta } = this.db;
    // The meta table says which queued changes are already in flight.
    return this.db.transaction(
      'rw',
      [comments, endorsements, reviews, outbox, meta],
      work,
    );
  }

  private async requireComment(id: string): Promise<LocalComment> {
    const comment = await this.db.comments.get(id);
    if (!comment) {
      throw new DiscussionError('not-found', 'This comment no longer exists.');
    }
    if (comment.deleted) {
      throw new DiscussionError('already-deleted', 'This comment was deleted.');
    }
    return comment;
  }

  private entriesOf(subjectId: string): Promise<OutboxEntry[]> {
    return this.db.outbox.where('subjectId').equals(subjectId).toArray();
  }

  /** The row's change of this kind that is queued and not yet sent. */
  private async openEntry(
    subjectId: string,
    kind: OutboxKind,
  ): Promise<OutboxEntry | undefined> {
    const entries = await this.entriesOf(subjectId);
    const unsent = await outboxInFlight.unsent(this.db, entries);
    return unsent.find((entry) => entry.kind === kind);
  }

  private async queue(
    row: { id: string; clipId: string; version?: number | null },
    kind: OutboxKind,
    record: WireRecord,
  ): Promise<void> {
    await this.db.outbox.add({
      changeId: this.newId(),
      clipId: row.clipId,
      subjectId: row.id,
      kind,
      baseVersion: row.version ?? null,
      createdAt: this.now(),
      record,
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
