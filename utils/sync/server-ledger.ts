import type { PeerclipDb } from '@/utils/store/database';

/** What the server said last about one clip this browser holds. */
export interface ServerFacts {
  /** The version the local row is based on: sent as `base_version`. */
  version: number;
  authorId: string;
}

const PREFIX = 'sync.server.';

/**
 * The server's version and author of every clip that reached the server,
 * kept in the meta table. It outlives the clip row, which a deletion
 * removes before its change is pushed, and the deletion still needs the
 * version it was made on. Call inside a transaction that includes `meta`.
 */
export const serverLedger = {
  async get(db: PeerclipDb, clipId: string): Promise<ServerFacts | undefined> {
    const entry = await db.meta.get(PREFIX + clipId);
    return entry?.value as ServerFacts | undefined;
  },

  /** Records the facts, on the clip row too; include `clips` as well. */
  async set(db: PeerclipDb, clipId: string, facts: ServerFacts): Promise<void> {
    await db.meta.put({ key: PREFIX + clipId, value: facts });
    await db.clips.update(clipId, {
      version: facts.version,
      authorId: facts.authorId || null,
    });
  },

  /** The facts of many clips at once, in the order of `clipIds`. */
  async getMany(
    db: PeerclipDb,
    clipIds: string[],
  ): Promise<(ServerFacts | undefined)[]> {
    const entries = await db.meta.bulkGet(clipIds.map((id) => PREFIX + id));
    return entries.map((entry) => entry?.value as ServerFacts | undefined);
  },

  /**
   * Records the facts of many clips in one bulk write, in the ledger
   * only: the caller writes the clip rows, which it has read already.
   */
  async putMany(
    db: PeerclipDb,
    facts: { clipId: string; facts: ServerFacts }[],
  ): Promise<void> {
    await db.meta.bulkPut(
      facts.map(({ clipId, facts }) => ({
        key: PREFIX + clipId,
        value: facts,
      })),
    );
  },

  async remove(db: PeerclipDb, clipId: string): Promise<void> {
    await db.meta.delete(PREFIX + clipId);
  },

  async removeMany(db: PeerclipDb, clipIds: string[]): Promise<void> {
    await db.meta.bulkDelete(clipIds.map((id) => PREFIX + id));
  },

  /** The ids of every clip the ledger knows. */
  async clipIds(db: PeerclipDb): Promise<string[]> {
    const keys = await db.meta.where('key').startsWith(PREFIX).primaryKeys();
    return keys.map((key) => String(key).slice(PREFIX.length));
  },
};
