import type { WireRecord } from '@/utils/remote/sync-wire';
import {
  contentHashOf,
  peerDataOf,
} from '../../unit/sync/fakes/fake-peer-data';
import { createFakeRemote } from '../../unit/sync/fakes/fake-remote';
import {
  FakeWorkspace,
  type FakeUser,
} from '../../unit/sync/fakes/fake-workspace';
import type { ContractWorld } from './contract-world';

const password = 'peerclip-demo';
const person = (name: string): FakeUser => ({
  id: crypto.randomUUID(),
  email: `${name.toLowerCase()}@example.com`,
  password,
  name,
});
const [alice, bob, dave] = [person('Alice'), person('Bob'), person('Dave')];
const operations = { id: crypto.randomUUID(), name: 'Operations' };
const safety = { id: crypto.randomUUID(), name: 'Safety' };
const it = { id: crypto.randomUUID(), name: 'IT', regulated: false };

/**
 * The in-memory workspace, arranged like seed.sql in small: Alice and Bob
 * in Operations, Dave the admin in Safety; a few published clips of Bob's,
 * one with a comment and Alice's endorsement; a clip of Alice's waiting
 * for review.
 */
export async function startFakeWorld(): Promise<ContractWorld> {
  const workspace = new FakeWorkspace([alice!, bob!, dave!]);
  arrangeOrganisation(workspace);
  const published = [1, 2, 3, 4, 5].map((day) => seedBobsClip(workspace, day));
  arrangeDiscussion(workspace, published[4]!);
  seedAlicesClipInReview(workspace);

  return {
    accounts: {
      alice: alice!.email,
      bob: bob!.email,
      admin: dave!.email,
      password,
    },
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

function arrangeOrganisation(workspace: FakeWorkspace): void {
  const data = peerDataOf(workspace);
  data.teams.set(operations.id, operations);
  data.teams.set(safety.id, safety);
  data.topics.set(it.id, { ...it, endorsers: [] });
  data.profiles.set(alice!.id, { teamId: operations.id, role: 'member' });
  data.profiles.set(bob!.id, { teamId: operations.id, role: 'member' });
  data.profiles.set(dave!.id, { teamId: safety.id, role: 'admin' });
}

function seedBobsClip(workspace: FakeWorkspace, day: number): WireRecord {
  const clip = {
    id: crypto.randomUUID(),
    author_id: bob!.id,
    source_url: 'https://wiki.example.com/it/passwords',
    canonical_url: 'https://wiki.example.com/it/passwords',
    quote: `Rotate the shared keys on day ${day}.`,
    topic_id: it.id,
    published_at: `2026-11-0${day}T10:00:00.000Z`,
  };
  workspace.seedPublished(clip);
  return workspace.clips.get(clip.id)!;
}

function arrangeDiscussion(workspace: FakeWorkspace, clip: WireRecord): void {
  const data = peerDataOf(workspace);
  const at = '2026-11-06T09:00:00.000Z';
  data.comments.push({
    id: crypto.randomUUID(),
    clip_id: clip.id,
    author_id: alice!.id,
    parent_id: null,
    body: 'Which keys count as shared?',
    version: 1,
    created_at: at,
    updated_at: at,
    deleted_at: null,
  });
  data.endorsements.push({
    id: crypto.randomUUID(),
    clip_id: clip.id,
    endorser_id: alice!.id,
    kind: 'peer',
    content_hash: contentHashOf(clip),
    expires_at: null,
    withdrawn_at: null,
    created_at: at,
  });
}

function seedAlicesClipInReview(workspace: FakeWorkspace): void {
  const id = crypto.randomUUID();
  workspace.seedPublished({
    id,
    author_id: alice!.id,
    source_url: 'https://wiki.example.com/it/vpn',
    canonical_url: 'https://wiki.example.com/it/vpn',
    quote: 'Use the Always-On profile.',
    topic_id: it.id,
  });
  const clip = workspace.clips.get(id)!;
  const submittedAt = '2026-11-07T10:00:00.000Z';
  workspace.clips.set(id, {
    ...clip,
    state: 'in_review',
    submitted_at: submittedAt,
    published_at: null,
  });
}
