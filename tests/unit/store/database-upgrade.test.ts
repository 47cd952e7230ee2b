import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openPeerclipDb } from '@/utils/store/database';
import { draftFromCapture } from '@/utils/store/draft-from-capture';
import { outboxInFlight } from '@/utils/store/outbox-in-flight';
import { nextBatch } from '@/utils/sync/next-batch';
import { countingClock, fakeCapture } from '../fakes/captures';

/** Writes a database the way version 1 of the schema left it. */
async function versionOneDatabase(name: string): Promise<string> {
  const old = new Dexie(name);
  old.version(1).stores({
    clips: 'id, updatedAt, state, canonicalUrl, site, *tags',
    outbox: '++seq, &changeId, clipId',
    meta: 'key',
  });
  const pushed = draftFromCapture(fakeCapture(), countingClock());
  await old.table('clips').add(pushed);
  await old.table('meta').put({
    key: `sync.server.${pushed.id}`,
    value: { version: 4, authorId: 'author-1' },
  });
  old.close();
  return pushed.id;
}

/** Writes a database the way version 3 left it, with one queued change. */
async function versionThreeDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({
    clips: 'id, updatedAt, state, canonicalUrl, site, *tags',
    outbox: '++seq, &changeId, clipId',
    meta: 'key',
  });
  old.version(2).stores({
    clips: 'id, updatedAt, state, canonicalUrl, site, *tags, conflictOf',
  });
  old.version(3).stores({ feedPages: 'key, userId, fetchedAt' });
  await old.table('outbox').add({
    changeId: 'change-1',
    clipId: 'clip-1',
    kind: 'clip.upsert',
    baseVersion: null,
    createdAt: '2026-12-03T09:00:00.000Z',
  });
  old.close();
}

/** Writes a database the way version 4 left it: a sent entry, a later one. */
async function versionFourDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(4).stores({
    clips: 'id, updatedAt, state, canonicalUrl, site, *tags, conflictOf',
    outbox: '++seq, &changeId, clipId, subjectId',
    meta: 'key',
  });
  const entry = (changeId: string, sent?: object) => ({
    changeId,
    clipId: 'clip-1',
    subjectId: 'clip-1',
    kind: 'clip.upsert',
    baseVersion: null,
    createdAt: '2026-12-03T09:00:00.000Z',
    ...(sent ? { sent } : {}),
  });
  await old
    .table('outbox')
    .bulkAdd([
      entry('change-1', { change_id: 'change-1', type: 'clip.upsert' }),
      entry('change-2'),
    ]);
  old.close();
}

/**
 * Writes a database the way version 5 left it: a pushed clip with its
 * facts in meta too, a conflict copy that took its version, and the facts
 * of a clip whose row is gone. Answers the ids of the two rows.
 */
async function versionFiveDatabase(name: string): Promise<string[]> {
  const old = new Dexie(name);
  old.version(5).stores({
    clips: 'id, updatedAt, state, canonicalUrl, site, *tags, conflictOf',
    outbox: '++seq, &changeId, clipId, subjectId',
    meta: 'key',
  });
  const clock = countingClock();
  const facts = { version: 4, authorId: 'author-1' };
  const pushed = { ...draftFromCapture(fakeCapture(), clock), ...facts };
  const copy = { ...pushed, id: 'copy-1', conflictOf: pushed.id };
  await old.table('clips').bulkAdd([pushed, copy]);
  await old.table('meta').bulkPut([
    { key: `sync.server.${pushed.id}`, value: facts },
    { key: 'sync.server.gone-1', value: facts },
  ]);
  old.close();
  return [pushed.id, copy.id];
}

/**
 * Writes a database the way version 6 left it: one batch in flight under
 * the single key of that version, and a change queued after it.
 */
async function versionSixDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(6).stores({
    clips: 'id, updatedAt, state, canonicalUrl, site, *tags, conflictOf',
    outbox: '++seq, &changeId, clipId, subjectId',
    meta: 'key',
  });
  const entry = (changeId: string) => ({
    changeId,
    clipId: 'clip-1',
    subjectId: 'clip-1',
    kind: 'clip.upsert',
    baseVersion: null,
    createdAt: '2026-12-03T09:00:00.000Z',
  });
  await old.table('outbox').bulkAdd([entry('change-1'), entry('change-2')]);
  await old.table('meta').put({
    key: 'sync.inflight',
    value: [{ seq: 1, change: { change_id: 'change-1', type: 'clip.upsert' } }],
  });
  old.close();
}

