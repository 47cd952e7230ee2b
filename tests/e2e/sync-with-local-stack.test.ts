import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Page } from 'puppeteer';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../../local-stack/database.ts';
import { startLocalStack, type LocalStack } from '../../local-stack/stack.ts';
import { listFixturePages } from '../helpers/fixture-pages';
import {
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server';
import { clipInWorker, sendFromPage } from './helpers/clip-in-worker';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './helpers/extension-browser';
import { signInOnOptionsPage } from './helpers/options-sign-in';
import { selectPassage } from './helpers/page-selection';
import { storedClip } from './helpers/stored-clips';
import { setWorkerOffline } from './helpers/worker-network';

const password = 'peerclip-demo';
const alice = { email: 'alice@example.com', password };
const bob = { email: 'bob@example.com', password };
const erin = { email: 'erin@example.com', password };

let stack: LocalStack;
let server: FixtureServer;
let aliceBrowser: ExtensionBrowser;
let bobBrowser: ExtensionBrowser;
let alicePage: Page;
let bobPage: Page;
let clipId = '';

type Reply = Record<string, unknown>;
const send = (page: Page, message: Reply) =>
  sendFromPage(page, message) as Promise<Reply>;

/** The clip as the server holds it, read as the database's admin. */
async function serverClip(id: string) {
  const { rows } = await withClient(stack.database.urls.admin, (admin) =>
    admin.query<{ state: string }>(
      'select state from public.clips where id = $1',
      [id],
    ),
  );
  return rows[0];
}

/**
 * A supabase-js client of the stack, signed in as one demo person. Node 20
 * has no global WebSocket, which createClient's realtime client needs.
 */
async function signedInClient(email: string): Promise<SupabaseClient> {
  const client = createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}

/**
 * Publishes the clip as people do: its author submits it with the
 * organisation's current checklist, and a teammate approves it (the
 * Operations team needs one approval).
 */
async function publish(id: string): Promise<void> {
  const author = await signedInClient(alice.email);
  const { data: settings } = await author
    .from('organisation_settings')
    .select('checklist_version')
    .single();
  await rpcOrThrow(author, 'submit_for_review', {
    clip_id: id,
    checklist_version: settings?.checklist_version,
  });

  const teammate = await signedInClient(erin.email);
  await rpcOrThrow(teammate, 'review', {
    clip_id: id,
    verdict: 'approve',
    helps: 'Clear and to the point.',
  });
}

async function rpcOrThrow(
  client: SupabaseClient,
  name: string,
  args: Record<string, unknown>,
): Promise<void> {
  const { error } = await client.rpc(name, args);
  if (error) throw new Error(`${name}: ${error.message}`);
}

/**
 * Clips a passage of a fixture page through the worker. The tab comes to
 * the front first: on a loaded machine the selection of a background tab
 * was once read as empty.
 */
async function clipAPassage(): Promise<string> {
  const [fixture] = listFixturePages();
  const url = server.urlOf(fixture?.urlPath ?? '');
  const page = await aliceBrowser.browser.newPage();
  await page.goto(url);
  await page.bringToFront();
  await selectPassage(page);

  const outcome = await clipInWorker(aliceBrowser.worker, url, 'selection');
  await page.close();
  if (!outcome.ok) throw new Error(`Clipping failed: ${outcome.message}`);
  return outcome.clipId;
}

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, printEmails: false });
  server = await startFixtureServer();
  aliceBrowser = await launchExtensionBrowser();
  bobBrowser = await launchExtensionBrowser();
});

afterAll(async () => {
  await aliceBrowser?.close();
  await bobBrowser?.close();
  await server?.close();
  await stack?.stop();
});

// One story, case after case: each step builds on the one before.
describe('sync between two browsers and the local stack', () => {
  it('signs in from the options page', async () => {
    alicePage = await aliceBrowser.openExtensionPage('options.html');

    const line = await signInOnOptionsPage(alicePage, {
      url: stack.url,
      anonKey: stack.anonKey,
      ...alice,
    });

    expect(line).toBe(`Signed in as ${alice.email}.`);
  });

  it('keeps a clip made offline pending and says offline', async () => {
    await setWorkerOffline(aliceBrowser.worker, true);
    clipId = await clipAPassage();

    const state = await send(alicePage, { type: 'sync-now' });

    expect(state).toMatchObject({
      pendingCount: 1,
      problem: { code: 'offline' },
    });
    expect(await serverClip(clipId)).toBeUndefined();
  });

  it('sends the draft to the server once back online', async () => {
    await setWorkerOffline(aliceBrowser.worker, false);

    const state = await send(alicePage, { type: 'sync-now' });

    expect(state).toMatchObject({ pendingCount: 0, problem: null });
    expect(await serverClip(clipId)).toEqual({ state: 'draft' });
  });

  it('keeps the draft out of a teammate’s browser', async () => {
    bobPage = await bobBrowser.openExtensionPage('options.html');
    const { url, anonKey } = stack;
    await send(bobPage, { type: 'workspace-connect', url, anonKey });
    await send(bobPage, { type: 'sign-in-password', ...bob });

    const state = await send(bobPage, { type: 'sync-now' });

    expect(state).toMatchObject({ problem: null });
    expect(await storedClip(bobPage, clipId)).toBeUndefined();
  });

  it('shows the teammate the clip in the feed once published', async () => {
    await publish(clipId);
    expect(await serverClip(clipId)).toEqual({ state: 'published' });

    const page = await send(bobPage, { type: 'feed-page', scope: 'everyone' });

    const items = (page.items ?? []) as { id: string }[];
    expect(items.map((item) => item.id)).toContain(clipId);
  });

  it('shows the teammate the cached feed page, marked stale, offline', async () => {
    await setWorkerOffline(bobBrowser.worker, true);

    const page = await send(bobPage, { type: 'feed-page', scope: 'everyone' });

    const items = (page.items ?? []) as { id: string }[];
    expect([page.stale, items.map((item) => item.id)]).toEqual([
      true,
      expect.arrayContaining([clipId]),
    ]);
  });
});
