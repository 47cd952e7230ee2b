import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openPeerclipDb } from '@/utils/store/database';
import { draftFromCapture } from '@/utils/store/draft-from-capture';
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
});
