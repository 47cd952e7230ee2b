import { signal } from '@preact/signals';
import { render } from 'preact';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { localAccount } from '@/utils/background/local-data';
import { composeSidePanel } from './compose';
import '@/components/shared/surface.css';

const parts = composeSidePanel();
const { db, panel, feed, account, storage, reviewQueue } = parts;
const unseen = signal(0);

/**
 * A reader who is signed in starts on the feed, read from the cache before
 * the first render; local-only mode starts on My drafts.
 */
async function chooseFirstView(): Promise<void> {
  const reader = await localAccount(db).catch(() => undefined);
  if (!reader) return;
  panel.show('feed');
  void feed.start();
  void reviewQueue.load();
}
parts.observeUnseen().subscribe({
  next: (count) => (unseen.value = count),
  error: (error) =>
    console.warn('[peerclip] Activity could not be counted.', error),
});

void storage.request();
account.follow();
void account.refresh();
// Opening the panel is a moment to sync; how it went shows as the status.
void account.syncNow();
function mount(): void {
  render(
    <SidePanelApp
      drafts={parts.drafts}
      storage={storage}
      account={account}
      rejections={parts.rejections}
      peers={{ ...parts, unseen }}
    />,
    document.getElementById('app') as HTMLElement,
  );
}

void chooseFirstView().finally(mount);
