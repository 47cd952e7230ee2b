import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Clip } from '@/utils/models/clip';
import type {
  FeedItem,
  WireChange,
  WireRecord,
} from '@/utils/remote/sync-wire';
import type {
  LocalComment,
  LocalEndorsement,
  LocalReview,
} from './discussion-types';
import { outboxInFlight } from './outbox-in-flight';

/**
 * A clip as IndexedDB keeps it: the Clip plus what sync knows of it.
 * Older rows and local-only drafts lack the sync fields.
 */
export interface StoredClip extends Clip {
  /** The server's version of the clip; null until it was first pushed. */
  version?: number | null;
  /** The author's account id, as the server says; null until pushed. */
  authorId?: string | null;
  /** Set on a conflict copy: the id of the clip whose change conflicted. */
  conflictOf?: string;
  /** Sent for publishing; set until a pull brings the clip's new state. */
  submitting?: boolean;
}

/** What a pending change does on the server. */
export type OutboxKind =
  | 'clip.upsert'
  | 'clip.delete'
  | 'clip.submit'
  | 'comment.upsert'
  | 'comment.delete'
  | 'endorsement.create'
  | 'endorsement.withdraw'
  | 'review.create';

/** A change made in this browser and not yet sent to the server. */
export interface OutboxEntry {
  /** Send order; made by IndexedDB. */
  seq?: number;
  /** Made on the client, so a retried push is applied once. */
  changeId: string;
  /** The clip the change is about, or the clip its row hangs on. */
  clipId: string;
  /**
   * The row the change is about: the clip, comment, endorsement or review.
   * Filled from `clipId` when absent, as for every clip change.
   */
  subjectId?: string;
  kind: OutboxKind;
  /** The server version the change was made on; null for a new clip. */
  baseVersion: number | null;
  createdAt: string;
  /**
   * The record to send, frozen when the change was queued; a
   * `clip.upsert` takes the clip again with every edit folded into it.
   * None on `clip.delete`, and on a `clip.upsert` queued by code that
   * predates it, which reads the clip when it leaves.
   */
  record?: WireRecord;
  /**
   * Queued while an earlier change of the row travelled: the version to
   * send it on is the one that change's answer brings, so the change is
   * built from the row as it is when it leaves.
   */
  baseUnknown?: boolean;
}

/** A key/value pair kept for later: the sync cursor, settings, UI memory. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * One page of the peer feed as the workspace last sent it to one person.
 * The feed is not replicated: these pages are only shown when offline.
 */
export interface CachedFeedPage {
  /** The reader, scope, target and cursor the page answers. */
  key: string;
  userId: string;
  items: FeedItem[];
  cursor: string | null;
  fetchedAt: string;
}

/**
 * A background answer kept for offline reading: a clip's detail, the
 * review queue, the directory. Keyed by reader, kind and id.
 */
export interface CachedPeerAnswer {
  /** JSON of the reader and what the answer is; see `peerCacheKey`. */
  key: string;
  userId: string;
  value: unknown;
  fetchedAt: string;
}

/** The key/value table, as the code that needs nothing else takes it. */
export type MetaTable = EntityTable<MetaEntry, 'key'>;

/** The Peerclip database with its typed tables. */
export type PeerclipDb = Dexie & {
  clips: EntityTable<StoredClip, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: MetaTable;
  feedPages: EntityTable<CachedFeedPage, 'key'>;
  comments: EntityTable<LocalComment, 'id'>;
  endorsements: EntityTable<LocalEndorsement, 'id'>;
  reviews: EntityTable<LocalReview, 'id'>;
  peerCache: EntityTable<CachedPeerAnswer, 'key'>;
};

/** The IndexedDB name every extension page and the worker share. */
export const DATABASE_NAME = 'peerclip';

/**
 * Opens the database. Every schema change is a new version below, never an
 * edit of an old one, so a browser holding older data upgrades in place.
 */
