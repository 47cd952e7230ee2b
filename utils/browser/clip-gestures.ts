import type { ClipMode } from '@/utils/messages/protocol';
import type { TabInfo } from './tabs';

/** The manifest command that clips the selection (see wxt.config.ts). */
export const CLIP_COMMAND = 'clip-selection';

/** Where a context menu item shows. */
type MenuContext = 'selection' | 'page';

/** The context menu items, one per clip mode. */
export const CLIP_MENU_ITEMS: Record<
  ClipMode,
  { title: string; context: MenuContext }
> = {
  selection: { title: 'Clip selection with Peerclip', context: 'selection' },
  page: { title: 'Clip page with Peerclip', context: 'page' },
};

/** An event source the way `browser.*` events look. */
interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
}

/** The parts of `browser` the gestures use; WXT's fake browser fits too. */
export interface GestureApis {
  runtime: { onInstalled: BrowserEvent<() => void> };
  contextMenus: {
    removeAll(): Promise<void>;
    create(properties: {
      id: string;
      title: string;
      contexts: [MenuContext];
    }): unknown;
    onClicked: BrowserEvent<
      (info: { menuItemId: string | number }, tab?: TabInfo) => void
    >;
  };
  commands: {
    onCommand: BrowserEvent<(command: string, tab?: TabInfo) => void>;
  };
}

/** What a gesture starts: clipping a tab. */
export type ClipStarter = (tab: TabInfo, mode: ClipMode) => Promise<unknown>;

/**
 * Wires the context menu and the keyboard command to `clip`. Listeners are
 * added at the top level of the worker, on every start, because Chrome
 * only wakes a stopped worker for listeners added that way.
 */
export function registerClipGestures(
  apis: GestureApis,
  clip: ClipStarter,
  activeTab: () => Promise<TabInfo | undefined>,
): void {
  apis.runtime.onInstalled.addListener(() => {
    createMenuItems(apis.contextMenus).catch((error) =>
      console.error('[peerclip] Could not add the context menu.', error),
    );
  });

  apis.contextMenus.onClicked.addListener((info, tab) => {
    const mode = modeOfMenuItem(info.menuItemId);
    if (mode && tab) void clip(tab, mode);
  });

  apis.commands.onCommand.addListener((command, tab) => {
    if (command !== CLIP_COMMAND) return;
    void (async () => {
      const target = tab ?? (await activeTab());
      if (target) await clip(target, 'selection');
    })();
  });
}

async function createMenuItems(
  contextMenus: GestureApis['contextMenus'],
): Promise<void> {
  // A reinstall keeps the old items; creating an existing id is an error.
  await contextMenus.removeAll();

  for (const [mode, item] of Object.entries(CLIP_MENU_ITEMS)) {
    contextMenus.create({
      id: `clip-${mode}`,
      title: item.title,
      contexts: [item.context],
    });
  }
}

function modeOfMenuItem(id: string | number): ClipMode | null {
  if (id === 'clip-selection') return 'selection';
  if (id === 'clip-page') return 'page';
  return null;
}
