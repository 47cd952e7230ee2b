import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFixturePages } from '../helpers/fixture-pages';
import {
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server';
import type { ClipOutcome } from '../../utils/messages/protocol';
import { clipInWorker, sendFromPage } from './helpers/clip-in-worker';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './helpers/extension-browser';
import { readable, selectPassage } from './helpers/page-selection';
import { openDraftTitled } from './helpers/side-panel-page';

/** The detail of a draft as the side panel shows it. */
async function openDraftInSidePanel(panel: Page, title: string) {
  await panel.reload();
  await openDraftTitled(panel, readable(title));

  return panel.evaluate(() => ({
    quote: document.querySelector('blockquote.quote')?.textContent ?? '',
    title: document.querySelector('#detail-title')?.textContent ?? '',
    url: document.querySelector('.source a')?.getAttribute('href') ?? '',
  }));
}

describe('clipping every fixture page', () => {
  let server: FixtureServer;
  let extension: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    extension = await launchExtensionBrowser();
    panel = await extension.openExtensionPage('sidepanel.html');
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  it.each(listFixturePages().map((page) => [page.name, page.urlPath]))(
    'finds a passage of %s in the side panel with its quote, URL and title',
    async (_name, urlPath) => {
      const page = await extension.browser.newPage();
      const url = server.urlOf(urlPath);
      await page.goto(url);
      const passage = await selectPassage(page);

      const outcome = await clipInWorker(extension.worker, url, 'selection');
      // A refused clip says why here, rather than as a card never shown.
      expect(outcome).toMatchObject({ ok: true });
      const shown = await openDraftInSidePanel(panel, passage.title);
      await page.close();

      expect({
        quote: readable(shown.quote),
        title: readable(shown.title),
        url: shown.url,
      }).toEqual({
        quote: readable(passage.quote),
        title: readable(passage.title),
        url,
      });
    },
  );

  it('keeps a note typed in the popup after a reload', async () => {
    const [first] = listFixturePages();
    const page = await extension.browser.newPage();
    const url = server.urlOf(first?.urlPath ?? '');
    await page.goto(url);
    await selectPassage(page);
    await clipInWorker(extension.worker, url, 'selection');
    const popup = await extension.openExtensionPage('popup.html');
    await popup.bringToFront();
    await popup.waitForSelector('#note');

    await popup.type('#note', 'Check with the depot lead first.');
    await popup.waitForFunction(
      () => document.querySelector('.save-state')?.textContent === 'Saved',
      { polling: 100 },
    );
    await popup.reload();
    await popup.waitForSelector('#note');
    const note = await popup.$eval(
      '#note',
      (field) => (field as HTMLTextAreaElement).value,
    );

    expect(note).toBe('Check with the depot lead first.');
  });

  it('clips the active tab when the popup asks the background', async () => {
    const popup = await extension.openExtensionPage('popup.html');
    const page = await extension.browser.newPage();
    const [first] = listFixturePages();
    await page.goto(server.urlOf(first?.urlPath ?? ''));
    const passage = await selectPassage(page);

    const outcome = (await sendFromPage(popup, {
      type: 'clip-active-tab',
      mode: 'selection',
    })) as ClipOutcome;
    const shown = outcome.ok
      ? await openDraftInSidePanel(panel, passage.title)
      : { quote: '' };
    await Promise.all([popup.close(), page.close()]);

    expect(outcome).toMatchObject({ ok: true });
    expect(readable(shown.quote)).toBe(readable(passage.quote));
  });

  it('answers a malformed message with a readable bad-request reply', async () => {
    const popup = await extension.openExtensionPage('popup.html');

    const reply = await sendFromPage(popup, { type: 'clip-everything' });
    await popup.close();

    expect(reply).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('confirms with a toast that leaves the focus where it was', async () => {
    const page = await extension.browser.newPage();
    const [first] = listFixturePages();
    // A query of its own, so the worker finds this tab and no closed one.
    const url = `${server.urlOf(first?.urlPath ?? '')}?toast`;
    await page.goto(url);
    await selectPassage(page);
    const focusedBefore = await page.evaluate(
      () => document.activeElement?.localName,
    );

    const outcome = await clipInWorker(extension.worker, url, 'selection');
    const toast = await page
      .waitForSelector('peerclip-toast', { timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    const after = {
      ok: outcome.ok,
      toast,
      focused: await page.evaluate(() => document.activeElement?.localName),
    };
    await page.close();

    expect(after).toEqual({ ok: true, toast: true, focused: focusedBefore });
  });
});
