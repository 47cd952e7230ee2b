/** Why a comment, endorsement or review was refused before it was saved. */
export type DiscussionErrorCode =
  | 'empty-comment'
  | 'comment-too-long'
  | 'feedback-too-long'
  | 'feedback-missing'
  | 'bad-verdict'
  | 'bad-endorsement-kind'
  | 'not-found'
  | 'already-deleted'
  | 'already-withdrawn';

/**
 * A refused comment, endorsement or review. Nothing was written, and the
 * message is one sentence the UI can show as it is.
 */
export class DiscussionError extends Error {
  override name = 'DiscussionError';

  constructor(
    readonly code: DiscussionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
