/**
 * Why a call to the workspace failed:
 * - `offline`: the request never got an answer (network, server down);
 * - `unauthorized`: no session, or the session is no longer valid;
 * - `invalid-credentials`: wrong email, password or one-time code;
 * - `bad-request`: the server refused the call as a whole;
 * - `not-found`: what was asked for does not exist, or is not shared with
 *   the person;
 * - `forbidden`: the person is signed in but may not do this (an admin's
 *   task, a pending account);
 * - `bad-answer`: the answer does not have the expected shape;
 * - `server`: anything else the server reported.
 */
export type RemoteErrorCode =
  | 'offline'
  | 'unauthorized'
  | 'invalid-credentials'
  | 'bad-request'
  | 'not-found'
  | 'forbidden'
  | 'bad-answer'
  | 'server';

/** A failed call to the workspace, with a sentence for people. */
export class RemoteError extends Error {
  constructor(
    readonly code: RemoteErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RemoteError';
  }
}

/** True when the error says the network, not the server, failed. */
export function isOffline(error: unknown): boolean {
  return error instanceof RemoteError && error.code === 'offline';
}
