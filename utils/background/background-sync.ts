import type { SyncAlarm } from '@/utils/browser/alarms';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import { runSync } from '@/utils/sync/run-sync';
import {
  INITIAL_SYNC_STATE,
  readSyncState,
  type SyncState,
} from '@/utils/sync/sync-state';
import type { WorkspaceClients } from './workspace-clients';

/** What the background's sync runs need. */
export interface BackgroundSyncDeps {
  db: PeerclipDb;
  clients: WorkspaceClients;
  clock: DraftClock;
  alarm: SyncAlarm;
  /** This context's name for the sync lock. */
  owner: string;
}

/**
 * One sync of the workspace in force. In local-only mode it only reads
 * the state; once nobody is signed in it stops the minute alarm. It never
 * rejects: the outcome is the recorded state.
 */
export function backgroundSyncRun(
  deps: BackgroundSyncDeps,
): () => Promise<SyncState> {
  return async () => {
    try {
      const connection = await deps.clients.connection();
      if (!connection) return await readSyncState(deps.db);

      const { state } = await runSync({ ...deps, remote: connection.remote });
      if (state.problem?.code === 'signed-out') await deps.alarm.stop();
      return state;
    } catch (error) {
      console.error('[peerclip] Sync could not start.', error);
      return readSyncState(deps.db).catch(() => INITIAL_SYNC_STATE);
    }
  };
}
