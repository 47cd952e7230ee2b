import type { RemoteApi } from '@/utils/remote/remote-api';
import { RemoteError } from '@/utils/remote/remote-error';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import type { BatchLimits } from './batching';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import { syncLock } from './sync-lock';
import {
  problemFromError,
  problemFromRejections,
  SIGNED_OUT,
} from './sync-problem';
import {
  INITIAL_SYNC_STATE,
  readSyncState,
  writeSyncState,
  type SyncState,
} from './sync-state';

/** What a sync run needs, handed in by the background. */
export interface SyncDeps {
  db: PeerclipDb;
  remote: RemoteApi;
  /** Ids for conflict copies and outbox entries, and the time. */
  clock: DraftClock;
  /** This context's name for the lock, unique per running context. */
  owner: string;
  limits?: BatchLimits;
  pullPageSize?: number;
}

/** A run's result: the state it recorded, and whether it ran at all. */
export interface SyncRun {
  /** False when another context was already syncing. */
  ran: boolean;
  state: SyncState;
}

/**
 * One sync: take the lock, refresh the session, push the outbox, pull what
 * changed, record the state the UI shows. It never rejects: failure is the
 * recorded problem. A network failure while refreshing keeps the session.
 */
export async function runSync(deps: SyncDeps): Promise<SyncRun> {
  const { db, owner, clock } = deps;
  if (!(await syncLock.acquire(db, owner, clock.now().getTime()))) {
    return { ran: false, state: await readSyncState(db) };
  }

  try {
    return { ran: true, state: await syncWhileLocked(deps) };
  } catch (error) {
    if (!(error instanceof RemoteError)) {
      console.error('[peerclip] Sync stopped on an unexpected error.', error);
    }
    const problem = problemFromError(error);
    // Even a database that refuses the state leaves the caller an answer.
    const state = await recordAttempt(deps, problem).catch(() => ({
      ...INITIAL_SYNC_STATE,
      problem,
    }));
    return { ran: true, state };
  } finally {
    await syncLock.release(db, owner).catch(() => undefined);
  }
}

async function syncWhileLocked(deps: SyncDeps): Promise<SyncState> {
  const { db, remote, clock, owner } = deps;
  const session = await remote.getSession();
  if (!session) return recordAttempt(deps, SIGNED_OUT);

  const stillHolding = () => syncLock.acquire(db, owner, clock.now().getTime());
  const pushed = await pushOutbox(db, remote, {
    clock,
    userId: session.userId,
    limits: deps.limits,
    stillHolding,
  });
  if (!(await stillHolding())) return readSyncState(db);
  await pullChanges(db, remote, deps.pullPageSize);

  const problem = problemFromRejections(pushed.rejected);
  return writeSyncState(db, {
    lastSuccessAt: clock.now().toISOString(),
    lastAttemptAt: clock.now().toISOString(),
    problem,
  });
}

function recordAttempt(deps: SyncDeps, problem: SyncState['problem']) {
  return writeSyncState(deps.db, {
    lastAttemptAt: deps.clock.now().toISOString(),
    problem,
  });
}
