import { beforeEach, describe, expect, it } from 'vitest';
import {
  countActivity,
  markActivitySeen,
  readActivitySeenAt,
  recentActivity,
} from '@/utils/store/activity';
import type { PeerclipDb } from '@/utils/store/database';
import { draftFromCapture } from '@/utils/store/draft-from-capture';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const me = 'reader-1';
const peer = 'peer-1';
const before = '2026-12-03T08:00:00.000Z';
const after = '2026-12-03T10:00:00.000Z';

async function clipBy(db: PeerclipDb, authorId: string): Promise<string> {
  const clip = draftFromCapture(fakeCapture(), countingClock());
  const id = `${authorId}-clip-${Math.random()}`;
  await db.clips.add({ ...clip, id, authorId });
  return id;
}

function comment(clipId: string, authorId: string, createdAt = after) {
  return {
    id: `comment-${Math.random()}`,
    clipId,
    parentId: null,
    authorId,
    body: 'Good find.',
    version: 1,
    createdAt,
    updatedAt: createdAt,
    deleted: false,
    pending: false,
  };
}

describe('countActivity', () => {
  let db: PeerclipDb;
  let mine: string;

  beforeEach(async () => {
    db = freshDatabase();
    mine = await clipBy(db, me);
  });

  it("counts a peer's comment on my clip made since I looked", async () => {
    await db.comments.add(comment(mine, peer));

    expect(await countActivity(db, me, '2026-12-03T09:00:00.000Z')).toBe(1);
  });

  it('leaves out what came before I looked', async () => {
    await db.comments.add(comment(mine, peer, before));

    expect(await countActivity(db, me, '2026-12-03T09:00:00.000Z')).toBe(0);
  });

  it('leaves out my own comments and comments on clips of others', async () => {
    const theirs = await clipBy(db, peer);
    await db.comments.bulkAdd([comment(mine, me), comment(theirs, peer)]);

    expect(await countActivity(db, me, before)).toBe(0);
  });

  it('counts endorsements and reviews by others', async () => {
    await db.endorsements.add({
      id: 'endorsement-1',
      clipId: mine,
      endorserId: peer,
      kind: 'peer',
      createdAt: after,
      expiresAt: null,
      withdrawnAt: null,
      contentHash: 'hash',
      pending: false,
    });
    await db.reviews.add({
      id: 'review-1',
      clipId: mine,
      reviewerId: peer,
      verdict: 'approve',
      helps: '',
      improve: '',
      accuracyConcern: '',
      contentHash: 'hash',
      createdAt: after,
      pending: false,
    });

    expect(await countActivity(db, me, before)).toBe(2);
  });
});

describe('recentActivity', () => {
  it('lists the newest first, within the limit', async () => {
    const db = freshDatabase();
    const mine = await clipBy(db, me);
    await db.comments.bulkAdd([
      comment(mine, peer, '2026-12-03T09:30:00.000Z'),
      comment(mine, peer, '2026-12-03T09:45:00+00:00'),
      comment(mine, peer, '2026-12-03T09:15:00.000Z'),
    ]);

    const items = await recentActivity(db, me, before, 2);

    expect(items.map((item) => item.createdAt)).toEqual([
      '2026-12-03T09:45:00+00:00',
      '2026-12-03T09:30:00.000Z',
    ]);
  });
});

describe('activity seen', () => {
  it('remembers when I last looked', async () => {
    const db = freshDatabase();

    await markActivitySeen(db, new Date(after));

    expect(await readActivitySeenAt(db)).toBe(after);
  });
});
