import type { ChangeType } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';

/** A change the server refused, kept so its author sees why. */
export interface RejectedChange {
  changeId: string;
  clipId: string;
  type: ChangeType;
  /** The server's sentence, e.g. "note: longer than 20000 characters". */
  reason: string;
  /** The SQLSTATE the server gave. */
  code: string;
  rejectedAt: string;
}

const KEY = 'sync.rejected';

/**
 * The changes the server rejected, out of the outbox so they never block
 * the rest, kept in the meta table until the author dismisses them.
 */
export const rejections = {
  async list(db: PeerclipDb): Promise<RejectedChange[]> {
    const entry = await db.meta.get(KEY);
    return Array.isArray(entry?.value) ? (entry.value as RejectedChange[]) : [];
  },

  /** Adds rejections; call inside a transaction that includes `meta`. */
  async add(db: PeerclipDb, added: RejectedChange[]): Promise<void> {
    if (added.length === 0) return;
    const kept = await rejections.list(db);
    await db.meta.put({ key: KEY, value: [...kept, ...added] });
  },

  /** Forgets one rejection once its author has seen it. */
  async dismiss(db: PeerclipDb, changeId: string): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const kept = await rejections.list(db);
      const left = kept.filter((entry) => entry.changeId !== changeId);
      await db.meta.put({ key: KEY, value: left });
    });
  },
};
