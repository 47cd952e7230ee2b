import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import { ClipRepository } from '@/utils/store/clip-repository';
import { runSync, type SyncRun } from '@/utils/sync/run-sync';
import type { BatchLimits } from '@/utils/sync/batching';
import { freshDatabase } from '../../fakes/database';
import { createFakeRemote, type FakeRemote } from './fake-remote';
import { FakeWorkspace, type FakeUser } from './fake-workspace';

/** Two people of the fake workspace. */
export const alice: FakeUser = {
  id: 'c0000000-0000-4000-8000-000000000001',
  email: 'alice@example.com',
  password: 'peerclip-demo',
  name: 'Alice',
};
export const bob: FakeUser = {
  id: 'c0000000-0000-4000-8000-000000000002',
  email: 'bob@example.com',
  password: 'peerclip-demo',
  name: 'Bob',
};

/** Random UUIDs (the server wants them) and a clock a second a tick. */
export function uuidClock(start = Date.UTC(2026, 11, 3, 9)): DraftClock {
  let ticks = 0;
  return {
    newId: () => crypto.randomUUID(),
    now: () => new Date(start + 1000 * ticks++),
  };
}

/** One browser of one person: its database, its clips, its connection. */
export interface Device {
  name: string;
  db: PeerclipDb;
  clips: ClipRepository;
  remote: FakeRemote;
  clock: DraftClock;
  sync(limits?: BatchLimits): Promise<SyncRun>;
}

/** A fake workspace with Alice and Bob. */
export function fakeWorkspace(): FakeWorkspace {
  return new FakeWorkspace([alice, bob]);
}

/** A new browser signed in as the user. */
export async function signedInDevice(
  workspace: FakeWorkspace,
  user: FakeUser = alice,
  name = 'device',
): Promise<Device> {
  const db = freshDatabase();
  const clock = uuidClock();
  const remote = createFakeRemote(workspace);
  await remote.signInWithPassword(user.email, user.password);

  return {
    name,
    db,
    clips: new ClipRepository(db, clock),
    remote,
    clock,
    sync: (limits) => runSync({ db, remote, clock, owner: name, limits }),
  };
}
