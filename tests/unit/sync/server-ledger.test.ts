import { beforeEach, describe, expect, it } from 'vitest';
import type { PeerclipDb } from '@/utils/store/database';
import { draftFromCapture } from '@/utils/store/draft-from-capture';
import { serverLedger } from '@/utils/sync/server-ledger';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const facts = { version: 3, authorId: 'author-1' };

describe('serverLedger', () => {
  let db: PeerclipDb;
  let clipId: string;

  beforeEach(async () => {
    db = freshDatabase();
    const draft = draftFromCapture(fakeCapture(), countingClock());
    clipId = await db.clips.add({ ...draft, version: null });
  });

  it('reads the facts of a clip from its row', async () => {
    await db.clips.update(clipId, { version: 3, authorId: 'author-1' });

    expect(await serverLedger.get(db, clipId)).toEqual(facts);
  });

  it('knows nothing of a draft the server never had', async () => {
    expect(await serverLedger.get(db, clipId)).toBeUndefined();
  });

  it('records the facts on the row, not in the meta table', async () => {
    await serverLedger.set(db, clipId, facts);

    expect((await db.clips.get(clipId))?.version).toBe(3);
    expect(await serverLedger.goneClipIds(db)).toEqual([]);
  });

  it('keeps the facts of a clip whose row is gone', async () => {
    await db.clips.delete(clipId);

    await serverLedger.set(db, clipId, facts);

    expect(await serverLedger.get(db, clipId)).toEqual(facts);
  });

  it('forgets the kept facts once the row is back', async () => {
    await serverLedger.keepForGone(db, [{ clipId, facts }]);

    await serverLedger.set(db, clipId, { ...facts, version: 5 });

    expect(await serverLedger.goneClipIds(db)).toEqual([]);
  });
});
