import { describe, expect, it } from 'vitest';
import { draftFromCapture } from '@/utils/store/draft-from-capture';
import { keepConflictCopy } from '@/utils/sync/conflict-copy';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

describe('keepConflictCopy', () => {
  it('gives the copy no server version of the clip it copies', async () => {
    const db = freshDatabase();
    const clock = countingClock();
    const local = { ...draftFromCapture(fakeCapture(), clock), version: 3 };

    const copy = await keepConflictCopy(db, local, clock);

    expect((await db.clips.get(copy.id))?.version).toBeNull();
  });
});
