import type { SignedInUser } from '@/utils/messages/account-protocol';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import { markActivitySeen } from '@/utils/store/activity';
import { heldDrafts } from '@/utils/store/held-drafts';
import { clipToRecord } from '@/utils/sync/clip-wire';

/** The meta key of the account the local clips belong to. */
export const ACCOUNT_KEY = 'account.user';

/** The account the local clips belong to; none in local-only mode. */
export async function localAccount(
  db: PeerclipDb,
): Promise<SignedInUser | undefined> {
  return (await db.meta.get(ACCOUNT_KEY))?.value as SignedInUser | undefined;
}

/**
 * Makes the local data the signed-in account's. Drafts written without
 * an account (never pushed) are held back until their author chooses to
 * upload them; another account's synced data is first set aside as
 * local drafts, so nothing of one person is pushed as another's. A new
 * account starts its activity from now: the history its first pull
 * brings is not news.
 */
export async function adoptLocalData(
  db: PeerclipDb,
  user: SignedInUser,
  now: () => Date = () => new Date(),
): Promise<void> {
  const discussion = [db.comments, db.endorsements, db.reviews];
  const tables = [db.clips, db.outbox, db.meta, ...discussion];
  await db.transaction('rw', tables, async () => {
    const owner = await localAccount(db);
    if (owner?.id === user.id) {
      await db.meta.put({ key: ACCOUNT_KEY, value: user });
      return;
    }
    if (owner) await keepDraftsLocally(db);

    const unpushed = await db.clips
      .filter((clip) => clip.state === 'draft' && clip.version == null)
      .primaryKeys();
    // Only the drafts' own changes: a comment queued on a clip is not one.
    await db.outbox.where('subjectId').anyOf(unpushed).delete();
    await heldDrafts.set(db, unpushed);
    await markActivitySeen(db, now());
    await db.meta.put({ key: ACCOUNT_KEY, value: user });
  });
}

/**
 * Signing out but keeping drafts: the account's drafts stay as local
 * drafts, as if written without an account; everything else of the
 * account (other clips, the outbox, the cursor, what the server said)
 * goes. Signing in again offers them for upload.
 */
export async function keepDraftsLocally(db: PeerclipDb): Promise<void> {
  const discussion = [db.comments, db.endorsements, db.reviews];
  const tables = [db.clips, db.outbox, db.meta, ...discussion];
  await db.transaction('rw', tables, async () => {
    await db.clips.filter((clip) => clip.state !== 'draft').delete();
    await Promise.all(discussion.map((table) => table.clear()));
    await db.clips.toCollection().modify((clip) => {
      clip.version = null;
      clip.authorId = null;
    });
    await db.outbox.clear();
    await db.meta.where('key').startsWith('sync.').delete();
    await db.meta.delete(ACCOUNT_KEY);
  });
}

/** Signing out without keeping drafts: this browser forgets the account. */
export async function forgetLocalData(db: PeerclipDb): Promise<void> {
  const tables = [
    ...[db.clips, db.outbox, db.meta, db.feedPages, db.peerCache],
    ...[db.comments, db.endorsements, db.reviews],
  ];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}

/**
 * Drafts written without an account and never uploaded: the held ones
 * while signed in, every unpushed draft otherwise.
 */
export async function countLocalOnlyDrafts(db: PeerclipDb): Promise<number> {
  return db.transaction('r', db.clips, db.meta, async () => {
    if (!(await localAccount(db))) {
      return db.clips
        .filter((clip) => clip.state === 'draft' && clip.version == null)
        .count();
    }
    const held = await heldDrafts.list(db);
    return (await db.clips.bulkGet(held)).filter(Boolean).length;
  });
}

/** Queues the held drafts, as they are now, for the next sync. */
export async function uploadHeldDrafts(
  db: PeerclipDb,
  clock: DraftClock,
): Promise<number> {
  return db.transaction('rw', db.clips, db.outbox, db.meta, async () => {
    const held = await heldDrafts.list(db);
    const existing = (await db.clips.bulkGet(held)).filter((clip) => !!clip);

    for (const clip of existing) {
      await db.outbox.add({
        changeId: clock.newId(),
        clipId: clip.id,
        kind: 'clip.upsert',
        baseVersion: null,
        createdAt: clock.now().toISOString(),
        record: clipToRecord(clip),
      });
    }
    await heldDrafts.set(db, []);
    return existing.length;
  });
}
