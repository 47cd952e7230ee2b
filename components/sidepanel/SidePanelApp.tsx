import type { ReadonlySignal } from '@preact/signals';
import type { ActivityModel } from '@/utils/models/activity-model';
import type { AccountModel } from '@/utils/models/account-model';
import type { DetailModel } from '@/utils/models/detail-model';
import type { DraftsModel, LiveSource } from '@/utils/models/drafts-model';
import { FEED_TABS, type FeedModel } from '@/utils/models/feed-model';
import type { FollowsModel } from '@/utils/models/follows-model';
import type { PanelModel } from '@/utils/models/panel-model';
import type { PublishModel } from '@/utils/models/publish-model';
import type { RejectionsModel } from '@/utils/models/rejections-model';
import type { ReviewQueueModel } from '@/utils/models/review-queue-model';
import type { StorageModel } from '@/utils/models/storage-model';
import type { StoredClip } from '@/utils/store/database';
import type { LocalReview } from '@/utils/store/discussion-types';
import { ProblemNotice } from '../shared/ProblemNotice';
import { DraftList } from './DraftList';
import { DraftSearch } from './DraftSearch';
import { PeerFeed } from './feed/PeerFeed';
import { lazyView } from './lazy-view';
import { PanelNav } from './PanelNav';
import type { PeerClipActions } from './PeerClipView';
import { RejectedChanges } from './RejectedChanges';
import { StorageNotice } from './StorageNotice';
import { SyncBanner } from './SyncBanner';
import './panel.css';

/** The social half of the side panel: feed, detail, review, activity. */
export interface PeerPanelParts {
  panel: PanelModel;
  feed: FeedModel;
  follows: FollowsModel;
  detail: DetailModel;
  publish: PublishModel;
  reviewQueue: ReviewQueueModel;
  activity: ActivityModel;
  peerActions: PeerClipActions;
  observeReviews(clipId: string): LiveSource<LocalReview[]>;
  /** News on the reader's clips since they last looked, live. */
  unseen: ReadonlySignal<number>;
}

/** Props of SidePanelApp. */
export interface SidePanelAppProps {
  drafts: DraftsModel;
  storage: StorageModel;
  account: AccountModel;
  rejections: RejectionsModel;
  /** Absent, the panel holds My drafts alone. */
  peers?: PeerPanelParts;
  now?: Date;
}

// Views beyond the feed and the lists load on first use.
const PeerClipView = lazyView(
  async () => (await import('./PeerClipView')).PeerClipView,
);
const ReviewQueue = lazyView(
  async () => (await import('./review/ReviewQueue')).ReviewQueue,
);
const ActivityView = lazyView(
  async () => (await import('./ActivityView')).ActivityView,
);
const DraftDetail = lazyView(
  async () => (await import('./DraftDetail')).DraftDetail,
);
const DraftPublishing = lazyView(
  async () => (await import('./DraftPublishing')).DraftPublishing,
);

/** Fetches the code of every view ahead of need, once the panel is idle. */
export function preloadSidePanelViews(): Promise<unknown> {
  return Promise.all(
    [PeerClipView, ReviewQueue, ActivityView, DraftDetail, DraftPublishing].map(
      (view) => view.preload(),
    ),
  );
}

const HEADINGS = {
  feed: 'Peer feed',
  drafts: 'My drafts',
  review: 'Review',
  activity: 'Activity',
} as const;

/** My drafts, searchable, with the changes the server refused. */
function DraftsView({ drafts, rejections }: SidePanelAppProps) {
  const list = drafts.drafts.value;
  if (list === null) {
    return (
      <p class="hint" role="status">
        Loading drafts…
      </p>
    );
  }

  const titleOf = (id: string) => list.find((clip) => clip.id === id)?.title;
  return (
    <>
      <ProblemNotice
        problem={
          rejections.problem.value
            ? { message: rejections.problem.value }
            : null
        }
      />
      <RejectedChanges
        rejected={rejections.rejected.value}
        titleOf={titleOf}
        onDismiss={(changeId) => void rejections.dismiss(changeId)}
      />
      <DraftSearch value={drafts.search.value} onInput={drafts.setSearch} />
      <DraftList
        drafts={list}
        searching={drafts.search.value.trim() !== ''}
        onOpen={drafts.open}
        onOpenOriginal={drafts.openOriginal}
      />
    </>
  );
}

