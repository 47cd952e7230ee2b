import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clipTab } from '@/utils/clipping/clip-tab';
import { fakeCapture } from '../fakes/captures';
import {
  fakeClipWorld,
  openTab,
  type FakeClipWorld,
} from '../fakes/clip-services';
import { answering, withFrames } from '../fakes/fake-scripting';

const PAGE = 'https://wiki.northwind.example/safety/lifting';

function captured(overrides = {}) {
  return { ok: true, capture: fakeCapture(overrides) };
}

function fileInjections(world: FakeClipWorld) {
  return world.scripting.injections.filter((injection) => 'files' in injection);
}

describe('clipTab', () => {
  let world: FakeClipWorld;

  beforeEach(() => {
    world = fakeClipWorld();
  });

  it('saves the captured selection as a draft', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(
      tab.id,
      answering({ ok: true, capture: fakeCapture() }),
    );

    const outcome = await clipTab(tab, 'selection', world.services);

    expect(
      outcome.ok && (await world.db.clips.get(outcome.clipId))?.quote,
    ).toBe('Bend your knees, not your back.');
  });

  it('asks only the top frame when it holds the selection', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(tab.id, withFrames(captured()));

    await clipTab(tab, 'selection', world.services);

    expect(fileInjections(world)).toEqual([
      { target: { tabId: tab.id }, files: ['/content-scripts/capture.js'] },
    ]);
  });

  it('injects the article script into the top frame only', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(tab.id, withFrames(captured()));

    await clipTab(tab, 'page', world.services);

    expect(fileInjections(world)).toEqual([
      { target: { tabId: tab.id }, files: ['/content-scripts/article.js'] },
    ]);
  });

  it('confirms a saved draft with a check mark on the badge', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(
      tab.id,
      answering({ ok: true, capture: fakeCapture() }),
    );

    await clipTab(tab, 'selection', world.services);

    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('✓');
  });

  it('confirms a saved draft with a toast on the page', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(
      tab.id,
      answering({ ok: true, capture: fakeCapture() }),
    );

    await clipTab(tab, 'selection', world.services);

    expect(world.scripting.toasts).toEqual([
      ['Saved to your Peerclip drafts.', 'saved'],
    ]);
  });

  it('uses the selection of a same-origin frame', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(
      tab.id,
      withFrames(
        { ok: false, reason: 'no-selection', message: '' },
        captured({ quote: 'In the frame.' }),
      ),
    );

    const outcome = await clipTab(tab, 'selection', world.services);

    expect(
      outcome.ok && (await world.db.clips.get(outcome.clipId))?.quote,
    ).toBe('In the frame.');
  });

  it('explains a selection inside a cross-origin frame', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(
      tab.id,
      withFrames(
        { ok: false, reason: 'selection-in-frame', message: '' },
        { ok: false, reason: 'no-selection', message: '' },
      ),
    );

    const outcome = await clipTab(tab, 'selection', world.services);

    expect(outcome).toMatchObject({ ok: false, code: 'selection-in-frame' });
  });

  it('offers to clip the page when nothing is selected', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(
      tab.id,
      answering({ ok: false, reason: 'no-selection', message: 'x' }),
    );

    const outcome = await clipTab(tab, 'selection', world.services);

    expect(outcome).toMatchObject({ ok: false, offerClipPage: true });
  });

  it.each([
    'chrome://settings',
    'edge://extensions',
    'about:blank',
    'view-source:https://example.com/',
    'https://chromewebstore.google.com/detail/abc',
    'https://addons.mozilla.org/en-US/firefox/',
    'https://intranet.example/handbook.pdf',
    'file:///home/alex/notes.html',
    'chrome-extension://abcdef/popup.html',
  ])('refuses %s before injecting anything', async (url) => {
    const tab = await openTab(url);

    const outcome = await clipTab(tab, 'selection', world.services);

    expect([
      outcome.ok || outcome.message.split(':')[0],
      world.scripting.injections,
    ]).toEqual(['Peerclip can’t clip this page', []]);
  });

  it('clips a file page when the user allowed file access', async () => {
    const tab = await openTab('file:///home/alex/notes.html');
    world.services.fileAccessAllowed = async () => true;
    world.scripting.setPage(
      tab.id,
      answering({ ok: true, capture: fakeCapture() }),
    );

    const outcome = await clipTab(tab, 'selection', world.services);

    expect(outcome.ok).toBe(true);
  });

  it('saves nothing when the page navigates during capture', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(tab.id, async () => {
      await fakeBrowser.tabs.update(tab.id, {
        url: 'https://elsewhere.example/',
      });
      return [{ frameId: 0, result: { ok: true, capture: fakeCapture() } }];
    });

    const outcome = await clipTab(tab, 'selection', world.services);

    expect([outcome, await world.db.clips.count()]).toMatchObject([
      { ok: false, code: 'page-changed' },
      0,
    ]);
  });

  it('saves nothing when injection fails because the page went away', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(tab.id, async () => {
      await fakeBrowser.tabs.update(tab.id, {
        url: 'https://elsewhere.example/',
      });
      throw new Error('Frame with ID 0 was removed.');
    });

    const outcome = await clipTab(tab, 'selection', world.services);

    expect(outcome).toMatchObject({ ok: false, code: 'page-changed' });
  });

  it.each([
    ['a string', 'pwned'],
    [
      'a capture without a quote',
      { ok: true, capture: { ...fakeCapture(), quote: 1 } },
    ],
    [
      'a javascript: URL',
      { ok: true, capture: fakeCapture({ url: 'javascript:alert(1)' }) },
    ],
    ['an unknown failure reason', { ok: false, reason: 'hacked', message: '' }],
  ])('refuses %s from a tampered page', async (_case, result) => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(tab.id, answering(result));

    const outcome = await clipTab(tab, 'selection', world.services);

    expect([outcome, await world.db.clips.count()]).toMatchObject([
      { ok: false, code: 'bad-capture' },
      0,
    ]);
  });

  it('holds a tampered capture to the quote limit', async () => {
    const tab = await openTab(PAGE);
    const quote = 'q'.repeat(150_000);
    world.scripting.setPage(
      tab.id,
      answering({ ok: true, capture: fakeCapture({ quote }) }),
    );

    const outcome = await clipTab(tab, 'selection', world.services);

    expect(
      outcome.ok && (await world.db.clips.get(outcome.clipId))?.quote.length,
    ).toBe(100_000);
  });

  it('shows a failure on the badge', async () => {
    const tab = await openTab(PAGE);
    world.scripting.setPage(
      tab.id,
      answering({ ok: false, reason: 'empty-page', message: '' }),
    );

    await clipTab(tab, 'page', world.services);

    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('!');
  });
});
