import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startLocalStack,
  type LocalStack,
} from '../../../local-stack/stack.ts';
import type { RemoteApi } from '@/utils/remote/remote-api';
import { createSupabaseRemote } from '@/utils/remote/supabase-remote';
import { ClipRepository } from '@/utils/store/clip-repository';
import { openPeerclipDb, type PeerclipDb } from '@/utils/store/database';
import { systemClock } from '@/utils/store/draft-from-capture';
import type { BatchLimits } from '@/utils/sync/batching';
import { runSync } from '@/utils/sync/run-sync';
import type { SyncedClip } from '@/utils/sync/synced-clip';
import { change, created, type ContractWorld } from './contract-world';
import { stackClient, startStackWorld } from './stack-world';

const password = 'peerclip-demo';

interface Device {
  db: PeerclipDb;
  clips: ClipRepository;
  remote: RemoteApi;
  sync(limits?: BatchLimits): Promise<unknown>;
}

async function signedInDevice(stack: LocalStack, email: string, name: string) {
  const db = openPeerclipDb(`stack-sync-${name}-${Math.random()}`);
  const remote = createSupabaseRemote(stackClient(stack));
  await remote.signInWithPassword(email, password);
  const owner = name;
  return {
    db,
    clips: new ClipRepository(db, systemClock),
    remote,
    sync: (limits?: BatchLimits) =>
      runSync({ db, remote, clock: systemClock, owner, limits }),
  } satisfies Device;
}

/** What the server says the person keeps, read from the start. */
async function keptOnServer(remote: RemoteApi): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  let page = await remote.pull(0, 1000);
  for (;;) {
    for (const change of page.changes) {
      if (change.entity !== 'clip') continue;
      if (change.record) kept.set(change.id, String(change.record.note));
      else kept.delete(change.id);
    }
    if (!page.hasMore) return kept;
    page = await remote.pull(page.cursor, 1000);
  }
}

async function held(device: Device): Promise<Map<string, string>> {
  const clips = await device.db.clips.toArray();
  return new Map(clips.map((clip) => [clip.id, clip.note]));
}

const capture = (n: number) => ({
  kind: 'selection' as const,
  url: `https://wiki.example.com/it/laptops-${n}`,
  title: 'Laptop care',
  byline: '',
  excerpt: '',
  quote: `Lock your screen whenever you leave your desk (${n}).`,
  quoteTruncated: false,
  selectors: [],
  snippet: '',
});

describe('sync against the local stack', () => {
  let stack: LocalStack;
  let laptop: Device;
  let desktop: Device;
  let teammate: Device;
  const written: string[] = [];
  let sharedId = '';

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, printEmails: false });
    laptop = await signedInDevice(stack, 'alice@example.com', 'laptop');
    desktop = await signedInDevice(stack, 'alice@example.com', 'desktop');
    teammate = await signedInDevice(stack, 'bob@example.com', 'teammate');

    const shared = await laptop.clips.createDraft(capture(0));
    sharedId = shared.id;
    await laptop.sync();
    await desktop.sync();
    for (const [device, name] of [
      [laptop, 'laptop'],
      [desktop, 'desktop'],
    ] as const) {
      const note = `Edited on the ${name}.`;
      written.push(note);
      await device.clips.annotate(shared.id, { note });
      const own = await device.clips.createDraft(capture(written.length));
      await device.clips.annotate(own.id, { note: `New on the ${name}.` });
      written.push(`New on the ${name}.`);
    }
    await teammate.clips.createDraft(capture(99));
    // Both edits of the shared clip go out at once: the server must answer
    // one of them with a conflict, never take both.
    const later = await laptop.clips.createDraft(capture(50));
    await laptop.clips.annotate(later.id, { note: 'Later on the laptop.' });
    written.push('Later on the laptop.');

    await Promise.all([laptop.sync(), desktop.sync(), teammate.sync()]);
    for (let round = 0; round < 2; round += 1) {
      for (const device of [laptop, desktop, teammate]) await device.sync();
    }
  });
  afterAll(() => stack?.stop());

  it('leaves both devices holding exactly what the server keeps', async () => {
    const server = await keptOnServer(laptop.remote);

    expect(await held(laptop)).toEqual(server);
    expect(await held(desktop)).toEqual(server);
  });

  it('keeps every note written, as a clip or a conflict copy', async () => {
    const notes = [...(await keptOnServer(laptop.remote)).values()];

    expect(notes).toEqual(expect.arrayContaining(written));
  });

  it('marks the losing edit as a conflict copy of the clip', async () => {
    const clips = [
      ...(await laptop.db.clips.toArray()),
      ...(await desktop.db.clips.toArray()),
    ] as SyncedClip[];

    expect(clips.filter((clip) => clip.conflictOf === sharedId)).toHaveLength(
      1,
    );
  });

  it("keeps Alice's drafts out of the teammate's browser", async () => {
    const clips = await laptop.db.clips.toArray();
    const mine = clips.filter((clip) => clip.state === 'draft');
    const theirs = await held(teammate);

    expect(mine.filter((clip) => theirs.has(clip.id))).toEqual([]);
  });
});

