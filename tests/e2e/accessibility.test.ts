import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../../local-stack/database.ts';
import { startLocalStack, type LocalStack } from '../../local-stack/stack.ts';
import { canonicalUrl } from '../../utils/capture/canonical-url';
import { listFixturePages } from '../helpers/fixture-pages';
import {
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server';
import { axeViolationsOf } from './helpers/axe-page';
import { clipInWorker } from './helpers/clip-in-worker';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './helpers/extension-browser';
import { selectPassage } from './helpers/page-selection';
import { openDetail, showFeedCard } from './helpers/peer-feed-page';
import { clickButtonNamed, signInAs } from './helpers/peer-session';
import { openPopupOver } from './helpers/popup-page';

const BOB = 'c0000000-0000-4000-8000-000000000002';

let stack: LocalStack;
let server: FixtureServer;
const browsers: ExtensionBrowser[] = [];
const peerClipId = randomUUID();
let pageUrl = '';

/** Chromium with the extension, signed in as one demo person. */
async function browserOf(email: string, path: string) {
  const extension = await launchExtensionBrowser();
  browsers.push(extension);
  const page = await extension.openExtensionPage(path);
  await signInAs(page, stack, email);
  return { extension, page };
}

/**
 * Bob's published clip of the page, with a snippet and a comment, straight
 * into the server.
 */
async function publishPeerClip(url: string): Promise<void> {
  await withClient(stack.database.urls.admin, async (admin) => {
    await admin.query(
      `insert into public.clips (id, author_id, source_url, canonical_url,
         title, site, quote, snippet, note, tags, state, visibility)
       values ($1, $2, $3, $3, 'Cold chain checks', '127.0.0.1',
         'Check the logger before unloading.',
         '<p>Check the <a href="https://kb.example/logger">logger</a>.</p>',
         'Worth a **read**.', '{cold-chain}', 'published', 'organisation')`,
      [peerClipId, BOB, url],
    );
    await admin.query(
      `insert into public.comments (clip_id, author_id, body)
       values ($1, $2, 'Also check the seals.')`,
      [peerClipId, BOB],
    );
  });
}

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, printEmails: false });
  server = await startFixtureServer();
  const [fixture] = listFixturePages();
  pageUrl = server.urlOf(fixture?.urlPath ?? '');
  await publishPeerClip(canonicalUrl(pageUrl));
});

afterAll(async () => {
  for (const extension of browsers) await extension.close();
  await server?.close();
  await stack?.stop();
});

describe('accessibility as alice', () => {
  let extension: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    ({ extension, page: panel } = await browserOf(
      'alice@example.com',
      'sidepanel.html',
    ));
    const tab = await extension.browser.newPage();
    await tab.goto(pageUrl);
    await selectPassage(tab);
    const outcome = await clipInWorker(extension.worker, pageUrl, 'selection');
    if (!outcome.ok) throw new Error(`Clipping failed: ${outcome.message}`);
    await tab.close();
  });

  it('finds no violations in the popup with a draft and peers’ clips', async () => {
    const { popup, tab } = await openPopupOver(extension, pageUrl);
    await popup.waitForSelector('li.page-clip', { timeout: 15_000 });

    const violations = await axeViolationsOf(popup);
    await popup.close();
    await tab.close();

    expect(violations).toEqual([]);
  });

  it('finds no violations in the side panel’s feed', async () => {
    await showFeedCard(panel, peerClipId);

    expect(await axeViolationsOf(panel)).toEqual([]);
  });

  it('finds no violations in a clip’s detail', async () => {
    await openDetail(panel, await showFeedCard(panel, peerClipId), 1);

    expect(await axeViolationsOf(panel)).toEqual([]);
  });

  it('finds no violations in My drafts', async () => {
    await clickButtonNamed(panel, 'My drafts');
    await panel.waitForSelector('.draft-card', { timeout: 15_000 });

    expect(await axeViolationsOf(panel)).toEqual([]);
  });

  it('finds no violations in a draft with its publishing checklist', async () => {
    await panel.click('.draft-card');
    await clickButtonNamed(panel, 'Publish…');
    await panel.waitForSelector('fieldset input[type="checkbox"]', {
      timeout: 15_000,
    });

    expect(await axeViolationsOf(panel)).toEqual([]);
  });

  it('finds no violations in the options with the publishing guide', async () => {
    const options = await extension.openExtensionPage('options.html');
    await options.waitForSelector('::-p-text(Checklist)', { timeout: 15_000 });

    expect(await axeViolationsOf(options)).toEqual([]);
  });
});

describe('accessibility as carol, a reviewer', () => {
  let panel: Page;

  beforeAll(async () => {
    ({ page: panel } = await browserOf('carol@example.com', 'sidepanel.html'));
  });

  it('finds no violations in the review queue', async () => {
    // The button may carry the count of clips waiting.
    await panel.click('::-p-xpath(//nav//button[starts-with(., "Review")])');
    await panel.waitForSelector('.review-queue li .draft-card', {
      timeout: 15_000,
    });

    expect(await axeViolationsOf(panel)).toEqual([]);
  });

  it('finds no violations in a clip under review, with its form', async () => {
    await panel.click('.review-queue li .draft-card');
    await panel.waitForSelector('#review-clip-title', { timeout: 15_000 });

    expect(await axeViolationsOf(panel)).toEqual([]);
  });

  it('reports a violation planted in the page', async () => {
    await panel.evaluate(() => {
      const unlabelled = document.createElement('input');
      document.querySelector('.review-queue')?.append(unlabelled);
    });

    expect(await axeViolationsOf(panel)).not.toEqual([]);
  });
});

describe('accessibility as dave, the admin', () => {
  it('finds no violations in the publishing guide editor', async () => {
    const { page: options } = await browserOf(
      'dave@example.com',
      'options.html',
    );
    await clickButtonNamed(options, 'Edit the guide');
    await options.waitForSelector('form', { timeout: 15_000 });

    expect(await axeViolationsOf(options)).toEqual([]);
  });
});
