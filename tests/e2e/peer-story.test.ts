import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local-stack/stack.ts';
import {
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server';
import { clipInWorker, sendFromPage } from './helpers/clip-in-worker';
import {
  chooseOption,
  clickButton,
  clickWhereText,
  showPanelView,
  textsOf,
  typeInField,
  waitForText,
} from './helpers/page-controls';
import { selectPassage } from './helpers/page-selection';
import { ServerRows } from './helpers/server-rows';
import {
  openSidePanel,
  personSignedIn,
  syncNow,
  type Person,
} from './helpers/signed-in-person';
import { openDraftTitled } from './helpers/side-panel-page';
import { storedClip } from './helpers/stored-clips';
import {
  badgeTextSoon,
  openToolbarPopup,
  toolbarBadgeText,
} from './helpers/toolbar-popup';
import { setWorkerOffline } from './helpers/worker-network';

const password = 'peerclip-demo';
const WIKI_PAGE = '/own/wiki-cold-chain.html';
const BOBS_COMMENT = 'We plug reefers in at R-12 first; worth adding.';
const NEW_NOTE = 'Twenty minutes is the depot rule, not forty.';

let stack: LocalStack;
let server: FixtureServer;
let rows: ServerRows;
let alice: Person;
let bob: Person;
let carol: Person;
let alicePanel: Page;
let bobPanel: Page;
let carolPanel: Page;
/** Bob's tab showing the wiki page, under the toolbar popup. */
let wikiTab: Page;
let clipId = '';
let clipTitle = '';

/** Opens the clip from the Everyone tab of the feed, as a reader does. */
async function openFromEveryone(panel: Page): Promise<void> {
  await showPanelView(panel, 'Feed');
  await clickButton(panel, 'Everyone', '.feed-tabs');
  const card = `article.feed-card[data-clip-id="${clipId}"]`;
  await clickWhereText(panel, `${card} h3 button`, clipTitle);
  await panel.waitForSelector('article.clip-detail h2');
}

/** Reopens the clip's detail, so it shows what the last sync brought. */
async function reopenDetail(panel: Page): Promise<void> {
  await clickButton(panel, '← Back', 'article.clip-detail');
  await openFromEveryone(panel);
}

/** Alice selects a passage of the wiki page and clips it. */
async function clipTheWikiPassage(): Promise<void> {
  const url = server.urlOf(WIKI_PAGE);
  const page = await alice.extension.browser.newPage();
  await page.goto(url);
  await selectPassage(page, 'article .panel p');

  const outcome = await clipInWorker(alice.extension.worker, url, 'selection');
  await page.close();
  if (!outcome.ok) throw new Error(`Clipping failed: ${outcome.message}`);
  clipId = outcome.clipId;
}

beforeAll(async () => {
  [stack, server] = await Promise.all([
    startLocalStack({ port: 0, printEmails: false }),
    startFixtureServer(),
  ]);
  rows = new ServerRows(stack.database.urls.admin);
  const workspace = { url: stack.url, anonKey: stack.anonKey, password };
  [alice, bob, carol] = await Promise.all([
    personSignedIn(workspace, 'alice@example.com'),
    personSignedIn(workspace, 'bob@example.com'),
    personSignedIn(workspace, 'carol@example.com'),
  ]);
});

afterAll(async () => {
  await Promise.all(
    [alice, bob, carol].map((person) => person?.extension.close()),
  );
  await server?.close();
  await stack?.stop();
});

// One story, case after case: each step builds on the one before.
describe('peers publish, review, discuss and endorse a clip', () => {
  it('sends Alice’s wiki clip in Health & Safety to review', async () => {
    await clipTheWikiPassage();
    alicePanel = await openSidePanel(alice);
    clipTitle = (await storedClip(alicePanel, clipId))?.title ?? '';
    await showPanelView(alicePanel, 'My drafts');
    await openDraftTitled(alicePanel, clipTitle);

    await clickButton(alicePanel, 'Publish…');
    await chooseOption(alicePanel, 'Topic', 'Health & Safety');
    const boxes = await alicePanel.$$('.publish-checklist [type=checkbox]');
    for (const box of boxes) await box.click();
    await clickButton(alicePanel, 'Submit', 'form.publish-checklist');
    // Sync only once the panel says the clip is on its way; the
    // background's own sync may already have brought it back in review.
    await waitForText(alicePanel, '.draft-publishing, .clip-badges', [
      'Sent for review',
      'Sending for publishing',
      'In review',
    ]);
    await syncNow(alice);

    expect(await rows.clip(clipId)).toEqual({
      state: 'in_review',
      topic: 'Health & Safety',
    });
    expect(
      await waitForText(alicePanel, '.clip-badges', 'In review'),
    ).toContain('Awaiting official endorsement');
  });

  it('publishes the clip when Carol approves it in her queue', async () => {
    carolPanel = await openSidePanel(carol);
    await showPanelView(carolPanel, 'Review');
    await clickWhereText(carolPanel, '.review-queue .draft-card', clipTitle);

    await typeInField(carolPanel, 'What helps', 'The forty-minute limit.');
    await clickButton(carolPanel, 'Approve');
    await waitForText(carolPanel, '[role=status]', 'approval is recorded');
    await syncNow(carol);

    expect((await rows.clip(clipId))?.state).toBe('published');
  });

  it('records the official endorsement Carol gives from the feed', async () => {
    await openFromEveryone(carolPanel);

    await clickButton(carolPanel, `Endorse officially ‘${clipTitle}’`);
    await waitForText(carolPanel, '.endorse__mine', 'officially');
    await syncNow(carol);

    expect(await rows.endorsements(clipId)).toEqual([
      {
        endorser: carol.email,
        kind: 'official',
        withdrawn: false,
        matchesText: true,
      },
    ]);
  });

  it('shows Bob the clip under Everyone with the Endorsed badge', async () => {
    bobPanel = await openSidePanel(bob);
    await clickButton(bobPanel, 'Everyone', '.feed-tabs');

    const card = `article.feed-card[data-clip-id="${clipId}"]`;
    const badges = await waitForText(bobPanel, `${card} .feed-badges`, 'End');

    expect(badges).toContain('Endorsed');
  });

  it('sends the comment Bob writes under the clip', async () => {
    await openFromEveryone(bobPanel);

    await typeInField(bobPanel, 'Add a comment', BOBS_COMMENT);
    await clickButton(bobPanel, 'Comment', 'form.comment-form');
    await waitForText(bobPanel, '.comment__body', BOBS_COMMENT);
    await syncNow(bob);

    expect(await rows.comments(clipId)).toEqual([
      { author: bob.email, body: BOBS_COMMENT },
    ]);
  });

  it('counts the news on Alice’s toolbar badge when she syncs', async () => {
    await syncNow(alice);

    const badge = await toolbarBadgeText(alice.extension);

    // Carol's approval, Carol's endorsement and Bob's comment.
    expect(badge).toBe('3');
  });

  it('lists the clip when Alice opens Activity', async () => {
    await showPanelView(alicePanel, 'Activity');

    const listed = await waitForText(alicePanel, '.activity-list li', 'new');

    expect(listed).toContain(clipTitle);
  });

  it('clears Alice’s badge once she has looked at Activity', async () => {
    const badge = await badgeTextSoon(alice.extension, '');

    expect(badge).toBe('');
  });

  it('shows Alice Bob’s comment and the Endorsed badge', async () => {
    await clickWhereText(alicePanel, '.activity-list button', clipTitle);

    await waitForText(alicePanel, '.comment__body', BOBS_COMMENT);

    expect(await textsOf(alicePanel, '.clip-badges .badge')).toContain(
      'Endorsed',
    );
  });

  it('shows the endorsement lapsed when Alice edits her note', async () => {
    await clickButton(alicePanel, 'Edit note', 'article.clip-detail');
    await typeInField(alicePanel, 'Note', NEW_NOTE);
    await clickButton(alicePanel, 'Save note', 'article.clip-detail');
    await waitForText(alicePanel, '.own-note', 'Note saved');
    await syncNow(alice);

    await reopenDetail(alicePanel);
    const lapsed = await waitForText(alicePanel, '.endorsement', 'Lapsed');

    expect(lapsed).toContain('Carol Nguyen · Official');
    expect(await textsOf(alicePanel, '.clip-badges .badge')).not.toContain(
      'Endorsed',
    );
  });

  it('lists the clip in Bob’s popup on the wiki page', async () => {
    wikiTab = await bob.extension.browser.newPage();
    await wikiTab.goto(server.urlOf(WIKI_PAGE));

    const popup = await openToolbarPopup(bob.extension, wikiTab);
    const listed = await waitForText(popup, '.page-clip', clipTitle);
    await popup.close();

    expect(listed).toContain('Not endorsed yet');
  });

  it('queues Bob’s endorsement from the popup while offline', async () => {
    await setWorkerOffline(bob.extension.worker, true);
    const popup = await openToolbarPopup(bob.extension, wikiTab);

    await clickButton(popup, `Endorse ‘${clipTitle}’`, '.page-clip');
    const shown = await waitForText(popup, '.endorse__mine', 'Queued');
    await sendFromPage(bob.options, { type: 'sync-now' });
    await popup.close();

    expect(shown).toBe('You endorsed this. Queued');
    expect(await rows.endorsements(clipId)).not.toContainEqual(
      expect.objectContaining({ endorser: bob.email }),
    );
  });

  it('sends Bob’s queued endorsement once back online', async () => {
    await setWorkerOffline(bob.extension.worker, false);

    await syncNow(bob);

    expect(await rows.endorsements(clipId)).toContainEqual({
      endorser: bob.email,
      kind: 'peer',
      withdrawn: false,
      matchesText: true,
    });
  });

  it('shows Bob his endorsement as sent in the popup', async () => {
    const popup = await openToolbarPopup(bob.extension, wikiTab);

    const shown = await waitForText(popup, '.page-clip', 'You endorsed this');

    expect(shown).not.toContain('Queued');
  });
});
