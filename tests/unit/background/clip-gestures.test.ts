import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  registerClipGestures,
  type GestureApis,
} from '@/utils/browser/clip-gestures';
import type { TabInfo } from '@/utils/browser/tabs';
import type { ClipMode } from '@/utils/messages/protocol';
import {
  addGestureApis,
  createdMenuItems,
  gestureBrowser,
} from '../fakes/gesture-apis';

const TAB = { id: 4, url: 'https://wiki.northwind.example/a' };

describe('registerClipGestures', () => {
  let clips: [TabInfo, ClipMode][];

  beforeEach(() => {
    addGestureApis();
    clips = [];
    registerClipGestures(
      fakeBrowser as unknown as GestureApis,
      async (tab, mode) => void clips.push([tab, mode]),
      async () => TAB,
    );
  });

  it('adds a selection item and a page item on install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'install',
    } as never);
    await Promise.resolve();

    expect(createdMenuItems.map((item) => item.contexts)).toEqual([
      ['selection'],
      ['page'],
    ]);
  });

  it('clips the selection from the context menu', async () => {
    await gestureBrowser.contextMenus.onClicked.trigger(
      { menuItemId: 'clip-selection' },
      TAB,
    );

    expect(clips).toEqual([[TAB, 'selection']]);
  });

  it('clips the page from the context menu', async () => {
    await gestureBrowser.contextMenus.onClicked.trigger(
      { menuItemId: 'clip-page' },
      TAB,
    );

    expect(clips).toEqual([[TAB, 'page']]);
  });

  it('clips the selection on the keyboard command', async () => {
    await gestureBrowser.commands.onCommand.trigger('clip-selection', TAB);

    expect(clips).toEqual([[TAB, 'selection']]);
  });

  it('clips the active tab when the command names no tab', async () => {
    await gestureBrowser.commands.onCommand.trigger('clip-selection');
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(clips).toEqual([[TAB, 'selection']]);
  });

  it('ignores other commands', async () => {
    await gestureBrowser.commands.onCommand.trigger('something-else', TAB);

    expect(clips).toEqual([]);
  });
});
