import { beforeEach, describe, expect, it } from 'vitest';
import { RemoteError } from '@/utils/remote/remote-error';
import { runSync } from '@/utils/sync/run-sync';
import { syncLock } from '@/utils/sync/sync-lock';
import { observeSyncState, type SyncState } from '@/utils/sync/sync-state';
import { fakeCapture } from '../fakes/captures';
import type { FakeWorkspace } from './fakes/fake-workspace';
import { fakeWorkspace, signedInDevice, type Device } from './fakes/sync-world';

describe('runSync', () => {
  let workspace: FakeWorkspace;
  let device: Device;

  beforeEach(async () => {
    workspace = fakeWorkspace();
    device = await signedInDevice(workspace);
  });

  it('records the time of a successful sync and no pending change', async () => {
    await device.clips.createDraft(fakeCapture());

    const { state } = await device.sync();

    expect(state).toMatchObject({ pendingCount: 0, problem: null });
    expect(state.lastSuccessAt).not.toBeNull();
  });

  it('says it is offline and keeps the changes pending', async () => {
    await device.clips.createDraft(fakeCapture());
    device.remote.network.offline = true;

    const { state } = await device.sync();

    expect(state).toMatchObject({
      pendingCount: 1,
      problem: { code: 'offline' },
    });
  });

  it('keeps the session when a refresh fails for the network', async () => {
    device.remote.expireSession();
    device.remote.network.offline = true;
    await device.sync();
    device.remote.network.offline = false;

    const { state } = await device.sync();

    expect(state.problem).toBeNull();
  });

  it('says the session expired when its refresh is refused', async () => {
    device.remote.expireSession({ revoked: true });

    const { state } = await device.sync();

    expect(state.problem?.code).toBe('session-expired');
  });

  it('asks to sign in when nobody is signed in', async () => {
    await device.remote.signOut();

    const { state } = await device.sync();

    expect(state.problem?.code).toBe('signed-out');
  });

  it('says how many changes the server rejected and why', async () => {
    const draft = await device.clips.createDraft(fakeCapture());
    workspace.clips.set(draft.id, { id: draft.id, author_id: 'someone' });

    const { state } = await device.sync();

    expect(state.problem).toEqual({
      code: 'rejected',
      message: 'The server rejected 1 change: this id is already taken.',
    });
  });

  it('records a failure instead of rejecting', async () => {
    device.remote.pull = () => Promise.reject(new Error('boom'));

    const run = await device.sync().catch(() => undefined);

    expect(run?.state.problem?.code).toBe('failed');
  });

  it('asks to sign in again when the server refuses the session', async () => {
    device.remote.pull = () =>
      Promise.reject(new RemoteError('unauthorized', 'no'));

    const { state } = await device.sync();

    expect(state.problem?.code).toBe('session-expired');
  });
});

describe('runSync across contexts', () => {
  let device: Device;

  beforeEach(async () => {
    device = await signedInDevice(fakeWorkspace());
  });

  it('skips while another context holds the lock', async () => {
    await syncLock.acquire(device.db, 'popup', device.clock.now().getTime());

    const { ran } = await device.sync();

    expect(ran).toBe(false);
  });

  it('takes over the lock of a context that stopped', async () => {
    const longAgo = device.clock.now().getTime() - 120_000;
    await syncLock.acquire(device.db, 'stopped worker', longAgo);

    const { ran } = await device.sync();

    expect(ran).toBe(true);
  });

  it('lets only one of two simultaneous runs sync', async () => {
    const { db, remote, clock } = device;

    const runs = await Promise.all([
      runSync({ db, remote, clock, owner: 'worker' }),
      runSync({ db, remote, clock, owner: 'side panel' }),
    ]);

    expect(runs.filter((run) => run.ran)).toHaveLength(1);
  });
});

describe('observeSyncState', () => {
  it('emits the state a run records', async () => {
    const device = await signedInDevice(fakeWorkspace());
    const states: SyncState[] = [];
    const watching = observeSyncState(device.db).subscribe((state) =>
      states.push(state),
    );

    await device.sync();
    await new Promise((resolve) => setTimeout(resolve, 50));
    watching.unsubscribe();

    expect(states.at(-1)?.lastSuccessAt).not.toBeNull();
  });
});
