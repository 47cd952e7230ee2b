import { beforeEach, describe, expect, it } from 'vitest';
import { fakeCapture } from '../fakes/captures';
import type { FakeWorkspace } from './fakes/fake-workspace';
import { fakeWorkspace, signedInDevice, type Device } from './fakes/sync-world';

describe('discarding a synced draft', () => {
  let workspace: FakeWorkspace;
  let device: Device;

  beforeEach(async () => {
    workspace = fakeWorkspace();
    device = await signedInDevice(workspace);
  });

  it('keeps a draft discarded after an edit gone once synced', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    await device.sync();
    await device.clips.annotate(draft.id, { note: 'second thoughts' });

    await device.clips.discardDraft(draft.id);
    await device.sync();

    expect(await device.db.clips.get(draft.id)).toBeUndefined();
  });

  it('records the server version on the clip after a push', async () => {
    const draft = await device.clips.createDraft(fakeCapture());

    await device.sync();

    expect((await device.db.clips.get(draft.id))?.version).toBe(1);
  });

  it('sends an edit made after a failed send once the first is answered', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    device.remote.network.faults.push('after-apply');
    await device.sync();
    await device.clips.annotate(draft.id, { note: 'while offline' });

    await device.sync();

    const [stored] = await device.db.clips.toArray();
    expect([stored?.note, await device.db.clips.count()]).toEqual([
      'while offline',
      1,
    ]);
  });

  it('deletes a draft discarded while its creation travelled', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    device.remote.network.faults.push('after-apply');
    await device.sync();

    await device.clips.discardDraft(draft.id);
    await device.sync();

    expect(workspace.clips.get(draft.id)?.deleted_at).toEqual(
      expect.any(String),
    );
    expect(await device.db.clips.get(draft.id)).toBeUndefined();
  });

  it('deletes a draft edited, then discarded, while it travelled', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    device.remote.network.faults.push('after-apply');
    await device.sync();
    await device.clips.annotate(draft.id, { note: 'on second thoughts' });

    await device.clips.discardDraft(draft.id);
    await device.sync();

    expect(workspace.clips.get(draft.id)?.deleted_at).toEqual(
      expect.any(String),
    );
  });
});
