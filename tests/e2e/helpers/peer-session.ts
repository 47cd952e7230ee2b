import type { Page } from 'puppeteer';
import type { LocalStack } from '../../../local-stack/stack.ts';
import { sendFromPage } from './clip-in-worker';

/** The password of every demo person of the seed. */
export const DEMO_PASSWORD = 'peerclip-demo';

type Reply = Record<string, unknown>;

async function sendOrThrow(page: Page, message: Reply): Promise<Reply> {
  const reply = (await sendFromPage(page, message)) as Reply | undefined;
  if (reply && reply.ok === false) {
    throw new Error(`${String(message.type)}: ${String(reply.message)}`);
  }
  return reply ?? {};
}

/**
 * Connects the stack's workspace, signs in as one demo person and syncs,
 * through the background's own requests, then reloads the page so it
 * starts signed in.
 */
export async function signInAs(
  page: Page,
  stack: LocalStack,
  email: string,
): Promise<void> {
  const { url, anonKey } = stack;
  await sendOrThrow(page, { type: 'workspace-connect', url, anonKey });
  await sendOrThrow(page, {
    type: 'sign-in-password',
    email,
    password: DEMO_PASSWORD,
  });
  await sendOrThrow(page, { type: 'sync-now' });
  await page.reload();
}

/** Clicks the button whose text is `text`, once it shows. */
export async function clickButtonNamed(
  page: Page,
  text: string,
): Promise<void> {
  const button = await page.waitForSelector(
    `::-p-xpath(//button[normalize-space()="${text}"])`,
    { timeout: 10_000 },
  );
  await button?.click();
}
