import { browser } from 'wxt/browser';

/**
 * The toolbar button opens the popup, and the popup opens the side panel;
 * Chrome would otherwise be free to open the panel on the button instead.
 */
export async function keepPopupOnToolbarButton(): Promise<void> {
  await browser.sidePanel?.setPanelBehavior({
    openPanelOnActionClick: false,
  });
}

/**
 * Opens My drafts beside the page: Chrome's side panel, or Firefox's
 * sidebar. Both need the click that called this to be a user gesture.
 */
export async function openDraftsPanel(windowId: number): Promise<void> {
  if (browser.sidePanel) {
    await browser.sidePanel.open({ windowId });
    return;
  }
  const firefox = browser as unknown as {
    sidebarAction?: { open(): Promise<void> };
  };
  await firefox.sidebarAction?.open();
}
