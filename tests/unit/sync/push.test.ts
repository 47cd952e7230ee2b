import { beforeEach, describe, expect, it } from 'vitest';
import type { RemoteApi } from '@/utils/remote/remote-api';
import { RemoteError } from '@/utils/remote/remote-error';
import { outboxInFlight } from '@/utils/store/outbox-in-flight';
import { applyResults } from '@/utils/sync/apply-results';
import { nextBatch } from '@/utils/sync/next-batch';
import { pushOutbox, type PushOptions } from '@/utils/sync/push';
import { rejections } from '@/utils/sync/rejections';
import { serverLedger } from '@/utils/sync/server-ledger';
import type { SyncedClip } from '@/utils/sync/synced-clip';
import { fakeCapture } from '../fakes/captures';
import type { FakeWorkspace } from './fakes/fake-workspace';
import {
  alice,
  fakeWorkspace,
  signedInDevice,
  type Device,
} from './fakes/sync-world';

const limits = { maxItems: 100, maxBytes: 1e9 };

describe('pushOutbox', () => {
  let workspace: FakeWorkspace;
  let device: Device;
  const push = (target = device) =>
    pushOutbox(target.db, target.remote, {
      clock: target.clock,
      userId: alice.id,
    });

  /** One request and its answer: the push stops before the next. */
  const pushOneBatch = async () => {
    const batch = await nextBatch(device.db, limits);
    const results = await device.remote.push(batch.map((out) => out.change));
    await applyResults(device.db, batch, results, {
      clock: device.clock,
      userId: alice.id,
    });
  };

  beforeEach(async () => {
    workspace = fakeWorkspace();
    device = await signedInDevice(workspace);
  });

  it('sends a new draft and empties the outbox', async () => {
    const draft = await device.clips.createDraft(fakeCapture());

    await push();

    expect(workspace.clips.get(draft.id)?.quote).toBe(draft.quote);
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('sends an edit on the version the server gave', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    await push();
    await device.clips.annotate(draft.id, { note: 'Check the load first.' });

    await push();

    expect(workspace.clips.get(draft.id)).toMatchObject({
      note: 'Check the load first.',
      version: 2,
    });
  });

  it('keeps the outbox when the request never leaves', async () => {
    await device.clips.createDraft(fakeCapture());
    device.remote.network.offline = true;

    const attempt = push();

    await expect(attempt).rejects.toMatchObject({ code: 'offline' });
    expect(await device.db.outbox.count()).toBe(1);
  });

  it('applies a change once when its first answer was lost', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    device.remote.network.faults.push('after-apply');
    await push().catch(() => undefined);

    await push();

    expect(workspace.clips.get(draft.id)?.version).toBe(1);
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('sends an edit made while the draft was on its way', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    await nextBatch(device.db, limits);
    await device.clips.annotate(draft.id, { note: 'Written meanwhile.' });

    await push();

    expect(workspace.clips.get(draft.id)?.note).toBe('Written meanwhile.');
  });

  it('keeps a rejected change with its reason, out of the queue', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    workspace.clips.set(draft.id, { id: draft.id, author_id: 'someone' });

    await push();

    expect(await rejections.list(device.db)).toMatchObject([
      { clipId: draft.id, reason: 'this id is already taken' },
    ]);
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('sends the rest of the queue past a rejected change', async () => {
    const rejected = await device.clips.createDraft(fakeCapture());
    workspace.clips.set(rejected.id, { id: rejected.id, author_id: 'someone' });
    const accepted = await device.clips.createDraft(fakeCapture());

    await push();

    expect(workspace.clips.get(accepted.id)?.author_id).toBe(alice.id);
  });

  it('records for each clip of one batch the version it reached', async () => {
    const older = await device.clips.createDraft(fakeCapture());
    await push();
    await device.clips.annotate(older.id, { note: 'Second reading.' });
    await push();
    const newer = await device.clips.createDraft(fakeCapture());
    await device.clips.annotate(older.id, { note: 'Third reading.' });

    await push();

    const versions = await serverLedger.getMany(device.db, [
      older.id,
      newer.id,
    ]);
    expect(versions.map((facts) => facts?.version)).toEqual([3, 1]);
  });

  it('sends the deletion of a synced draft discarded with an edit pending', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    await push();
    await device.clips.annotate(draft.id, { note: 'Second thoughts.' });
    await device.clips.discardDraft(draft.id);

    await push();

    expect(workspace.clips.get(draft.id)?.deleted_at).not.toBeNull();
  });

  it('sends the deletion after an edit made in flight', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    await nextBatch(device.db, limits);
    await device.clips.annotate(draft.id, { note: 'Written meanwhile.' });
    await pushOneBatch();
    await device.clips.discardDraft(draft.id);

    await push();

    expect(workspace.clips.get(draft.id)?.deleted_at).not.toBeNull();
  });

  it('sends 1,000 drafts in 2 requests, the server cap being 500', async () => {
    for (let n = 0; n < 1000; n += 1) {
      await device.clips.createDraft(fakeCapture());
    }

    const report = await push();

    expect([report.requests, workspace.clips.size]).toEqual([2, 1000]);
  });
});

