import type { Page } from 'puppeteer';
import { sendFromPage } from './clip-in-worker';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './extension-browser';
import { signInOnOptionsPage } from './options-sign-in';

/** One person of a story: a browser profile of their own, signed in. */
export interface Person {
  email: string;
  extension: ExtensionBrowser;
  /** The options page, kept open to send messages from. */
  options: Page;
}

/** The workspace a person signs in to, and the seed's shared password. */
export interface Workspace {
  url: string;
  anonKey: string;
  password: string;
}

/**
 * Launches a browser profile of its own and signs in as `email` through
 * the options page's forms, as the person would.
 */
export async function personSignedIn(
  workspace: Workspace,
  email: string,
): Promise<Person> {
  const extension = await launchExtensionBrowser();
  const options = await extension.openExtensionPage('options.html');

  await signInOnOptionsPage(options, { ...workspace, email });
  return { email, extension, options };
}

/** Syncs now, as the sync button does, and fails on a sync problem. */
export async function syncNow(person: Person): Promise<void> {
  const state = (await sendFromPage(person.options, {
    type: 'sync-now',
  })) as { problem: { message: string } | null };
  if (state.problem) throw new Error(`Sync: ${state.problem.message}`);
}

/** Opens the side panel page; a signed-in reader starts on the feed. */
export async function openSidePanel(person: Person): Promise<Page> {
  const panel = await person.extension.openExtensionPage('sidepanel.html');
  await panel.bringToFront();
  await panel.waitForSelector('.panel-nav');
  return panel;
}
