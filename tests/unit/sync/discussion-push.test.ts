import { beforeEach, describe, expect, it } from 'vitest';
import type { DiscussionRepository } from '@/utils/store/discussion-repository';
import { rejections } from '@/utils/sync/rejections';
import { fakeCapture } from '../fakes/captures';
import {
  discussionOf,
  publishedClip,
  teammates,
} from './fakes/discussion-world';
import { peerDataOf } from './fakes/fake-peer-data';
import type { FakeWorkspace } from './fakes/fake-workspace';
import {
  alice,
  bob,
  fakeWorkspace,
  signedInDevice,
  type Device,
} from './fakes/sync-world';

describe('push of comments, endorsements, reviews and submissions', () => {
  let workspace: FakeWorkspace;
  let laptop: Device;
  let bobs: Device;
  let talk: DiscussionRepository;
  let clipId: string;

  beforeEach(async () => {
    workspace = fakeWorkspace();
    laptop = await signedInDevice(workspace, alice, 'laptop');
    bobs = await signedInDevice(workspace, bob, 'bob');
    talk = discussionOf(bobs);
    clipId = await publishedClip(workspace, laptop);
  });

  const comment = (body: string) =>
    talk.addComment({ clipId, parentId: null, body, authorId: bob.id });

  describe('comments', () => {
    it('sends a comment and keeps the version the server gave', async () => {
      const added = await comment('Good find.');

      await bobs.sync();

      expect(await bobs.db.comments.get(added.id)).toMatchObject({
        pending: false,
        version: 1,
      });
    });

    it('sends an edit on the version the server gave', async () => {
      const added = await comment('Good find.');
      await bobs.sync();
      await talk.editComment(added.id, 'Great find.');

      await bobs.sync();

      const rows = peerDataOf(workspace).comments;
      expect(rows).toMatchObject([{ body: 'Great find.', version: 2 }]);
    });

    it('sends an edit made while the comment was on its way', async () => {
      const added = await comment('Good find.');
      bobs.remote.network.faults.push('after-apply');
      await bobs.sync();
      await talk.editComment(added.id, 'Great find.');

      await bobs.sync();

      const rows = peerDataOf(workspace).comments;
      expect(rows).toMatchObject([{ body: 'Great find.', version: 2 }]);
    });

    it('keeps an edit that met a newer version as a new comment', async () => {
      const added = await comment('Good find.');
      await bobs.sync();
      const desktop = await signedInDevice(workspace, bob, 'desktop');
      await desktop.sync();
      await discussionOf(desktop).editComment(added.id, 'From the desktop.');
      await desktop.sync();
      await talk.editComment(added.id, 'From the laptop.');

      await bobs.sync();

      const bodies = peerDataOf(workspace).comments.map((row) => row.body);
      expect(bodies.sort()).toEqual(['From the desktop.', 'From the laptop.']);
    });

    it('marks the kept edit with the comment it was meant for', async () => {
      const added = await comment('Good find.');
      await bobs.sync();
      const desktop = await signedInDevice(workspace, bob, 'desktop');
      await desktop.sync();
      await discussionOf(desktop).editComment(added.id, 'From the desktop.');
      await desktop.sync();
      await talk.editComment(added.id, 'From the laptop.');

      await bobs.sync();

      const thread = await talk.commentsOf(clipId);
      expect(thread.find((row) => row.conflictOf === added.id)?.body).toBe(
        'From the laptop.',
      );
    });

    it('keeps a newer edit from elsewhere over a deletion of the older text', async () => {
      const added = await comment('Good find.');
      await bobs.sync();
      const desktop = await signedInDevice(workspace, bob, 'desktop');
      await desktop.sync();
      await talk.editComment(added.id, 'From the laptop.');
      bobs.remote.network.faults.push('before-send');
      await bobs.sync();
      await talk.deleteComment(added.id);
      await discussionOf(desktop).editComment(added.id, 'From the desktop.');
      await desktop.sync();

      await bobs.sync();

      const [row] = peerDataOf(workspace).comments;
      expect([row?.body, row?.deleted_at]).toEqual(['From the desktop.', null]);
    });

    it('deletes a comment the server has', async () => {
      const added = await comment('Good find.');
      await bobs.sync();
      await talk.deleteComment(added.id);

      await bobs.sync();

      expect(peerDataOf(workspace).comments[0]?.deleted_at).toBeTruthy();
      expect(await bobs.db.comments.get(added.id)).toBeUndefined();
    });
  });

  describe('endorsements', () => {
    it('sends an endorsement, held once the server took it', async () => {
      const given = await talk.endorse({
        clipId,
        kind: 'peer',
        endorserId: bob.id,
      });

      await bobs.sync();

      const held = await talk.myActiveEndorsements(bob.id, [clipId]);
      expect(held.get(clipId)).toMatchObject({ id: given.id, pending: false });
    });

    it('sends a withdrawal', async () => {
      const given = await talk.endorse({
        clipId,
        kind: 'peer',
        endorserId: bob.id,
      });
      await bobs.sync();
      await talk.withdraw(given.id);

      await bobs.sync();

      expect(peerDataOf(workspace).endorsements[0]?.withdrawn_at).toBeTruthy();
    });

    it('keeps a refused endorsement with its reason, not held', async () => {
      await discussionOf(laptop).endorse({
        clipId,
        kind: 'peer',
        endorserId: alice.id,
      });

      await laptop.sync();

      const held = await discussionOf(laptop).myActiveEndorsements(alice.id, [
        clipId,
      ]);
      const kept = await rejections.list(laptop.db);
      expect(held.size).toBe(0);
      expect(kept).toMatchObject([
        { type: 'endorsement.create', clipId, reason: /own clip/ },
      ]);
    });

    it('marks the refused endorsement for the UI', async () => {
      const given = await discussionOf(laptop).endorse({
        clipId,
        kind: 'peer',
        endorserId: alice.id,
      });

      await laptop.sync();

      expect(await laptop.db.endorsements.get(given.id)).toMatchObject({
        pending: false,
        rejected: { type: 'endorsement.create' },
      });
    });
  });

  describe('submissions and reviews', () => {
    it('sends a draft for review with the checklist version', async () => {
      const draft = await laptop.clips.createDraft(fakeCapture());
      await laptop.clips.submitForPublishing(draft.id, 1);

      await laptop.sync();

      expect(workspace.clips.get(draft.id)).toMatchObject({
        state: 'in_review',
        checklist_version: 1,
      });
    });

    it('brings the clip in review back, no longer being sent', async () => {
      const draft = await laptop.clips.createDraft(fakeCapture());
      await laptop.clips.submitForPublishing(draft.id, 1);

      await laptop.sync();

      const clip = await laptop.db.clips.get(draft.id);
      expect([clip?.state, clip?.submitting]).toEqual(['in_review', undefined]);
    });

    it('lets a refused submission be sent again', async () => {
      const draft = await laptop.clips.createDraft(fakeCapture());
      await laptop.clips.submitForPublishing(draft.id, 7);

      await laptop.sync();

      const clip = await laptop.db.clips.get(draft.id);
      expect(clip?.state === 'draft' && !clip.submitting).toBe(true);
      expect(await rejections.list(laptop.db)).toHaveLength(1);
    });

    it("sends a teammate's review", async () => {
      teammates(workspace);
      const draft = await laptop.clips.createDraft(fakeCapture());
      await laptop.clips.submitForPublishing(draft.id, 1);
      await laptop.sync();
      const given = await talk.review({
        clipId: draft.id,
        reviewerId: bob.id,
        verdict: 'approve',
        helps: 'Clear.',
        improve: '',
        accuracyConcern: '',
      });

      await bobs.sync();

      expect(await bobs.db.reviews.get(given.id)).toMatchObject({
        pending: false,
      });
      expect(peerDataOf(workspace).reviews).toHaveLength(1);
    });
  });
});
