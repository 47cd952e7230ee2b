import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { openPeerclipDb } from '@/utils/store/database';
import { fakeCapture } from '../fakes/captures';
import { FakeScripting, answering } from '../fakes/fake-scripting';
import { addGestureApis, gestureBrowser } from '../fakes/gesture-apis';

/** Waits until the worker's fire-and-forget clip has written the draft. */
async function draftQuotes(): Promise<string[]> {
  const db = openPeerclipDb();
  for (let attempt = 0; attempt < 50; attempt++) {
    const clips = await db.clips.toArray();
    if (clips.length) return clips.map((clip) => clip.quote);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return [];
}

describe('background', () => {
  let tab: { id: number; url: string };

  beforeEach(async () => {
    const db = openPeerclipDb();
    await Promise.all([db.clips.clear(), db.outbox.clear()]);
    db.close();
    addGestureApis();
    const scripting = new FakeScripting();
    Object.assign(fakeBrowser, {
      scripting,
      extension: { isAllowedFileSchemeAccess: async () => false },
    });
    const created = await fakeBrowser.tabs.create({
      url: 'https://wiki.northwind.example/safety',
    });
    tab = { id: created.id as number, url: created.url as string };
    scripting.setPage(tab.id, answering({ ok: true, capture: fakeCapture() }));
    background.main();
  });

  it('saves a draft when the context menu item is clicked', async () => {
    await gestureBrowser.contextMenus.onClicked.trigger(
      { menuItemId: 'clip-selection' },
      tab,
    );

    expect(await draftQuotes()).toEqual(['Bend your knees, not your back.']);
  });

  it('saves a draft on the keyboard command', async () => {
    await gestureBrowser.commands.onCommand.trigger('clip-selection', tab);

    expect(await draftQuotes()).toEqual(['Bend your knees, not your back.']);
  });

  it('answers the account status in local-only mode', async () => {
    const reply = await fakeBrowser.runtime.sendMessage({
      type: 'account-status',
    });

    expect(reply).toMatchObject({ workspace: null, user: null });
  });

  it('answers a malformed message with a bad-request reply', async () => {
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'wipe' });

    expect(reply).toMatchObject({ ok: false, code: 'bad-request' });
  });
});
