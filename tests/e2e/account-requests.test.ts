import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { startLocalStack, type LocalStack } from '../../local-stack/stack.ts';
import { sendFromPage } from './helpers/clip-in-worker';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './helpers/extension-browser';

const alice = { email: 'alice@example.com', password: 'peerclip-demo' };

let stack: LocalStack;
let extension: ExtensionBrowser;
let page: Page;

/** The names of the worker's alarms. */
function alarmNames(): Promise<string[]> {
  return extension.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as WorkerGlobals;
    return (await chrome.alarms.getAll()).map((alarm) => alarm.name);
  });
}

interface WorkerGlobals {
  chrome: { alarms: { getAll(): Promise<{ name: string }[]> } };
}

const send = (message: Record<string, unknown>) =>
  sendFromPage(page, message) as Promise<Record<string, unknown>>;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, printEmails: false });
  extension = await launchExtensionBrowser();
  page = await extension.openExtensionPage('popup.html');
  await send({
    type: 'workspace-connect',
    url: stack.url,
    anonKey: stack.anonKey,
  });
});

afterAll(async () => {
  await extension?.close();
  await stack?.stop();
});

// One browser walks through a person's account, case after case.
describe('the background’s account requests against the local stack', () => {
  it('refuses a wrong password in plain words', async () => {
    const reply = await send({
      ...alice,
      type: 'sign-in-password',
      password: 'x',
    });

    expect(reply).toMatchObject({ ok: false, code: 'invalid-credentials' });
  });

  it('signs in and syncs with the supabase-js client of the worker', async () => {
    await send({ ...alice, type: 'sign-in-password' });

    const state = await send({ type: 'sync-now' });

    expect(state).toMatchObject({ problem: null, pendingCount: 0 });
  });

  it('says who is signed in and schedules a sync every minute', async () => {
    const status = await send({ type: 'account-status' });

    const alarms = await alarmNames();
    expect([status.user, alarms]).toMatchObject([
      { email: alice.email },
      ['peerclip-sync'],
    ]);
  });

  it('signs out and stops the minute alarm', async () => {
    await send({ type: 'sign-out', keepDrafts: true });

    const status = await send({ type: 'account-status' });
    expect([status.user, await alarmNames()]).toEqual([null, []]);
  });
});