describe('pushOutbox with batches overlapping', () => {
  const pairs = { maxItems: 2, maxBytes: 1e9 };
  let workspace: FakeWorkspace;
  let device: Device;

  beforeEach(async () => {
    workspace = fakeWorkspace();
    device = await signedInDevice(workspace);
  });

  async function createDrafts(count: number): Promise<string[]> {
    const ids = [];
    for (let n = 0; n < count; n += 1) {
      ids.push((await device.clips.createDraft(fakeCapture())).id);
    }
    return ids;
  }

  const pushWith = (remote: RemoteApi, options: Partial<PushOptions> = {}) =>
    pushOutbox(device.db, remote, {
      clock: device.clock,
      userId: alice.id,
      limits: pairs,
      ...options,
    });

  /**
   * The device's remote counting, as each request leaves, those on their
   * way. A request that `fails` fails at once; the others wait for the
   * next request to leave, or for 200 ms when none does.
   */
  function slowRemote(fails: (request: number) => boolean = () => false) {
    const outstanding: number[] = [];
    let travelling = 0;
    let nextLeft = () => {};
    const remote: RemoteApi = {
      ...device.remote,
      push: async (changes) => {
        outstanding.push(travelling);
        nextLeft();
        if (fails(outstanding.length)) {
          throw new RemoteError('offline', 'No network.');
        }
        travelling += 1;
        await new Promise<void>((resolve) => {
          nextLeft = resolve;
          setTimeout(resolve, 200);
        });
        travelling -= 1;
        return device.remote.push(changes);
      },
    };
    return { remote, outstanding };
  }

  it('sends the next batch before applying the answer to the last', async () => {
    await createDrafts(4);
    const queuedAtEachRequest: number[] = [];
    const remote: RemoteApi = {
      ...device.remote,
      push: async (changes) => {
        queuedAtEachRequest.push(await device.db.outbox.count());
        return device.remote.push(changes);
      },
    };

    await pushWith(remote);

    expect(queuedAtEachRequest).toEqual([4, 4]);
  });

  it('sends new clips without waiting for the answer to the last', async () => {
    await createDrafts(4);
    const { remote, outstanding } = slowRemote();

    await pushWith(remote);

    expect(outstanding).toEqual([0, 1]);
  });

  it('waits for the answer before sending an edit', async () => {
    const [synced] = await createDrafts(1);
    await pushWith(device.remote);
    await createDrafts(1);
    await device.clips.annotate(synced!, { note: 'Second reading.' });
    const { remote, outstanding } = slowRemote();

    await pushWith(remote, { limits: { maxItems: 1, maxBytes: 1e9 } });

    expect(outstanding).toEqual([0, 0]);
  });

  it('keeps the first batch applied when the second request fails', async () => {
    await createDrafts(4);
    const { remote } = slowRemote((request) => request === 2);

    const attempt = pushWith(remote);

    await expect(attempt).rejects.toMatchObject({ code: 'offline' });
    expect(workspace.clips.size).toBe(2);
    expect(await outboxInFlight.list(device.db)).toHaveLength(2);
  });

  it('sends the batch left in flight on the next push', async () => {
    await createDrafts(4);
    const { remote } = slowRemote((request) => request === 2);
    await pushWith(remote).catch(() => undefined);

    await pushWith(device.remote);

    expect(workspace.clips.size).toBe(4);
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('sends nothing more once a request failed', async () => {
    await createDrafts(6);
    const { remote, outstanding } = slowRemote((request) => request === 2);

    const attempt = pushWith(remote);

    await expect(attempt).rejects.toMatchObject({ code: 'offline' });
    expect(outstanding).toHaveLength(2);
  });

  it('sends no more once the lock is lost', async () => {
    await createDrafts(4);

    const report = await pushWith(device.remote, {
      stillHolding: async () => false,
    });

    expect([report.requests, workspace.clips.size]).toEqual([1, 2]);
    expect(await device.db.outbox.count()).toBe(2);
  });
});

describe('pushOutbox on a conflict', () => {
  let workspace: FakeWorkspace;
  let laptop: Device;
  let desktop: Device;
  const push = (target: Device) =>
    pushOutbox(target.db, target.remote, {
      clock: target.clock,
      userId: alice.id,
    });

  beforeEach(async () => {
    workspace = fakeWorkspace();
    laptop = await signedInDevice(workspace, alice, 'laptop');
    desktop = await signedInDevice(workspace, alice, 'desktop');
  });

  async function editedOnBoth(): Promise<string> {
    const draft = await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();
    await desktop.sync();
    await laptop.clips.annotate(draft.id, { note: 'From the laptop.' });
    await desktop.clips.annotate(draft.id, { note: 'From the desktop.' });
    await push(laptop);
    return draft.id;
  }

  it("keeps the server's version of the clip", async () => {
    const id = await editedOnBoth();

    await push(desktop);

    expect((await desktop.db.clips.get(id))?.note).toBe('From the laptop.');
  });

  it('keeps the local text as a conflict copy linked to the clip', async () => {
    const id = await editedOnBoth();

    await push(desktop);

    const copies = (await desktop.db.clips.toArray()) as SyncedClip[];
    expect(copies.filter((clip) => clip.conflictOf === id)).toMatchObject([
      { note: 'From the desktop.', state: 'draft' },
    ]);
  });

  it('takes the server version for the next edit', async () => {
    const id = await editedOnBoth();

    await push(desktop);

    expect((await serverLedger.get(desktop.db, id))?.version).toBe(2);
  });
});

describe('pushOutbox with a deletion queued behind a conflict', () => {
  it("keeps another device's newer edit over a discard made on the older text", async () => {
    const workspace = fakeWorkspace();
    const laptop = await signedInDevice(workspace, alice, 'laptop');
    const desktop = await signedInDevice(workspace, alice, 'desktop');
    const draft = await laptop.clips.createDraft(fakeCapture());
    await laptop.sync();
    await desktop.sync();
    await laptop.clips.annotate(draft.id, { note: 'From the laptop.' });
    laptop.remote.network.faults.push('before-send');
    await laptop.sync();
    await laptop.clips.discardDraft(draft.id);
    await desktop.clips.annotate(draft.id, { note: 'From the desktop.' });
    await desktop.sync();

    await laptop.sync();

    const row = workspace.clips.get(draft.id);
    expect([row?.note, row?.deleted_at ?? null]).toEqual([
      'From the desktop.',
      null,
    ]);
  });
});
