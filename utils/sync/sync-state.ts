import { liveQuery, type Observable } from 'dexie';
import type { PeerclipDb } from '@/utils/store/database';

/**
 * What went wrong in the last sync, for the UI to say:
 * - `offline`: the workspace could not be reached;
 * - `signed-out`: nobody is signed in;
 * - `session-expired`: the session ended; sign in again;
 * - `rejected`: the server refused some changes (see the rejections);
 * - `failed`: anything else; sync tries again later.
 */
export type SyncProblemCode =
  'offline' | 'signed-out' | 'session-expired' | 'rejected' | 'failed';

/** A problem with a sentence for people. */
export interface SyncProblem {
  code: SyncProblemCode;
  message: string;
}

/** What the side panel and options show about sync. */
export interface SyncState {
  /** ISO time of the last run that pushed and pulled everything. */
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Changes still in the outbox. */
  pendingCount: number;
  problem: SyncProblem | null;
}

const KEY = 'sync.state';

/** The state before the first sync. */
export const INITIAL_SYNC_STATE: SyncState = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  pendingCount: 0,
  problem: null,
};

/** The last recorded sync state. */
export async function readSyncState(db: PeerclipDb): Promise<SyncState> {
  const entry = await db.meta.get(KEY);
  return { ...INITIAL_SYNC_STATE, ...(entry?.value as Partial<SyncState>) };
}

/** Records the outcome of a run, with the outbox count as it is now. */
export async function writeSyncState(
  db: PeerclipDb,
  changes: Partial<SyncState>,
): Promise<SyncState> {
  return db.transaction('rw', db.meta, db.outbox, async () => {
    const state = {
      ...(await readSyncState(db)),
      ...changes,
      pendingCount: await db.outbox.count(),
    };
    await db.meta.put({ key: KEY, value: state });
    return state;
  });
}

/** `readSyncState` that emits again whenever a run records a new state. */
export function observeSyncState(db: PeerclipDb): Observable<SyncState> {
  return liveQuery(() => readSyncState(db));
}