export function openPeerclipDb(name = DATABASE_NAME): PeerclipDb {
  const db = new Dexie(name) as PeerclipDb;

  db.version(1).stores({
    clips: 'id, updatedAt, state, canonicalUrl, site, *tags',
    outbox: '++seq, &changeId, clipId',
    meta: 'key',
  });
  db.version(2)
    .stores({
      clips: 'id, updatedAt, state, canonicalUrl, site, *tags, conflictOf',
    })
    .upgrade((tx) => copyServerFacts(tx.table('clips'), tx.table('meta')));
  db.version(3).stores({ feedPages: 'key, userId, fetchedAt' });
  db.version(4)
    .stores({
      outbox: '++seq, &changeId, clipId, subjectId',
      comments: 'id, clipId, authorId, createdAt',
      endorsements: 'id, clipId, endorserId',
      reviews: 'id, clipId, reviewerId',
      peerCache: 'key, userId, fetchedAt',
    })
    .upgrade((tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((entry: OutboxEntry) => {
          entry.subjectId = entry.subjectId ?? entry.clipId;
        }),
    );
  db.version(5)
    .stores({})
    .upgrade((tx) => moveSentIntoFlight(tx.table('outbox'), tx.table('meta')));
  db.version(6)
    .stores({})
    .upgrade((tx) => keepFactsOnRows(tx.table('clips'), tx.table('meta')));
  db.version(7)
    .stores({})
    .upgrade((tx) =>
      splitFlightByBatch(tx.table('outbox'), tx.table('meta') as MetaTable),
    );
  db.outbox.hook('creating', (_key, entry) => {
    // Clip changes queued by code that predates subjects name only the clip.
    if (entry.subjectId === undefined) entry.subjectId = entry.clipId;
  });

  return db;
}

/**
 * The key of a cached background answer of one reader: the reader, then
 * what the answer is, e.g. `'clip-detail', clipId`.
 */
export function peerCacheKey(userId: string, ...parts: string[]): string {
  return JSON.stringify([userId, ...parts]);
}

/** The meta-key prefix of the server facts sync keeps apart from rows. */
const SERVER_FACTS_PREFIX = 'sync.server.';

/**
 * Version 2 gives every clip its server version and author. Sync kept
 * them in the meta table before; copy them, so a draft the server has is
 * known as such from the first minute after the upgrade.
 */
async function copyServerFacts(
  clips: Table<StoredClip, string>,
  meta: Table<MetaEntry, string>,
): Promise<void> {
  const facts = new Map<string, { version?: number; authorId?: string }>();
  await meta
    .where('key')
    .startsWith(SERVER_FACTS_PREFIX)
    .each((entry) => {
      const id = entry.key.slice(SERVER_FACTS_PREFIX.length);
      facts.set(id, (entry.value ?? {}) as { version?: number });
    });

  await clips.toCollection().modify((clip) => {
    const known = facts.get(clip.id);
    clip.version = known?.version ?? null;
    clip.authorId = known?.authorId ?? null;
  });
}

/** A change sent and kept until its answer, as versions 5 and 6 did. */
interface SentChange {
  seq: number;
  change: WireChange;
}

/** An outbox entry up to version 4: sync froze the sent change on it. */
interface FrozenOutboxEntry extends OutboxEntry {
  sent?: WireChange;
}

/**
 * Version 5 keeps the batch in flight in one meta record instead of on
 * each entry. Entries frozen before the upgrade wait for an answer that
 * never came: they become that batch, to be sent again as they were.
 */
async function moveSentIntoFlight(
  outbox: Table<FrozenOutboxEntry, number>,
  meta: Table<MetaEntry, string>,
): Promise<void> {
  const inFlight: SentChange[] = [];
  await outbox
    .filter((entry) => entry.sent !== undefined)
    .modify((entry) => {
      inFlight.push({ seq: entry.seq as number, change: entry.sent! });
      delete entry.sent;
    });

  if (inFlight.length > 0) {
    await meta.put({ key: SINGLE_FLIGHT_KEY, value: inFlight });
  }
}

/** Where versions 5 and 6 kept the one batch that could be in flight. */
const SINGLE_FLIGHT_KEY = 'sync.inflight';

/**
 * Version 7 lets two batches be in flight, each kept as a ledger and its
 * changes. The one batch of version 6 becomes the first, unchanged.
 */
async function splitFlightByBatch(
  outbox: Table<OutboxEntry, number>,
  meta: MetaTable,
): Promise<void> {
  const single = await meta.get(SINGLE_FLIGHT_KEY);
  if (!single) return;
  const sent = (Array.isArray(single.value) ? single.value : []).filter(
    (item: Partial<SentChange>): item is SentChange =>
      typeof item?.seq === 'number' &&
      typeof item?.change?.change_id === 'string',
  );
  const entries = await outbox.bulkGet(sent.map(({ seq }) => seq));

  // An entry gone meanwhile names its row from the change it sent.
  const leaving = sent.map(({ seq, change }, index) => {
    const entry = entries[index];
    const subject = entry?.subjectId ?? entry?.clipId;
    return { seq, change, subject: subject ?? String(change.record?.id) };
  });
  await meta.delete(SINGLE_FLIGHT_KEY);
  // Rows edited since are not known: the answer reads them all again.
  const subjects = leaving.map(({ subject }) => subject);
  await outboxInFlight.add({ meta }, leaving, subjects);
}

/**
 * Version 6 keeps a clip's server facts on its row alone: the meta table
 * keeps them only for clips whose row is gone, whose deletion needs them.
 * Rows carry them since version 2, except conflict copies, which took the
 * version of the clip they copy although the server never saw them.
 */
async function keepFactsOnRows(
  clips: Table<StoredClip, string>,
  meta: Table<MetaEntry, string>,
): Promise<void> {
  const kept = await meta
    .where('key')
    .startsWith(SERVER_FACTS_PREFIX)
    .toArray();
  const facts = new Map(
    kept.map((entry) => [
      entry.key.slice(SERVER_FACTS_PREFIX.length),
      (entry.value ?? {}) as { version?: number; authorId?: string },
    ]),
  );

  await clips.toCollection().modify((clip) => {
    const known = facts.get(clip.id);
    clip.version = known?.version ?? null;
    if (known) clip.authorId = known.authorId || null;
  });
  const present = await clips.toCollection().primaryKeys();
  const onRows = present.filter((id) => facts.has(id));
  await meta.bulkDelete(onRows.map((id) => SERVER_FACTS_PREFIX + id));
}
