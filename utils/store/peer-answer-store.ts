import { peerCacheKey, type PeerclipDb } from './database';

/** A cached answer and when the workspace gave it. */
export interface StoredPeerAnswer {
  value: unknown;
  fetchedAt: string;
}

/**
 * The background's last answers about peers (a clip in detail, the review
 * queue, the directory), kept per reader so they can be shown offline and
 * never to another account signed in later in the same browser.
 */
export class PeerAnswerStore {
  constructor(private readonly db: PeerclipDb) {}

  /** The reader's last answer under a key, if any. */
  async read(
    userId: string,
    key: string,
  ): Promise<StoredPeerAnswer | undefined> {
    const row = await this.db.peerCache.get(peerCacheKey(userId, key));
    return row && { value: row.value, fetchedAt: row.fetchedAt };
  }

  /** Keeps an answer, replacing the reader's last one under the key. */
  async write(
    userId: string,
    key: string,
    value: unknown,
    fetchedAt: string,
  ): Promise<void> {
    await this.db.peerCache.put({
      key: peerCacheKey(userId, key),
      userId,
      value,
      fetchedAt,
    });
  }

  /** Forgets every answer of a reader, as when they sign out. */
  async forget(userId: string): Promise<void> {
    await this.db.peerCache.where('userId').equals(userId).delete();
  }
}
