import { RemoteError } from '@/utils/remote/remote-error';
import type { RejectedChange } from './rejections';
import type { SyncProblem } from './sync-state';

/** The problem a failed run reports, in words for people. */
export function problemFromError(error: unknown): SyncProblem {
  if (error instanceof RemoteError && error.code === 'offline') {
    return {
      code: 'offline',
      message: 'You are offline. Changes are kept and sync when you are back.',
    };
  }
  if (error instanceof RemoteError && error.code === 'unauthorized') {
    return {
      code: 'session-expired',
      message: 'Your session expired. Sign in again to sync.',
    };
  }
  return {
    code: 'failed',
    message: 'Sync failed and will try again shortly.',
  };
}

/** The problem of a run in which the server refused some changes. */
export function problemFromRejections(
  rejected: RejectedChange[],
): SyncProblem | null {
  if (rejected.length === 0) return null;
  const count = rejected.length;
  const noun = count === 1 ? 'change' : 'changes';
  return {
    code: 'rejected',
    message: `The server rejected ${count} ${noun}: ${rejected[0]?.reason}.`,
  };
}

/** The problem when nobody is signed in. */
export const SIGNED_OUT: SyncProblem = {
  code: 'signed-out',
  message: 'Sign in to sync your clips.',
};
