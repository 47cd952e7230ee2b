import Dexie, { type EntityTable } from 'dexie';
import type { Clip } from '@/utils/models/clip';

/** What a pending change does to a clip on the server. */
export type OutboxKind = 'clip.upsert' | 'clip.delete';

/** A change made in this browser and not yet sent to the server. */
export interface OutboxEntry {
  /** Send order; made by IndexedDB. */
  seq?: number;
  /** Made on the client, so a retried push is applied once. */
  changeId: string;
  clipId: string;
  kind: OutboxKind;
  /** The server version the change was made on; null for a new clip. */
  baseVersion: number | null;
  createdAt: string;
}

/** A key/value pair kept for later: the sync cursor, settings, UI memory. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The Peerclip database with its typed tables. */
export type PeerclipDb = Dexie & {
  clips: EntityTable<Clip, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaEntry, 'key'>;
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

  return db;
}
