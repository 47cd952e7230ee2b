import { beforeEach, describe, expect, it } from 'vitest';
import { createdClips } from '@/utils/store/created-clips';
import type { PeerclipDb } from '@/utils/store/database';
import { freshDatabase } from '../fakes/database';

describe('createdClips', () => {
  let db: PeerclipDb;

  beforeEach(() => {
    db = freshDatabase();
  });

  it('says what one answer said of each clip it created', async () => {
    await createdClips.add(db, 'author-1', [
      { clipId: 'clip-1', version: 1 },
      { clipId: 'clip-2', version: 1 },
    ]);

    const facts = await createdClips.facts(db);

    expect(facts.get('clip-2')).toEqual({ version: 1, authorId: 'author-1' });
  });

  it('keeps an answer heard twice as one record', async () => {
    const created = [{ clipId: 'clip-1', version: 1 }];
    await createdClips.add(db, 'author-1', created);

    await createdClips.add(db, 'author-1', created);

    expect(await createdClips.records(db)).toHaveLength(1);
  });

  it('writes nothing for an answer that created nothing', async () => {
    await createdClips.add(db, 'author-1', []);

    expect(await db.meta.count()).toBe(0);
  });

  it('reads a malformed record as nothing created', async () => {
    await db.meta.put({
      key: 'sync.created.clip-1',
      value: { authorId: 'author-1', clipIds: ['clip-1'], versions: ['1'] },
    });

    expect((await createdClips.facts(db)).size).toBe(0);
  });

  it('forgets the records it is given', async () => {
    await createdClips.add(db, 'author-1', [{ clipId: 'clip-1', version: 1 }]);

    await createdClips.forget(db, await createdClips.records(db));

    expect(await createdClips.records(db)).toEqual([]);
  });
});
