import type { SyncState } from '@/utils/sync/sync-state';

/** How long after a local change the sync waits for more changes. */
export const CHANGE_DELAY_MS = 2000;

/** When to sync: now, or shortly, gathering changes made close together. */
export interface SyncScheduler {
  /**
   * Syncs now. While a run is going, asks for one more after it and
   * answers with that one's state.
   */
  now(): Promise<SyncState>;
  /** Syncs once no further call has come for a short while. */
  soon(): void;
}

/**
 * The scheduler of this context's runs. `run` never rejects (failure is
 * state); the sync lock keeps other contexts' runs apart.
 */
export function createSyncScheduler(
  run: () => Promise<SyncState>,
  delayMs = CHANGE_DELAY_MS,
): SyncScheduler {
  let running: Promise<SyncState> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const loop = async (): Promise<SyncState> => {
    try {
      let state: SyncState;
      do {
        again = false;
        state = await run();
      } while (again);
      return state;
    } finally {
      running = null;
    }
  };

  const now = (): Promise<SyncState> => {
    if (running) {
      again = true;
      return running;
    }
    // This run takes every change queued so far; no need for another.
    clearTimeout(timer);
    running = loop();
    return running;
  };

  return {
    now,
    soon() {
      clearTimeout(timer);
      timer = setTimeout(() => void now(), delayMs);
    },
  };
}
