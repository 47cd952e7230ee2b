// The measurements of the push budget, shared by the Node run
// (sync-push-run.ts, fake-indexeddb) and the Chromium run
// (sync-push-page.ts, the browser's own IndexedDB). Nothing here needs
// Node: the page bundles it.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../utils/remote/database.types';
import type { RemoteApi } from '../utils/remote/remote-api';
import { createSupabaseRemote } from '../utils/remote/supabase-remote';
import { ClipRepository } from '../utils/store/clip-repository';
import { openPeerclipDb } from '../utils/store/database';
import {
  draftFromCapture,
  systemClock,
} from '../utils/store/draft-from-capture';
import { applyResults } from '../utils/sync/apply-results';
import { DEFAULT_BATCH_LIMITS } from '../utils/sync/batching';
import { clipToRecord } from '../utils/sync/clip-wire';
import { nextBatch } from '../utils/sync/next-batch';
import { pullChanges } from '../utils/sync/pull';
import { pushOutbox } from '../utils/sync/push';
import { typicalCapture, typicalNote } from './sync-drafts';

/** Drafts per measurement: the budget is for 1,000. */
export const DRAFTS = 1000;

/** Requests by path, counted at the fetch level. */
export interface RequestCounter {
  fetch: typeof fetch;
  /** Requests to one path since the last clear(). */
  to(path: string): number;
  clear(): void;
}

/** fetch that counts requests by path, with an optional added delay. */
export function countingFetch(rttMs = 0): RequestCounter {
  const calls = new Map<string, number>();
  return {
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const path = new URL(url).pathname;
      calls.set(path, (calls.get(path) ?? 0) + 1);
      if (rttMs > 0) await new Promise((resolve) => setTimeout(resolve, rttMs));
      return fetch(input, init);
    },
    to: (path) => calls.get(path) ?? 0,
    clear: () => calls.clear(),
  };
}

/** A signed-in demo user with the client, the remote and the counter. */
export interface BenchSession {
  client: SupabaseClient<Database>;
  remote: RemoteApi;
  userId: string;
  requests: RequestCounter;
}

/** Signs in as the seeded demo author. */
export async function signInDemo(
  client: SupabaseClient<Database>,
  requests: RequestCounter,
): Promise<BenchSession> {
  const remote = createSupabaseRemote(client);
  const session = await remote.signInWithPassword(
    'alice@example.com',
    'peerclip-demo',
  );
  return { client, remote, userId: session.userId, requests };
}

