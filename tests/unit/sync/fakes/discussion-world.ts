import { DiscussionRepository } from '@/utils/store/discussion-repository';
import { fakeCapture } from '../../fakes/captures';
import { peerDataOf } from './fake-peer-data';
import type { FakeWorkspace } from './fake-workspace';
import { alice, bob, type Device } from './sync-world';

/** The comments, endorsements and reviews of one device. */
export function discussionOf(device: Device): DiscussionRepository {
  return new DiscussionRepository(
    device.db,
    () => device.clock.now(),
    () => device.clock.newId(),
  );
}

/** Alice and Bob in one team: each reviews the other's clips. */
export function teammates(workspace: FakeWorkspace): void {
  const data = peerDataOf(workspace);
  data.teams.set('team-1', { id: 'team-1', name: 'Safety' });
  for (const user of [alice, bob]) {
    data.profiles.set(user.id, { teamId: 'team-1', role: 'member' });
  }
}

/**
 * A clip of the device's person, pushed and then published on the server
 * as a review would; the device has pulled it.
 */
export async function publishedClip(
  workspace: FakeWorkspace,
  author: Device,
): Promise<string> {
  const draft = await author.clips.createDraft(fakeCapture());
  await author.sync();
  const row = workspace.clips.get(draft.id)!;
  workspace.save(workspace.changed(row, { state: 'published' }));
  await author.sync();
  return draft.id;
}
