import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (...args: never[]) => unknown;

/** An event that tests can fire, like the ones of WXT's fake browser. */
function triggerableEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) =>
      void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
    trigger: (...args: unknown[]) =>
      Promise.all(listeners.map((listener) => listener(...(args as never[])))),
  };
}

/** Menu items created through the fake `contextMenus`. */
export const createdMenuItems: { id: string; contexts: string[] }[] = [];

/**
 * WXT's fake browser has no `contextMenus` or `commands` (their listeners
 * throw "not implemented"): this adds both, with `trigger` like its other
 * events, so a test dispatches a click or a shortcut the browser's way.
 */
export function addGestureApis(): void {
  createdMenuItems.length = 0;
  Object.assign(fakeBrowser, {
    contextMenus: {
      removeAll: async () => void (createdMenuItems.length = 0),
      create: (item: { id: string; contexts: string[] }) =>
        createdMenuItems.push(item),
      onClicked: triggerableEvent(),
    },
    commands: { onCommand: triggerableEvent() },
  });
}

/** The fake browser with the gesture events it now has. */
export const gestureBrowser = fakeBrowser as unknown as typeof fakeBrowser & {
  contextMenus: {
    onClicked: { trigger(...args: unknown[]): Promise<unknown> };
  };
  commands: { onCommand: { trigger(...args: unknown[]): Promise<unknown> } };
};
