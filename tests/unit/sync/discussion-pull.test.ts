import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RemoteApi } from '@/utils/remote/remote-api';
import type { PulledChange } from '@/utils/remote/sync-wire';
import { pullChanges } from '@/utils/sync/pull';
import { freshDatabase } from '../fakes/database';
import { discussionOf, publishedClip } from './fakes/discussion-world';
import type { FakeWorkspace } from './fakes/fake-workspace';
import {
  alice,
  bob,
  fakeWorkspace,
  signedInDevice,
  type Device,
} from './fakes/sync-world';

/** A remote that answers one page of the given changes. */
function onePage(changes: PulledChange[]): RemoteApi {
  const page = { changes, cursor: changes.length, hasMore: false };
  return { pull: async () => page } as unknown as RemoteApi;
}

const commentRow = (id: string, body: unknown = 'Good find.') => ({
  id,
  clip_id: 'clip-1',
  author_id: 'peer-1',
  parent_id: null,
  body,
  version: 1,
  created_at: '2026-12-03T09:00:00.123456+00:00',
  updated_at: '2026-12-03T09:00:00.123456+00:00',
  deleted_at: null,
});

describe('pullChanges of comments, endorsements and reviews', () => {
  let workspace: FakeWorkspace;
  let laptop: Device;
  let bobs: Device;
  let clipId: string;

  beforeEach(async () => {
    workspace = fakeWorkspace();
    laptop = await signedInDevice(workspace, alice, 'laptop');
    bobs = await signedInDevice(workspace, bob, 'bob');
    clipId = await publishedClip(workspace, laptop);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const bobComments = (body = 'Good find.') =>
    discussionOf(bobs).addComment({
      clipId,
      parentId: null,
      body,
      authorId: bob.id,
    });

  it("brings a peer's comment on my clip", async () => {
    const added = await bobComments();
    await bobs.sync();

    await pullChanges(laptop.db, laptop.remote);

    expect(await laptop.db.comments.get(added.id)).toMatchObject({
      authorId: bob.id,
      body: 'Good find.',
      pending: false,
    });
  });

  it('deletes a comment on its tombstone', async () => {
    const added = await bobComments();
    await bobs.sync();
    await pullChanges(laptop.db, laptop.remote);
    await discussionOf(bobs).deleteComment(added.id);
    await bobs.sync();

    await pullChanges(laptop.db, laptop.remote);

    expect(await laptop.db.comments.get(added.id)).toBeUndefined();
  });

  it('brings an endorsement of my clip, active', async () => {
    const given = await discussionOf(bobs).endorse({
      clipId,
      kind: 'peer',
      endorserId: bob.id,
    });
    await bobs.sync();

    await pullChanges(laptop.db, laptop.remote);

    const row = await laptop.db.endorsements.get(given.id);
    expect(row).toMatchObject({ endorserId: bob.id, pending: false });
    expect(row?.lapsed).toBeUndefined();
  });

  it('keeps the local text of a comment with a change queued', async () => {
    const added = await bobComments();
    await bobs.sync();
    const desktop = await signedInDevice(workspace, bob, 'desktop');
    await desktop.sync();
    await discussionOf(desktop).editComment(added.id, 'From the desktop.');
    await desktop.sync();
    await discussionOf(bobs).editComment(added.id, 'Not sent yet.');

    await pullChanges(bobs.db, bobs.remote);

    expect((await bobs.db.comments.get(added.id))?.body).toBe('Not sent yet.');
  });

  it('brings my clip although a comment on it is queued', async () => {
    await discussionOf(laptop).addComment({
      clipId,
      parentId: null,
      body: 'A note to self.',
      authorId: alice.id,
    });
    const row = workspace.clips.get(clipId)!;
    workspace.save(workspace.changed(row, { note: 'Changed elsewhere.' }));

    await pullChanges(laptop.db, laptop.remote);

    expect((await laptop.db.clips.get(clipId))?.note).toBe(
      'Changed elsewhere.',
    );
  });

  it('skips a malformed comment and applies the rest', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = freshDatabase();
    const remote = onePage([
      {
        seq: 1,
        entity: 'comment',
        id: 'bad',
        deleted: false,
        record: commentRow('bad', 42),
      },
      {
        seq: 2,
        entity: 'comment',
        id: 'good',
        deleted: false,
        record: commentRow('good'),
      },
    ]);

    await pullChanges(db, remote);

    expect(await db.comments.toCollection().primaryKeys()).toEqual(['good']);
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it('keeps server times in the form the browser writes', async () => {
    const db = freshDatabase();
    const remote = onePage([
      {
        seq: 1,
        entity: 'comment',
        id: 'c',
        deleted: false,
        record: commentRow('c'),
      },
    ]);

    await pullChanges(db, remote);

    expect((await db.comments.get('c'))?.createdAt).toBe(
      '2026-12-03T09:00:00.123Z',
    );
  });

  it('marks an endorsement the server no longer counts as lapsed', async () => {
    const db = freshDatabase();
    const remote = onePage([
      {
        seq: 1,
        entity: 'endorsement',
        id: 'e',
        deleted: false,
        record: {
          id: 'e',
          clip_id: 'clip-1',
          endorser_id: 'peer-1',
          kind: 'official',
          content_hash: 'old',
          expires_at: '2027-12-03T09:00:00+00:00',
          withdrawn_at: null,
          created_at: '2026-12-03T09:00:00+00:00',
          active: false,
        },
      },
    ]);

    await pullChanges(db, remote);

    expect((await db.endorsements.get('e'))?.lapsed).toBe(true);
  });
});
