import type { PeerclipDb } from '@/utils/store/database';

/** Who holds the sync lock, and until when (ms since 1970). */
export interface SyncLease {
  owner: string;
  expiresAt: number;
}

const KEY = 'sync.lease';

/** Long enough for a slow push; short enough that a dead holder frees it. */
export const LEASE_MS = 60_000;

/**
 * The lock that lets one sync run at a time across the worker, popup, side
 * panel and options. It is a lease in IndexedDB, which every extension
 * context shares: taking it is one read-write transaction, so two contexts
 * never both win, and it expires on its own when its holder is stopped
 * mid-run (the service worker is, when idle), so nothing stays locked.
 * `navigator.locks` would free a dead holder at once, but it is not in the
 * test runtime, and a lease also lets a holder notice it lost the lock.
 */
export const syncLock = {
  /** Takes or renews the lease; false while another owner holds it. */
  async acquire(
    db: PeerclipDb,
    owner: string,
    now: number,
    leaseMs = LEASE_MS,
  ): Promise<boolean> {
    return db.transaction('rw', db.meta, async () => {
      const held = (await db.meta.get(KEY))?.value as SyncLease | undefined;
      if (held && held.owner !== owner && held.expiresAt > now) return false;

      await db.meta.put({
        key: KEY,
        value: { owner, expiresAt: now + leaseMs },
      });
      return true;
    });
  },

  /** Frees the lease, unless it has passed to someone else. */
  async release(db: PeerclipDb, owner: string): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const held = (await db.meta.get(KEY))?.value as SyncLease | undefined;
      if (held?.owner === owner) await db.meta.delete(KEY);
    });
  },
};