describe('openPeerclipDb', () => {
  it('copies the server version and author onto clips when upgrading', async () => {
    const name = `peerclip-upgrade-${Math.random()}`;
    const id = await versionOneDatabase(name);

    const clip = await openPeerclipDb(name).clips.get(id);

    expect(clip).toMatchObject({ version: 4, authorId: 'author-1' });
  });

  it('finds conflict copies by the clip they copy', async () => {
    const db = openPeerclipDb(`peerclip-conflicts-${Math.random()}`);
    const copy = draftFromCapture(fakeCapture(), countingClock());
    await db.clips.add({ ...copy, conflictOf: 'original' });

    const copies = await db.clips
      .where('conflictOf')
      .equals('original')
      .count();

    expect(copies).toBe(1);
  });

  it('names the clip as the subject of changes queued before version 4', async () => {
    const name = `peerclip-subjects-${Math.random()}`;
    await versionThreeDatabase(name);

    const queued = await openPeerclipDb(name)
      .outbox.where('subjectId')
      .equals('clip-1')
      .count();

    expect(queued).toBe(1);
  });

  it('names the clip as the subject of a clip change queued without one', async () => {
    const db = openPeerclipDb(`peerclip-hook-${Math.random()}`);

    await db.outbox.add({
      changeId: 'change-1',
      clipId: 'clip-1',
      kind: 'clip.delete',
      baseVersion: 2,
      createdAt: '2026-12-03T09:00:00.000Z',
    });

    expect((await db.outbox.toArray())[0]?.subjectId).toBe('clip-1');
  });

  it('finds the comments of a clip in the new table', async () => {
    const name = `peerclip-comments-${Math.random()}`;
    await versionThreeDatabase(name);
    const db = openPeerclipDb(name);
    await db.comments.add({
      id: 'comment-1',
      clipId: 'clip-1',
      parentId: null,
      authorId: 'author-1',
      body: 'Good find.',
      version: 1,
      createdAt: '2026-12-03T09:00:00.000Z',
      updatedAt: '2026-12-03T09:00:00.000Z',
      deleted: false,
      pending: false,
    });

    const thread = await db.comments.where('clipId').equals('clip-1').count();

    expect(thread).toBe(1);
  });

  it('keeps a change sent before version 5 in flight as it was', async () => {
    const name = `peerclip-in-flight-${Math.random()}`;
    await versionFourDatabase(name);

    const inFlight = await outboxInFlight.list(openPeerclipDb(name));

    expect(inFlight).toEqual([
      { seq: 1, change: { change_id: 'change-1', type: 'clip.upsert' } },
    ]);
  });

  it('keeps the batch in flight of version 6 as the first one', async () => {
    const name = `peerclip-one-flight-${Math.random()}`;
    await versionSixDatabase(name);

    const ledgers = await outboxInFlight.ledgers(openPeerclipDb(name));

    expect(ledgers).toEqual([
      { number: 1, seqs: [1], subjects: ['clip-1'], touched: ['clip-1'] },
    ]);
  });

  it('sends the batch in flight of version 6 again as it was', async () => {
    const name = `peerclip-one-flight-${Math.random()}`;
    await versionSixDatabase(name);
    const db = openPeerclipDb(name);

    const again = await nextBatch(db, { maxItems: 10, maxBytes: 1e9 });

    expect(again.map(({ change }) => change)).toEqual([
      { change_id: 'change-1', type: 'clip.upsert' },
    ]);
    expect(await db.meta.get('sync.inflight')).toBeUndefined();
  });

  it('leaves no change frozen on its entry after version 5', async () => {
    const name = `peerclip-unfrozen-${Math.random()}`;
    await versionFourDatabase(name);

    const entries = await openPeerclipDb(name).outbox.toArray();

    expect(entries.filter((entry) => 'sent' in entry)).toEqual([]);
  });

  it('keeps the server facts of a present clip on its row alone', async () => {
    const name = `peerclip-facts-${Math.random()}`;
    const [pushedId] = await versionFiveDatabase(name);
    const db = openPeerclipDb(name);

    const clip = await db.clips.get(pushedId!);

    expect(clip).toMatchObject({ version: 4, authorId: 'author-1' });
    expect(await db.meta.get(`sync.server.${pushedId}`)).toBeUndefined();
  });

  it('forgets the version a conflict copy took from its clip', async () => {
    const name = `peerclip-copy-${Math.random()}`;
    const [, copyId] = await versionFiveDatabase(name);

    const copy = await openPeerclipDb(name).clips.get(copyId!);

    expect(copy?.version).toBeNull();
  });

  it('keeps the server facts of a clip whose row is gone', async () => {
    const name = `peerclip-gone-${Math.random()}`;
    await versionFiveDatabase(name);

    const kept = await openPeerclipDb(name).meta.get('sync.server.gone-1');

    expect(kept?.value).toEqual({ version: 4, authorId: 'author-1' });
  });
});
