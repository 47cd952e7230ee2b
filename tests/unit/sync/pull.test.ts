import { beforeEach, describe, expect, it } from 'vitest';
import { createdClips } from '@/utils/store/created-clips';
import { pullChanges, readCursor } from '@/utils/sync/pull';
import { pushOutbox } from '@/utils/sync/push';
import { fakeCapture } from '../fakes/captures';
import type { FakeWorkspace } from './fakes/fake-workspace';
import {
  alice,
  fakeWorkspace,
  signedInDevice,
  type Device,
} from './fakes/sync-world';

describe('pullChanges', () => {
  let workspace: FakeWorkspace;
  let laptop: Device;
  let desktop: Device;

  beforeEach(async () => {
    workspace = fakeWorkspace();
    laptop = await signedInDevice(workspace, alice, 'laptop');
    desktop = await signedInDevice(workspace, alice, 'desktop');
  });

  it("brings another device's draft", async () => {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();

    await pullChanges(desktop.db, desktop.remote);

    expect((await desktop.db.clips.get(draft.id))?.quote).toBe(draft.quote);
  });

  it('reads page after page and stores the cursor', async () => {
    for (let n = 0; n < 5; n += 1) {
      await laptop.clips.createDraft(fakeCapture());
    }
    await laptop.sync();

    const report = await pullChanges(desktop.db, desktop.remote, 2);

    expect([report.requests, await readCursor(desktop.db)]).toEqual([3, 5]);
  });

  it("writes the server's version onto a pushed draft's row", async () => {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await pushOutbox(laptop.db, laptop.remote, {
      clock: laptop.clock,
      userId: alice.id,
    });

    await pullChanges(laptop.db, laptop.remote);

    const row = await laptop.db.clips.get(draft.id);
    expect([row?.version, row?.authorId]).toEqual([1, alice.id]);
  });

  it('gives the server version to a draft the pull left alone', async () => {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await pushOutbox(laptop.db, laptop.remote, {
      clock: laptop.clock,
      userId: alice.id,
    });
    await laptop.clips.annotate(draft.id, { note: 'Queued meanwhile.' });

    await pullChanges(laptop.db, laptop.remote);

    expect((await laptop.db.clips.get(draft.id))?.version).toBe(1);
    expect(await createdClips.records(laptop.db)).toEqual([]);
  });

  it('keeps the last of two changes of one clip in a page', async () => {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();
    await laptop.clips.annotate(draft.id, { note: 'Second reading.' });
    await laptop.sync();

    await pullChanges(desktop.db, desktop.remote);

    const row = await desktop.db.clips.get(draft.id);
    expect([row?.note, row?.version]).toEqual(['Second reading.', 2]);
  });

  it('deletes a clip on its tombstone', async () => {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();
    await pullChanges(desktop.db, desktop.remote);
    await laptop.clips.discardDraft(draft.id);
    await laptop.sync();

    await pullChanges(desktop.db, desktop.remote);

    expect(await desktop.db.clips.get(draft.id)).toBeUndefined();
  });

  it('keeps the local text of a clip with a change queued', async () => {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();
    await pullChanges(desktop.db, desktop.remote);
    await laptop.clips.annotate(draft.id, { note: 'Laptop.' });
    await laptop.sync();
    await desktop.clips.annotate(draft.id, { note: 'Desktop.' });

    await pullChanges(desktop.db, desktop.remote);

    expect((await desktop.db.clips.get(draft.id))?.note).toBe('Desktop.');
  });

  it('asks once when nothing changed', async () => {
    await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();
    await pullChanges(desktop.db, desktop.remote);
    const before = desktop.remote.network.requests;

    await pullChanges(desktop.db, desktop.remote);

    expect(desktop.remote.network.requests - before).toBe(1);
  });

  it('resumes from the stored cursor after a failed page', async () => {
    for (let n = 0; n < 4; n += 1) {
      await laptop.clips.createDraft(fakeCapture());
    }
    await laptop.sync();
    desktop.remote.network.faults.push('deliver-twice', 'before-send');
    await pullChanges(desktop.db, desktop.remote, 2).catch(() => undefined);

    const report = await pullChanges(desktop.db, desktop.remote, 2);

    expect([report.requests, await desktop.db.clips.count()]).toEqual([1, 4]);
  });
});
