import type { PeerclipDb } from './database';

const KEY = 'sync.held-drafts';

/**
 * Drafts written in local-only mode, held back from sync once an account
 * signs in until their author chooses to upload them. A held draft has no
 * outbox entry; uploading queues it as it is then. Call inside a
 * transaction that includes `meta`.
 */
export const heldDrafts = {
  /** The ids of the held drafts. */
  list(db: PeerclipDb): Promise<string[]> {
    // Chained, not awaited: a nested native await inside a transaction
    // that other requests share lets Dexie commit it too early.
    return db.meta
      .get(KEY)
      .then((entry) =>
        Array.isArray(entry?.value) ? (entry.value as string[]) : [],
      );
  },

  /** True when the draft waits for its author's consent to upload. */
  has(db: PeerclipDb, clipId: string): Promise<boolean> {
    return heldDrafts.list(db).then((ids) => ids.includes(clipId));
  },

  /** Replaces the held drafts; an empty list forgets the key. */
  async set(db: PeerclipDb, clipIds: string[]): Promise<void> {
    if (clipIds.length === 0) {
      await db.meta.delete(KEY);
      return;
    }
    await db.meta.put({ key: KEY, value: clipIds });
  },
};
