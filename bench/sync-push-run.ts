// The work of bench/sync-push.mjs: the sync engine over real supabase-js
// against a seeded local stack, with requests counted at the fetch level.
import 'fake-indexeddb/auto';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startLocalStack, type LocalStack } from '../local-stack/stack.ts';
import type { Database } from '../utils/remote/database.types';
import { createSupabaseRemote } from '../utils/remote/supabase-remote';
import { ClipRepository } from '../utils/store/clip-repository';
import { openPeerclipDb } from '../utils/store/database';
import {
  draftFromCapture,
  systemClock,
} from '../utils/store/draft-from-capture';
import { clipToRecord } from '../utils/sync/clip-wire';
import { pullChanges } from '../utils/sync/pull';
import { pushOutbox } from '../utils/sync/push';
import { typicalCapture, typicalNote } from './sync-drafts';

const drafts = 1000;
const calls = new Map<string, number>();
// `--rtt 30` adds 30 ms to every request, as a network between the browser
// and a hosted project would; the default measures the bare local stack.
const rttArg = process.argv.indexOf('--rtt');
const rttMs = rttArg > 0 ? Number(process.argv[rttArg + 1]) : 0;

/** fetch that counts requests by path, so the figures are the wire's. */
const countingFetch: typeof fetch = async (input, init) => {
  const path = new URL(String(input instanceof Request ? input.url : input))
    .pathname;
  calls.set(path, (calls.get(path) ?? 0) + 1);
  if (rttMs > 0) await new Promise((resolve) => setTimeout(resolve, rttMs));
  return fetch(input, init);
};

async function signedIn(stack: LocalStack) {
  const client = createClient<Database>(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: { fetch: countingFetch },
  });
  const remote = createSupabaseRemote(client);
  const session = await remote.signInWithPassword(
    'alice@example.com',
    'peerclip-demo',
  );
  return { client, remote, userId: session.userId };
}

function requestsTo(fn: string): number {
  return calls.get(`/rest/v1/rpc/${fn}`) ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

async function main() {
  const stack = await startLocalStack({ port: 0, printEmails: false });
  console.log(`added round trip per request: ${rttMs} ms`);
  try {
    const { client, remote, userId } = await signedIn(stack);
    const db = openPeerclipDb('sync-bench');
    const clips = new ClipRepository(db);
    for (let n = 0; n < drafts; n += 1) {
      const draft = await clips.createDraft(typicalCapture(n));
      await clips.annotate(draft.id, { note: typicalNote(n) });
    }
    await pullChanges(db, remote);

    calls.clear();
    let serverMs = 0;
    const timedRemote = {
      ...remote,
      push: async (batch: Parameters<typeof remote.push>[0]) => {
        const [results, ms] = await timed(() => remote.push(batch));
        serverMs += ms;
        return results;
      },
    };
    const [report, pushMs] = await timed(() =>
      pushOutbox(db, timedRemote, { clock: systemClock, userId }),
    );
    console.log(
      `push of ${drafts} drafts: ${requestsTo('push_changes')} requests, ` +
        `${pushMs.toFixed(0)} ms (${serverMs.toFixed(0)} ms waiting for ` +
        `the server), ${report.applied} applied`,
    );

    await pullChanges(db, remote);
    calls.clear();
    await pullChanges(db, remote);
    console.log(
      `pull with no changes: ${requestsTo('pull_changes')} request(s)`,
    );

    const rows = Array.from({ length: drafts }, (_, n) => {
      const clip = draftFromCapture(typicalCapture(n));
      return { ...clipToRecord(clip), note: typicalNote(n) };
    });
    calls.clear();
    const [, loopMs] = await timed(async () => {
      for (const row of rows) {
        const { error } = await client.from('clips').insert(row as never);
        if (error) throw new Error(error.message);
      }
    });
    console.log(
      `loop of ${drafts} single-row inserts: ${calls.get('/rest/v1/clips')} ` +
        `requests, ${loopMs.toFixed(0)} ms`,
    );
    console.log(`push is ${(loopMs / pushMs).toFixed(1)} times faster`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error('[peerclip] The sync benchmark failed.', error);
  process.exitCode = 1;
});
