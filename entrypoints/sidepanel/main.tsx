import { signal } from '@preact/signals';
import { render } from 'preact';
import {
  preloadSidePanelViews,
  SidePanelApp,
} from '@/components/sidepanel/SidePanelApp';
import { localAccount } from '@/utils/background/local-data';
import { hintedReader, rememberReader } from '@/utils/models/reader-hint';
import { composeSidePanel } from './compose';
import '@/components/shared/surface.css';

const parts = composeSidePanel();
const { db, panel, feed, account, storage, reviewQueue } = parts;
const unseen = signal(0);

function startOnFeed(): void {
  panel.show('feed');
  void feed.start();
  void reviewQueue.load();
  void parts.follows.load();
}

/**
 * A reader who is signed in starts on the feed, read from the cache before
 * the first render; local-only mode starts on My drafts. The hint in
 * localStorage lets the feed start without waiting for IndexedDB to say
 * who reads; IndexedDB has the last word.
 */
async function checkReader(): Promise<void> {
  const reader = await localAccount(db).catch(() => undefined);
  const hinted = hintedReader() !== null;
  rememberReader(reader?.id ?? null);

  if (reader && !hinted) startOnFeed();
  if (!reader && hinted) panel.show('drafts');
}

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

if (hintedReader() !== null) startOnFeed();
mount();
void checkReader();
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
// Detail, review and publishing load once the first paint is done.
requestIdleCallback(() => void preloadSidePanelViews(), { timeout: 2000 });