/** What one run measured: the push's figures are its median round's. */
export interface PushFigures {
  pushMs: number;
  /** How long at least one request was on its way. */
  serverMs: number;
  /** Every round's push, in the order they ran. */
  roundsMs: number[];
  pushRequests: number;
  applied: number;
  /** The pull that follows the push in a sync run, bringing its clips. */
  pullMs: number;
  idlePullRequests: number;
  loopMs: number;
  loopRequests: number;
  /** The steps of the push, when asked for: where the client's share goes. */
  steps?: Record<string, number>;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/** A browser database holding DRAFTS new drafts, pulled up to date. */
async function draftsIn(name: string, { remote }: BenchSession) {
  const db = openPeerclipDb(name);
  const clips = new ClipRepository(db);
  for (let n = 0; n < DRAFTS; n += 1) {
    const draft = await clips.createDraft(typicalCapture(n));
    await clips.annotate(draft.id, { note: typicalNote(n) });
  }
  await pullChanges(db, remote);
  return db;
}

/** The push as the extension runs it, with the server's share timed. */
async function measurePush(session: BenchSession, dbName: string) {
  const { remote, userId, requests } = session;
  const db = await draftsIn(dbName, session);
  const travel = travelTimer();
  const timedRemote: RemoteApi = {
    ...remote,
    push: (batch) => travel.time(() => remote.push(batch)),
  };
  requests.clear();
  const [report, pushMs] = await timed(() =>
    pushOutbox(db, timedRemote, { clock: systemClock, userId }),
  );
  const pushRequests = requests.to('/rest/v1/rpc/push_changes');

  const [, pullMs] = await timed(() => pullChanges(db, remote));
  requests.clear();
  await pullChanges(db, remote);
  const idlePullRequests = requests.to('/rest/v1/rpc/pull_changes');
  db.close();
  return {
    pushMs,
    serverMs: travel.ms(),
    pushRequests,
    applied: report.applied,
    pullMs,
    idlePullRequests,
  };
}

/**
 * Times how long at least one request was on its way: requests overlap
 * each other and the browser's work.
 */
function travelTimer() {
  let travelling = 0;
  let since = 0;
  let total = 0;
  return {
    async time<T>(request: () => Promise<T>): Promise<T> {
      if (travelling++ === 0) since = performance.now();
      try {
        return await request();
      } finally {
        if (--travelling === 0) total += performance.now() - since;
      }
    },
    ms: () => total,
  };
}

/**
 * The steps of pushOutbox one by one (taking a batch, the request,
 * applying the answers) on another set of drafts.
 */
async function measureSteps(session: BenchSession, dbName: string) {
  const { remote, userId } = session;
  const db = await draftsIn(dbName, session);
  const steps = { nextBatch: 0, request: 0, applyResults: 0 };
  for (;;) {
    const [batch, takeMs] = await timed(() =>
      nextBatch(db, DEFAULT_BATCH_LIMITS),
    );
    steps.nextBatch += takeMs;
    if (batch.length === 0) break;
    const [results, requestMs] = await timed(() =>
      remote.push(batch.map(({ change }) => change)),
    );
    steps.request += requestMs;
    const [, applyMs] = await timed(() =>
      applyResults(db, batch, results, { clock: systemClock, userId }),
    );
    steps.applyResults += applyMs;
  }
  db.close();
  return steps;
}

/** The baseline: one supabase-js insert per draft. */
async function measureLoop(session: BenchSession, count = DRAFTS) {
  const rows = Array.from({ length: count }, (_, n) => {
    const clip = draftFromCapture(typicalCapture(n));
    return { ...clipToRecord(clip), note: typicalNote(n) };
  });
  session.requests.clear();
  const [, loopMs] = await timed(async () => {
    for (const row of rows) {
      const { error } = await session.client.from('clips').insert(row as never);
      if (error) throw new Error(error.message);
    }
  });
  return { loopMs, loopRequests: session.requests.to('/rest/v1/clips') };
}

/**
 * Runs both ways once before anything is timed, so that neither is
 * measured while the code it runs is still being compiled.
 */
async function warmUp(session: BenchSession, prefix: string): Promise<void> {
  await measurePush(session, `${prefix}-warm-up`);
  await measureLoop(session, DRAFTS / 10);
}

/** How a run goes: `prefix` names the browser databases. */
export interface SyncBenchOptions {
  prefix: string;
  /** Pushes of fresh drafts; the median one is reported. */
  rounds: number;
  steps: boolean;
}

/**
 * After a warm-up of both, pushes `rounds` times, each time DRAFTS fresh
 * drafts, then runs the loop once: a single push is too short to trust on
 * a shared machine.
 */
export async function measureSync(
  session: BenchSession,
  options: SyncBenchOptions,
): Promise<PushFigures> {
  await warmUp(session, options.prefix);
  const pushes = [];
  for (let round = 0; round < options.rounds; round += 1) {
    pushes.push(await measurePush(session, `${options.prefix}-${round}`));
  }
  const byTime = [...pushes].sort((a, b) => a.pushMs - b.pushMs);
  const median = byTime[Math.floor(byTime.length / 2)]!;

  const loop = await measureLoop(session);
  const steps = options.steps
    ? await measureSteps(session, `${options.prefix}-steps`)
    : undefined;
  const roundsMs = pushes.map(({ pushMs }) => pushMs);
  return { ...median, roundsMs, ...loop, steps };
}

/** `--rounds N` from the command line, 5 when absent. */
export function roundsArgument(argv: string[]): number {
  const index = argv.indexOf('--rounds');
  const rounds = index > 0 ? Number(argv[index + 1]) : 5;
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`--rounds takes a whole number above 0, not ${rounds}.`);
  }
  return rounds;
}

/** The figures as the benchmark prints them. */
export function describeFigures(figures: PushFigures): string[] {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const lines = [
    `push of ${DRAFTS} drafts: ${figures.pushRequests} requests, ` +
      `${ms(figures.pushMs)} (a request on its way ` +
      `${ms(figures.serverMs)}, the browser alone ` +
      `${ms(figures.pushMs - figures.serverMs)}), ${figures.applied} applied`,
    `median of ${figures.roundsMs.length} rounds: ` +
      figures.roundsMs.map(ms).join(', '),
    `pull after the push, bringing its clips: ${ms(figures.pullMs)}`,
    `pull with no changes: ${figures.idlePullRequests} request(s)`,
    `loop of ${DRAFTS} single-row inserts: ${figures.loopRequests} ` +
      `requests, ${ms(figures.loopMs)}`,
    `push is ${(figures.loopMs / figures.pushMs).toFixed(1)} times faster`,
  ];
  if (figures.steps) {
    const steps = Object.entries(figures.steps).map(
      ([step, value]) => `${step} ${ms(value)}`,
    );
    lines.push(`steps of the push: ${steps.join(', ')}`);
  }
  return lines;
}
