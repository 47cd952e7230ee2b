import { useEffect } from 'preact/hooks';
import type { FeedModel, FeedTab } from '@/utils/models/feed-model';
import { FeedList, type FeedFollows } from './FeedList';
import { FeedTabs, PANEL_ID, tabId } from './FeedTabs';
import './feed.css';

/** Props of PeerFeed. */
export interface PeerFeedProps {
  model: FeedModel;
  onOpen(clipId: string): void;
  /** Whom the reader follows; absent, cards offer no follow button. */
  follows?: FeedFollows;
  /** Opens the options, where a workspace is connected or signed in to. */
  onOpenOptions?(): void;
}

const EMPTY: Record<FeedTab, string> = {
  following:
    'Nothing here yet. Follow colleagues and topics from their clips to ' +
    'see them here.',
  team: 'Your team has published no clips yet.',
  everyone: 'No one has published a clip yet.',
  site: 'No one has published a clip from this site yet.',
};

/**
 * The side panel's peer feed: tabs Following, My team, Everyone and This
 * site over one virtualised list of clips. Starts the model on mount,
 * unless the entrypoint did so sooner.
 */
export function PeerFeed({
  model,
  onOpen,
  follows,
  onOpenOptions,
}: PeerFeedProps) {
  useEffect(() => void model.start(), [model]);

  const tab = model.tab.value;
  return (
    <section class="peer-feed" aria-label="Peer feed">
      <FeedTabs
        selected={tab}
        onSelect={(next) => void model.selectTab(next)}
      />
      <div
        id={PANEL_ID}
        role="tabpanel"
        aria-labelledby={tabId(tab)}
        class="feed-panel"
      >
        <FeedState model={model} onOpenOptions={onOpenOptions} />
        {model.items.value.length > 0 && (
          <FeedList
            items={model.items.value}
            now={model.shownAt.value}
            hasMore={model.hasMore.value}
            complete={model.complete.value}
            loadingMore={model.loadingMore.value}
            moreProblem={model.moreProblem.value}
            onLoadMore={() => void model.loadMore()}
            onOpen={onOpen}
            follows={follows}
          />
        )}
      </div>
    </section>
  );
}

/** The sentence above, or instead of, the cards, with what can help. */
function FeedState({
  model,
  onOpenOptions,
}: Pick<PeerFeedProps, 'model' | 'onOpenOptions'>) {
  const status = model.status.value;
  const empty = model.items.value.length === 0;
  const needsAccount = status === 'not-signed-in' || status === 'not-connected';

  if (status === 'ready') {
    return empty ? <p class="hint">{EMPTY[model.tab.value]}</p> : null;
  }
  return (
    <div
      class={
        status === 'offline' ? 'feed-state feed-state--quiet' : 'feed-state'
      }
      role="status"
    >
      <p>{model.message.value}</p>
      {status === 'no-site' && (
        <button type="button" onClick={() => void model.allowSite()}>
          Allow Peerclip to see the current site
        </button>
      )}
      {status === 'failed' && (
        <button type="button" onClick={() => void model.reload()}>
          Try again
        </button>
      )}
      {needsAccount && onOpenOptions && (
        <button type="button" onClick={onOpenOptions}>
          Open the options
        </button>
      )}
    </div>
  );
}
