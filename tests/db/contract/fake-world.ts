import { createFakeRemote } from '../../unit/sync/fakes/fake-remote';
import {
  FakeWorkspace,
  type FakeUser,
} from '../../unit/sync/fakes/fake-workspace';
import type { ContractWorld } from './contract-world';

const password = 'peerclip-demo';
const users: FakeUser[] = [
  {
    id: crypto.randomUUID(),
    email: 'alice@example.com',
    password,
    name: 'Alice',
  },
  { id: crypto.randomUUID(), email: 'bob@example.com', password, name: 'Bob' },
];

/** The in-memory workspace, with a few published clips of Bob. */
export async function startFakeWorld(): Promise<ContractWorld> {
  const workspace = new FakeWorkspace(users);
  for (let day = 1; day <= 5; day += 1) {
    workspace.seedPublished({
      id: crypto.randomUUID(),
      author_id: users[1]?.id,
      source_url: 'https://wiki.example.com/it/passwords',
      canonical_url: 'https://wiki.example.com/it/passwords',
      quote: `Rotate the shared keys on day ${day}.`,
      published_at: `2026-11-0${day}T10:00:00.000Z`,
    });
  }

  return {
    accounts: { alice: users[0]!.email, bob: users[1]!.email, password },
    async device(email) {
      const remote = createFakeRemote(workspace);
      await remote.signInWithPassword(email, password);
      return remote;
    },
    signedOut: () => createFakeRemote(workspace),
    latestCode: (email) => workspace.mailbox.get(email),
    stop: async () => undefined,
  };
}
