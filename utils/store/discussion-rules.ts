import { LIMITS } from '@/utils/models/limits';
import { DiscussionError } from './discussion-errors';
import type { LocalEndorsement, ReviewFeedback } from './discussion-types';

/** The most characters of each review field, as the server holds them. */
export const FEEDBACK_CHARS = 10_000;

/**
 * Refuses an empty comment or one over the limit. Characters are counted
 * as the server counts them: an emoji is one.
 */
export function validateCommentBody(body: string): string {
  if (body.trim() === '') {
    throw new DiscussionError('empty-comment', 'Write something to comment.');
  }
  const over = characters(body) - LIMITS.commentChars;
  if (over > 0) {
    throw new DiscussionError(
      'comment-too-long',
      `The comment is ${over.toLocaleString('en')} characters over the ` +
        `limit of ${LIMITS.commentChars.toLocaleString('en')}.`,
    );
  }
  return body;
}

/**
 * Refuses a review the server would refuse: an unknown verdict, a field
 * over the limit, or changes asked for without saying which.
 */
export function validateReview(feedback: ReviewFeedback): ReviewFeedback {
  if (feedback.verdict !== 'approve' && feedback.verdict !== 'changes') {
    throw new DiscussionError(
      'bad-verdict',
      'A review either approves the clip or asks for changes.',
    );
  }
  const fields = [
    ['What helps', feedback.helps],
    ['What to improve', feedback.improve],
    ['The accuracy concern', feedback.accuracyConcern],
  ] as const;
  for (const [label, text] of fields) {
    const over = characters(text) - FEEDBACK_CHARS;
    if (over > 0) {
      throw new DiscussionError(
        'feedback-too-long',
        `${label} is ${over.toLocaleString('en')} characters over the ` +
          `limit of ${FEEDBACK_CHARS.toLocaleString('en')}.`,
      );
    }
  }

  const explained = feedback.improve.trim() || feedback.accuracyConcern.trim();
  if (feedback.verdict === 'changes' && !explained) {
    throw new DiscussionError(
      'feedback-missing',
      'Say what to improve or what is inaccurate when asking for changes.',
    );
  }
  return feedback;
}

/** Refuses an endorsement kind other than peer or official. */
export function validateEndorsementKind(kind: string): 'peer' | 'official' {
  if (kind !== 'peer' && kind !== 'official') {
    throw new DiscussionError(
      'bad-endorsement-kind',
      'An endorsement is either a peer or an official one.',
    );
  }
  return kind;
}

/**
 * True while an endorsement counts at `now` (milliseconds): given, not
 * withdrawn, not refused, not lapsed with an edit of the clip, not run out.
 */
export function isHeld(endorsement: LocalEndorsement, now: number): boolean {
  if (endorsement.withdrawnAt || endorsement.lapsed) return false;
  if (endorsement.rejected?.type === 'endorsement.create') return false;
  const { expiresAt } = endorsement;
  return expiresAt === null || Date.parse(expiresAt) > now;
}

function characters(text: string): number {
  return [...text].length;
}
