import type {
  AccountFailureCode,
  AccountReply,
} from '@/utils/messages/account-protocol';
import { RemoteError } from '@/utils/remote/remote-error';

/** An account action that failed, with one sentence for people. */
export class AccountFailure extends Error {
  override name = 'AccountFailure';

  constructor(
    readonly code: AccountFailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What the remote's failures mean for an account action. */
const FROM_REMOTE: Partial<Record<RemoteError['code'], AccountFailureCode>> = {
  offline: 'unreachable',
  'invalid-credentials': 'invalid-credentials',
  unauthorized: 'not-signed-in',
};

/**
 * The reply to an account action that threw: its own failure, a remote
 * failure in account words, or `failed` for anything unexpected.
 */
export function replyFromError(error: unknown): AccountReply {
  if (error instanceof AccountFailure) {
    return { ok: false, code: error.code, message: error.message };
  }
  if (error instanceof RemoteError) {
    const code = FROM_REMOTE[error.code] ?? 'failed';
    return { ok: false, code, message: remoteSentence(code, error) };
  }
  console.error('[peerclip] An account action failed unexpectedly.', error);
  return {
    ok: false,
    code: 'failed',
    message: 'Something went wrong. Try again in a moment.',
  };
}

function remoteSentence(code: AccountFailureCode, error: RemoteError) {
  if (code === 'unreachable') {
    return 'The workspace cannot be reached. Check your connection.';
  }
  if (code === 'invalid-credentials') {
    return 'The email, password or code is not right.';
  }
  if (code === 'not-signed-in') return 'Your session ended. Sign in again.';
  return error.message;
}

/** The reply to an account action that worked. */
export const DONE: AccountReply = { ok: true };
