/** Why a change to a clip was refused. */
export type ClipErrorCode =
  | 'note-too-long'
  | 'too-many-tags'
  | 'tag-too-long'
  | 'bad-topic'
  | 'not-found'
  | 'not-a-draft'
  | 'not-mine'
  | 'archived'
  | 'submitting'
  | 'held'
  | 'bad-checklist-version';

/**
 * A refused change to a clip. The stored clip is left as it was, and the
 * message is one sentence the UI can show as it is.
 */
export class ClipError extends Error {
  override name = 'ClipError';

  constructor(
    readonly code: ClipErrorCode,
    message: string,
  ) {
    super(message);
  }
}
