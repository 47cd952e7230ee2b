import { createdClips, factsOf } from '@/utils/store/created-clips';
import type { PeerclipDb, StoredClip } from '@/utils/store/database';

/** What the server said last about one clip this browser holds. */
export interface ServerFacts {
  /** The version the local row is based on: sent as `base_version`. */
  version: number;
  authorId: string;
}

const PREFIX = 'sync.server.';

/**
 * The server's version and author of every clip that reached the server.
 * A clip row carries them itself (a null version until the server has
 * it), so recording them costs no write beyond the row's. A new clip the
 * server acknowledged has them in createdClips until the pull writes its
 * row. The meta table keeps them for a clip whose row is gone while the
 * server still has it: its deletion, on its way, needs the version it was
 * made on. Call inside a transaction that includes `clips` and `meta`.
 */
export const serverLedger = {
  /** The facts a clip row carries; none while the server lacks it. */
  ofRow(clip: StoredClip | undefined): ServerFacts | undefined {
    if (clip?.version === null || clip?.version === undefined) return;
    return { version: clip.version, authorId: clip.authorId ?? '' };
  },

  /** What the server said last of one clip. */
  async get(db: PeerclipDb, clipId: string): Promise<ServerFacts | undefined> {
    const [facts] = await serverLedger.getMany(db, [clipId]);
    return facts;
  },

  /** The facts of many clips at once, in the order of `clipIds`. */
  async getMany(
    db: PeerclipDb,
    clipIds: string[],
  ): Promise<(ServerFacts | undefined)[]> {
    const rows = await db.clips.bulkGet(clipIds);
    return serverLedger.withRows(db, clipIds, rows);
  },

  /**
   * The facts of clips whose rows the caller read already, in the order
   * of `clipIds`: the meta table is read only for clips whose row is gone
   * or says nothing yet.
   */
  async withRows(
    db: PeerclipDb,
    clipIds: string[],
    rows: (StoredClip | undefined)[],
  ): Promise<(ServerFacts | undefined)[]> {
    const gone = clipIds.filter((_, index) => !rows[index]);
    const kept = await serverLedger.ofGone(db, gone);
    const ofGone = new Map(gone.map((id, index) => [id, kept[index]]));
    const bare = rows.some((row) => row && !serverLedger.ofRow(row));
    const created = bare ? await createdClips.facts(db) : new Map();

    return clipIds.map((id, index) => {
      const row = rows[index];
      if (!row) return ofGone.get(id);
      return serverLedger.ofRow(row) ?? created.get(id);
    });
  },

  /** The kept facts of clips whose row is gone, in the same order. */
  ofGone(
    db: PeerclipDb,
    clipIds: string[],
  ): Promise<(ServerFacts | undefined)[]> {
    const keys = clipIds.map((id) => PREFIX + id);
    return db.meta
      .bulkGet(keys)
      .then((kept) => kept.map((entry) => entry?.value as ServerFacts));
  },

  /** Records the facts on the clip's row, or, with no row, in meta. */
  async set(db: PeerclipDb, clipId: string, facts: ServerFacts): Promise<void> {
    const updated = await db.clips.update(clipId, {
      version: facts.version,
      authorId: facts.authorId || null,
    });

    if (updated) await db.meta.delete(PREFIX + clipId);
    else await serverLedger.keepForGone(db, [{ clipId, facts }]);
  },

  /**
   * Keeps the facts of clips whose row is gone, in one bulk write; the
   * caller writes the facts of the others onto their rows.
   */
  async keepForGone(
    db: PeerclipDb,
    gone: { clipId: string; facts: ServerFacts }[],
  ): Promise<void> {
    await db.meta.bulkPut(
      gone.map(({ clipId, facts }) => ({
        key: PREFIX + clipId,
        value: facts,
      })),
    );
  },

  /** Forgets the kept facts of a clip the server no longer has. */
  async remove(db: PeerclipDb, clipId: string): Promise<void> {
    await db.meta.delete(PREFIX + clipId);
  },

  async removeMany(db: PeerclipDb, clipIds: string[]): Promise<void> {
    await db.meta.bulkDelete(clipIds.map((id) => PREFIX + id));
  },

  /**
   * Writes what createdClips holds onto the rows that still say nothing,
   * then forgets it. `written` names rows the caller wrote with the
   * server's facts already: they are not read again.
   */
  async foldCreated(
    db: PeerclipDb,
    written: ReadonlySet<string>,
  ): Promise<void> {
    const records = await createdClips.records(db);
    if (records.length === 0) return;
    const facts = factsOf(records);
    const unwritten = [...facts.keys()].filter((id) => !written.has(id));

    const rows = await db.clips.bulkGet(unwritten);
    const bare = rows.filter(
      (row): row is StoredClip => !!row && !serverLedger.ofRow(row),
    );
    await db.clips.bulkPut(
      bare.map((row) => {
        const { version, authorId } = facts.get(row.id)!;
        return { ...row, version, authorId: authorId || null };
      }),
    );
    await createdClips.forget(db, records);
  },

  /** The ids of the clips gone from this browser the server still has. */
  async goneClipIds(db: PeerclipDb): Promise<string[]> {
    const keys = await db.meta.where('key').startsWith(PREFIX).primaryKeys();
    return keys.map((key) => String(key).slice(PREFIX.length));
  },
};
