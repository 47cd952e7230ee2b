import { beforeEach, describe, expect, it } from 'vitest';
import {
  createPeerService,
  type PeerService,
} from '@/utils/background/peer-service';
import type { PeerclipDb } from '@/utils/store/database';
import { PeerAnswerStore } from '@/utils/store/peer-answer-store';
import { freshDatabase } from '../fakes/database';
import { createFakeRemote, type FakeRemote } from '../sync/fakes/fake-remote';
import type { FakeWorkspace } from '../sync/fakes/fake-workspace';
import { alice, bob, fakeWorkspace } from '../sync/fakes/sync-world';

let db: PeerclipDb;
let workspace: FakeWorkspace;
let remote: FakeRemote;
let connected: boolean;
let peers: PeerService;
let clipId: string;

beforeEach(async () => {
  db = freshDatabase();
  workspace = fakeWorkspace();
  remote = createFakeRemote(workspace);
  await remote.signInWithPassword(alice.email, alice.password);
  connected = true;
  peers = createPeerService({
    connection: async () =>
      connected ? { remote, oauth: undefined as never } : null,
    localUserId: async () => alice.id,
    cache: new PeerAnswerStore(db),
    now: () => new Date('2026-12-03T09:00:00.000Z'),
  });
  clipId = crypto.randomUUID();
  workspace.seedPublished({
    id: clipId,
    author_id: bob.id,
    source_url: 'https://wiki.example.com/safety/ladders',
    canonical_url: 'https://wiki.example.com/safety/ladders',
    quote: 'Check the ladder’s feet before climbing.',
    published_at: '2026-12-01T10:00:00.000Z',
  });
});

describe('createPeerService', () => {
  it('fetches a clip in detail fresh from the workspace', async () => {
    const reply = await peers.clipDetail(clipId);

    expect(reply).toMatchObject({
      ok: true,
      stale: false,
      value: { clip: { quote: 'Check the ladder’s feet before climbing.' } },
    });
  });

  it('answers the cached detail marked stale when offline', async () => {
    await peers.clipDetail(clipId);
    remote.network.offline = true;

    const reply = await peers.clipDetail(clipId);

    expect(reply).toMatchObject({ ok: true, stale: true });
  });

  it('says offline when the detail was never loaded here', async () => {
    remote.network.offline = true;

    const reply = await peers.clipDetail(clipId);

    expect(reply).toMatchObject({ ok: false, code: 'offline' });
  });

  it('says not found for a clip the reader cannot see', async () => {
    const reply = await peers.clipDetail(crypto.randomUUID());

    expect(reply).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('asks to connect a workspace in local-only mode', async () => {
    connected = false;

    const reply = await peers.directory();

    expect(reply).toMatchObject({ ok: false, code: 'not-connected' });
  });

  it('follows a person and shows it in the directory', async () => {
    const followed = await peers.follow({ kind: 'person', id: bob.id }, true);

    const reply = await peers.directory();

    expect(followed).toEqual({ ok: true });
    expect(reply.ok && reply.value.follows.people).toEqual([bob.id]);
  });

  it('refuses to follow while offline, saying why', async () => {
    remote.network.offline = true;

    const reply = await peers.follow({ kind: 'person', id: bob.id }, true);

    expect(reply).toMatchObject({ ok: false, code: 'offline' });
  });

  it('refuses a member’s edit of the publishing guide', async () => {
    const reply = await peers.saveGuide(['Say why it matters.'], []);

    expect(reply).toMatchObject({ ok: false, code: 'not-allowed' });
  });
});
