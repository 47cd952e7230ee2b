import { liveQuery } from 'dexie';
import type { SyncAlarm } from '@/utils/browser/alarms';
import type { PeerclipDb } from '@/utils/store/database';
import type { SyncScheduler } from './sync-scheduler';

/** What starts a sync besides the requests of the pages. */
export interface SyncTriggers {
  alarm: SyncAlarm;
  scheduler: SyncScheduler;
  /** Registers the listener for the browser getting its network back. */
  onBackOnline(listener: () => void): void;
}

/**
 * Syncs on the minute alarm and when the network comes back at once, and
 * shortly after a local change.
 */
export function startSyncTriggers(db: PeerclipDb, triggers: SyncTriggers) {
  const { alarm, scheduler } = triggers;
  alarm.onFire(() => void scheduler.now());
  triggers.onBackOnline(() => void scheduler.now());
  return watchLocalChanges(db, () => scheduler.soon());
}

/**
 * Calls back when a change is queued in the outbox, from any extension
 * context: Dexie tells every context sharing the database. A newer entry
 * is a new local change; entries leaving after a push are not.
 */
export function watchLocalChanges(db: PeerclipDb, changed: () => void) {
  let newest: number | undefined;
  return liveQuery(
    async () => (await db.outbox.orderBy('seq').last())?.seq ?? 0,
  ).subscribe({
    next(seq) {
      const isNew = newest !== undefined && seq > newest;
      newest = Math.max(newest ?? 0, seq);
      if (isNew) changed();
    },
    error(error) {
      console.warn('[peerclip] Stopped watching for local changes.', error);
    },
  });
}
