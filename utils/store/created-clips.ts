import type { PeerclipDb } from './database';

/** What the server said of a clip it created for this browser. */
export interface CreatedFacts {
  version: number;
  authorId: string;
}

/** A clip one answer created, with the version it says. */
export interface CreatedClip {
  clipId: string;
  version: number;
}

/** The clips of one answer, as kept in one meta record. */
export interface CreatedRecord {
  key: string;
  authorId: string;
  clipIds: string[];
  versions: number[];
}

const PREFIX = 'sync.created.';

/**
 * New clips the server acknowledged whose rows do not say so yet. An
 * answer creating 500 clips is recorded in one write instead of 500 row
 * rewrites; the pull that follows writes each row once, with the server's
 * own copy, and then folds what is left onto the rows. A row's own facts
 * come first. Call inside a transaction that includes `meta`; sign-out
 * drops them with the other `sync.` keys.
 */
export const createdClips = {
  /** The records kept, oldest answer first. */
  records(db: PeerclipDb): Promise<CreatedRecord[]> {
    // Chained, not awaited: a nested native await inside a transaction
    // that other requests share lets Dexie commit it too early.
    return db.meta
      .where('key')
      .startsWith(PREFIX)
      .toArray()
      .then((rows) => rows.flatMap(({ key, value }) => recordOf(key, value)));
  },

  /** What the server said of each created clip, by clip id. */
  facts(db: PeerclipDb): Promise<Map<string, CreatedFacts>> {
    return createdClips.records(db).then(factsOf);
  },

  /** Records the clips one answer created for their author. */
  async add(
    db: PeerclipDb,
    authorId: string,
    created: CreatedClip[],
  ): Promise<void> {
    const first = created[0];
    if (!first) return;

    // An answer heard twice names the same clips: the key stays the same.
    await db.meta.put({
      key: PREFIX + first.clipId,
      value: {
        authorId,
        clipIds: created.map(({ clipId }) => clipId),
        versions: created.map(({ version }) => version),
      },
    });
  },

  /** Forgets records once their clips' rows say what they said. */
  async forget(db: PeerclipDb, records: CreatedRecord[]): Promise<void> {
    await db.meta.bulkDelete(records.map(({ key }) => key));
  },
};

/** What the records say of each clip, by clip id; later answers win. */
export function factsOf(records: CreatedRecord[]): Map<string, CreatedFacts> {
  const facts = new Map<string, CreatedFacts>();
  for (const { authorId, clipIds, versions } of records) {
    clipIds.forEach((id, index) =>
      facts.set(id, { version: versions[index]!, authorId }),
    );
  }
  return facts;
}

/** A stored record, or nothing when it is not shaped like one. */
function recordOf(key: string, value: unknown): CreatedRecord[] {
  const stored = value as Partial<CreatedRecord> | undefined;
  const clipIds = Array.isArray(stored?.clipIds) ? stored.clipIds : [];
  const versions = Array.isArray(stored?.versions) ? stored.versions : [];
  const shaped =
    typeof stored?.authorId === 'string' &&
    clipIds.length === versions.length &&
    clipIds.every((id) => typeof id === 'string') &&
    versions.every((version) => Number.isInteger(version));

  if (!shaped) return [];
  return [{ key, authorId: stored.authorId!, clipIds, versions }];
}