/** One of my drafts in full, with publishing when signed in. */
function OpenedDraft(props: SidePanelAppProps & { draft: StoredClip }) {
  const { drafts, account, peers, draft } = props;
  const now = props.now ?? new Date();

  return (
    <DraftDetail
      draft={draft}
      onBack={drafts.close}
      onOpenOriginal={drafts.openOriginal}
    >
      {peers && (
        <DraftPublishing
          draft={draft}
          publish={peers.publish}
          observeReviews={peers.observeReviews}
          signedIn={Boolean(account.status.value?.user)}
          now={now}
        />
      )}
    </DraftDetail>
  );
}

/**
 * The feed's cards title themselves at level 3; this level 2 between them
 * and the page's heading keeps the outline whole for screen readers.
 */
function FeedHeading({ feed }: { feed: FeedModel }) {
  const tab = FEED_TABS.find((known) => known.tab === feed.tab.value);

  return <h2 class="visually-hidden">Clips: {tab?.label ?? 'Everyone'}</h2>;
}

/** The view the navigation points at, or the clip opened over it. */
function CurrentView(props: SidePanelAppProps & { peers: PeerPanelParts }) {
  const { peers, drafts, account, now } = props;
  const { panel } = peers;
  const clipId = panel.openedClipId.value;
  if (clipId) {
    return (
      <PeerClipView
        model={peers.detail}
        clipId={clipId}
        actions={peers.peerActions}
        onBack={panel.closeClip}
        now={now}
      />
    );
  }

  switch (panel.view.value) {
    case 'feed':
      return (
        <>
          <FeedHeading feed={peers.feed} />
          <ProblemNotice
            problem={
              peers.follows.problem.value
                ? { message: peers.follows.problem.value }
                : null
            }
          />
          <PeerFeed
            model={peers.feed}
            onOpen={panel.openClip}
            follows={{
              readerId: peers.follows.readerId.value,
              people: peers.follows.people.value,
              busy: peers.follows.busy.value,
              onFollowAuthor: (id, on) => void peers.follows.toggle(id, on),
            }}
            onOpenOptions={() => void account.openOptions()}
          />
        </>
      );
    case 'review':
      return <ReviewQueue model={peers.reviewQueue} now={now} />;
    case 'activity':
      return <ActivityView model={peers.activity} onOpen={panel.openClip} />;
    default: {
      const opened = drafts.opened.value;
      if (!opened) return <DraftsView {...props} />;
      // Sent on, the clip is the workspace's: its detail, reviews, thread.
      return opened.state === 'draft' ? (
        <OpenedDraft {...props} draft={opened} />
      ) : (
        <PeerClipView
          model={peers.detail}
          clipId={opened.id}
          actions={peers.peerActions}
          onBack={drafts.close}
          now={now}
        />
      );
    }
  }
}

/**
 * The side panel: sync status, then the peer feed, My drafts, the review
 * queue and activity on the reader's clips, one view at a time.
 */
export function SidePanelApp(props: SidePanelAppProps) {
  const { drafts, storage, account, rejections, peers, now } = props;
  const view = peers?.panel.view.value ?? 'drafts';

  return (
    <main class="sidepanel">
      <h1>{HEADINGS[view]}</h1>
      {peers && (
        <PanelNav
          view={view}
          onShow={peers.panel.show}
          reviewCount={peers.reviewQueue.items.value.length}
          unseenCount={peers.unseen.value}
        />
      )}
      <SyncBanner account={account} rejections={rejections} now={now} />
      <StorageNotice persistence={storage.persistence.value} />
      <ProblemNotice problem={drafts.problem.value} />
      {peers ? (
        <CurrentView {...props} peers={peers} />
      ) : drafts.opened.value ? (
        <OpenedDraft {...props} draft={drafts.opened.value} />
      ) : (
        <DraftsView {...props} />
      )}
      <footer>
        <button
          type="button"
          class="link"
          onClick={() => void account.openOptions()}
        >
          Settings
        </button>
      </footer>
    </main>
  );
}
