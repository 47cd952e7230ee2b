import { beforeEach, describe, expect, it } from 'vitest';
import { fakeCapture } from '../fakes/captures';
import { publishedClip } from './fakes/discussion-world';
import type { FakeWorkspace } from './fakes/fake-workspace';
import {
  alice,
  fakeWorkspace,
  signedInDevice,
  type Device,
} from './fakes/sync-world';

describe("sync of an author's edit after the draft", () => {
  let workspace: FakeWorkspace;
  let laptop: Device;

  beforeEach(async () => {
    workspace = fakeWorkspace();
    laptop = await signedInDevice(workspace, alice, 'laptop');
    await laptop.db.meta.put({ key: 'account.user', value: alice });
  });

  it('pushes the edit of a published clip and keeps it published', async () => {
    const clipId = await publishedClip(workspace, laptop);
    await laptop.clips.annotate(clipId, { note: 'Also for the night shift.' });

    await laptop.sync();

    expect(workspace.clips.get(clipId)).toMatchObject({
      note: 'Also for the night shift.',
      state: 'published',
    });
  });

  it('keeps the edited published clip published on the device', async () => {
    const clipId = await publishedClip(workspace, laptop);
    await laptop.clips.annotate(clipId, { tags: ['night shift'] });

    await laptop.sync();

    expect(await laptop.clips.getClip(clipId)).toMatchObject({
      state: 'published',
      tags: ['night shift'],
    });
  });

  it('pushes the edit of a clip in review and keeps it in review', async () => {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();
    const row = workspace.clips.get(draft.id)!;
    workspace.save(workspace.changed(row, { state: 'in_review' }));
    await laptop.sync();
    await laptop.clips.annotate(draft.id, { note: 'Clearer wording.' });

    await laptop.sync();

    expect(workspace.clips.get(draft.id)).toMatchObject({
      note: 'Clearer wording.',
      state: 'in_review',
    });
  });
});