describe('sync of many changes in small batches against the local stack', () => {
  const pairs = { maxItems: 2, maxBytes: 2e6 };
  let stack: LocalStack;
  let laptop: Device;
  const ids: string[] = [];

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, printEmails: false });
    laptop = await signedInDevice(stack, 'carol@example.com', 'laptop');
    // Three batches of new clips, the last two on their way side by side.
    for (let n = 0; n < 6; n += 1) {
      ids.push((await laptop.clips.createDraft(capture(n))).id);
    }
    await laptop.sync(pairs);
    // Edits wait for the answer before them; new clips go beside them.
    for (const id of ids.slice(0, 3)) {
      await laptop.clips.annotate(id, { note: `Edited ${id}.` });
    }
    for (let n = 6; n < 9; n += 1) {
      ids.push((await laptop.clips.createDraft(capture(n))).id);
    }
    await laptop.sync(pairs);
  });
  afterAll(() => stack?.stop());

  it('leaves the browser holding exactly what the server keeps', async () => {
    const server = await keptOnServer(laptop.remote);

    expect(ids.filter((id) => !server.has(id))).toEqual([]);
    expect(await held(laptop)).toEqual(server);
  });

  it('records the version the server gave each clip on its row', async () => {
    const rows = await laptop.db.clips.bulkGet(ids);

    const versions = rows.map((row) => row?.version);
    expect(versions).toEqual([2, 2, 2, 1, 1, 1, 1, 1, 1]);
  });

  it('leaves nothing queued and nothing in flight', async () => {
    const sync = await laptop.db.meta.where('key').startsWith('sync.').keys();

    expect(await laptop.db.outbox.count()).toBe(0);
    expect(sync.filter((key) => !String(key).match(/cursor|state/))).toEqual(
      [],
    );
  });
});

describe('push_changes on the local stack under concurrency', () => {
  let world: ContractWorld;

  beforeAll(async () => {
    world = await startStackWorld();
  });
  afterAll(() => world?.stop());

  it('answers one of two simultaneous edits of a version with a conflict', async () => {
    const laptop = await world.device(world.accounts.alice);
    const desktop = await world.device(world.accounts.alice);
    const devices = { world, laptop, desktop };
    let bothApplied = 0;

    for (let n = 0; n < 10; n += 1) {
      const id = await created(devices);
      const [[first], [second]] = await Promise.all([
        laptop.push([change('clip.upsert', { id, note: 'Laptop.' }, 1)]),
        desktop.push([change('clip.upsert', { id, note: 'Desktop.' }, 1)]),
      ]);
      if (first?.status === 'applied' && second?.status === 'applied') {
        bothApplied += 1;
      }
    }

    expect(bothApplied).toBe(0);
  });
});
