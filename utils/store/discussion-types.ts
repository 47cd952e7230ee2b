/**
 * What hangs on a clip, as this browser keeps it: comments, endorsements
 * and reviews pulled from the workspace or made here and not yet sent.
 */

/**
 * Why the server refused the last change of a row: the row stays in
 * place, marked, so the UI can say the change did not go through.
 */
export interface RowRejection {
  /** The change that was refused, e.g. `endorsement.create`. */
  type: string;
  /** The server's sentence. */
  reason: string;
}

/** A comment; `pending` until the server acknowledged it. */
export interface LocalComment {
  id: string;
  clipId: string;
  /** The comment this one replies to; null at the top of the thread. */
  parentId: string | null;
  authorId: string;
  body: string;
  /** The server's version; null until first pushed. */
  version: number | null;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  pending: boolean;
  /**
   * Set on a comment made from an edit that met a newer version: the id of
   * the comment the edit was for. The edited text is kept this way.
   */
  conflictOf?: string;
  rejected?: RowRejection;
}

/** An endorsement, active or history. */
export interface LocalEndorsement {
  id: string;
  clipId: string;
  endorserId: string;
  kind: 'peer' | 'official';
  createdAt: string;
  /** Official endorsements run out; null for peer ones. */
  expiresAt: string | null;
  withdrawnAt: string | null;
  /** The text it endorsed; null until the server set it. */
  contentHash: string | null;
  pending: boolean;
  /**
   * Neither withdrawn nor run out, yet no longer active: the clip's text
   * changed since it was given, as the server said at the last pull.
   */
  lapsed?: boolean;
  /** A refused endorsement is not held, whatever its other fields say. */
  rejected?: RowRejection;
}

/** A review of a clip in review, with its structured feedback. */
export interface LocalReview {
  id: string;
  clipId: string;
  reviewerId: string;
  verdict: 'approve' | 'changes';
  helps: string;
  improve: string;
  accuracyConcern: string;
  /** The text that was reviewed; null until the server set it. */
  contentHash: string | null;
  createdAt: string;
  pending: boolean;
  rejected?: RowRejection;
}

/** What a new comment needs. */
export interface NewComment {
  clipId: string;
  parentId: string | null;
  body: string;
  authorId: string;
}

/** What a new endorsement needs. */
export interface NewEndorsement {
  clipId: string;
  kind: 'peer' | 'official';
  endorserId: string;
}

/** What a reviewer writes besides the verdict. */
export interface ReviewFeedback {
  verdict: 'approve' | 'changes';
  helps: string;
  improve: string;
  accuracyConcern: string;
}

/** What a new review needs. */
export interface NewReview extends ReviewFeedback {
  clipId: string;
  reviewerId: string;
}
