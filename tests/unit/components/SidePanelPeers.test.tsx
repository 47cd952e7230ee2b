// @vitest-environment jsdom
import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import {
  cleanup,
  fireEvent,
  render,
  screen,
  within,
} from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SidePanelApp,
  type PeerPanelParts,
} from '@/components/sidepanel/SidePanelApp';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createActivityModel } from '@/utils/models/activity-model';
import { createDetailModel } from '@/utils/models/detail-model';
import {
  createDraftsModel,
  type DraftsModel,
} from '@/utils/models/drafts-model';
import { createFeedModel, readableFeedItem } from '@/utils/models/feed-model';
import { fakeDirectory } from '../fakes/directory-fakes';
import { createFollowsModel } from '@/utils/models/follows-model';
import { createPanelModel } from '@/utils/models/panel-model';
import { createPublishModel } from '@/utils/models/publish-model';
import { createRejectionsModel } from '@/utils/models/rejections-model';
import { createReviewQueueModel } from '@/utils/models/review-queue-model';
import { createStorageModel } from '@/utils/models/storage-model';
import type { ClipDetail } from '@/utils/remote/peer-wire';
import type { FeedItem } from '@/utils/remote/sync-wire';
import type { RejectedChange } from '@/utils/sync/rejections';
import { ClipRepository } from '@/utils/store/clip-repository';
import { fakeAccountBackground } from '../fakes/account-background';
import { axeViolations } from '../fakes/axe';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';
import { fakeDetailServices } from '../fakes/detail-services';
import {
  fakeAnswer,
  fakeClipDetail,
  fakeReviewQueueItem,
} from '../fakes/peer-fakes';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const FETCHED_AT = '2026-12-03T11:00:00.000Z';

function feedClip(): FeedItem {
  const item = readableFeedItem({
    id: 'clip-feed',
    author_id: 'bob-id',
    author_name: 'Bob',
    title: 'Fire drill',
    quote: 'Leave by the stairs.',
    published_at: '2026-12-02T09:00:00.000Z',
  });
  if (!item) throw new Error('The test clip is not a readable feed item.');
  return item;
}

/** Bob's clip waiting for the reader's review. */
const QUEUED = fakeReviewQueueItem({
  id: 'clip-review',
  author_id: 'bob-id',
  author_name: 'Bob',
  title: 'Ladder checks',
  source_url: 'https://wiki.example/ladders',
  quote: 'Check the feet.',
  version: 1,
});

/** The reader's own published clip, which Bob commented on. */
function ownClip(clipId: string): ClipDetail {
  return fakeClipDetail({
    id: clipId,
    note: 'Ask Carol.',
    version: 2,
    content_hash: 'hash-2',
    submitted_at: '2026-12-01T08:00:00.000Z',
  });
}

function peerParts(): PeerPanelParts {
  const me = async () => 'alice-id';
  return {
    panel: createPanelModel('feed'),
    follows: createFollowsModel({
      directory: async () => ({
        ok: true,
        value: fakeDirectory(),
        fetchedAt: FETCHED_AT,
        stale: false,
      }),
      follow: async () => ({ ok: true }),
    }),
    feed: createFeedModel({
      async *readCachedPages() {},
      fetchPage: async () => ({
        ok: true,
        items: [feedClip()],
        cursor: null,
        fetchedAt: FETCHED_AT,
        stale: false,
      }),
      activeSite: async () => 'wiki.example',
      requestSitePermission: async () => true,
      lastTab: async () => 'everyone',
      rememberTab: async () => {},
    }),
    detail: createDetailModel(
      fakeDetailServices({
        loadDetail: async (clipId) => fakeAnswer(ownClip(clipId), FETCHED_AT),
        me,
      }),
    ),
    publish: createPublishModel({
      loadDirectory: () => Promise.reject(new Error('not used')),
      chooseTopic: async () => {},
      submitForPublishing: async () => {},
    }),
    reviewQueue: createReviewQueueModel({
      loadQueue: async () => fakeAnswer([QUEUED], FETCHED_AT),
      review: async () => {},
      me,
    }),
    activity: createActivityModel({
      recent: async () => [
        {
          kind: 'comment',
          id: 'comment-1',
          clipId: 'clip-mine',
          actorId: 'bob-id',
          createdAt: '2026-12-03T10:00:00.000Z',
        },
      ],
      seenAt: async () => '2026-12-03T09:00:00.000Z',
      titles: async () => new Map([['clip-mine', 'Safe lifting']]),
      markSeen: async () => {},
    }),
    peerActions: {
      endorse: async () => {},
      withdraw: async () => {},
      follow: async () => null,
      editNote: async () => {},
    },
    observeReviews: () => liveQuery(async () => []),
    unseen: signal(2),
  };
}

describe('SidePanelApp with peers', () => {
  afterEach(cleanup);

  let drafts: DraftsModel;
  let peers: PeerPanelParts;

  beforeEach(async () => {
    const clips = new ClipRepository(freshDatabase(), countingClock());
    await clips.createDraft(fakeCapture({ title: 'Travel policy' }));
    drafts = createDraftsModel({
      observeDrafts: (search) => clips.observeDrafts(search),
    });
    peers = peerParts();
    await peers.reviewQueue.load();
  });

  afterEach(() => drafts.dispose());

  function renderPanel() {
    const account = createAccountModel({
      account: createAccountClient(fakeAccountBackground().runtime),
      openOptions: async () => {},
    });
    const rejections = createRejectionsModel({
      observeRejections: () =>
        liveQuery(async (): Promise<RejectedChange[]> => []),
      dismiss: async () => {},
    });
    return render(
      <SidePanelApp
        drafts={drafts}
        storage={createStorageModel(undefined)}
        account={account}
        rejections={rejections}
        peers={peers}
        now={NOW}
      />,
    );
  }

  const nav = () => screen.getByRole('navigation', { name: 'Peerclip' });
  const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
  const current = () =>
    within(nav())
      .getAllByRole('button')
      .find((button) => button.getAttribute('aria-current') === 'page')
      ?.textContent;

  function show(name: RegExp) {
    fireEvent.click(within(nav()).getByRole('button', { name }));
  }

  it('starts on the view the panel model holds', async () => {
    renderPanel();

    expect(await screen.findByText('Fire drill')).toBeTruthy();
    expect([heading(), current()]).toEqual(['Peer feed', 'Feed']);
  });

  it('shows the counts of clips to review and of news', () => {
    renderPanel();

    expect([
      within(nav()).getByRole('button', { name: 'Review 1 waiting' }),
      within(nav()).getByRole('button', { name: 'Activity 2 new' }),
    ]).toHaveLength(2);
  });

  it('moves to My drafts', async () => {
    renderPanel();

    show(/^My drafts/);

    expect(await screen.findByText('Travel policy')).toBeTruthy();
    expect([heading(), current()]).toEqual(['My drafts', 'My drafts']);
  });

  it('moves to the review queue', async () => {
    renderPanel();

    show(/^Review/);

    expect(await screen.findByText('Ladder checks')).toBeTruthy();
    expect(heading()).toBe('Review');
  });

  it('opens a clip from activity and goes back to activity', async () => {
    renderPanel();
    show(/^Activity/);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Safe lifting' }),
    );
    await screen.findByRole('article');

    fireEvent.click(screen.getByRole('button', { name: '← Back' }));

    expect(await screen.findByText(/1 comment/)).toBeTruthy();
    expect(current()).toBe('Activity 2 new');
  });

  it('closes an opened clip when another view is chosen', async () => {
    renderPanel();
    show(/^Activity/);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Safe lifting' }),
    );
    await screen.findByRole('article');

    show(/^Review/);

    expect(await screen.findByText('Ladder checks')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('passes an accessibility check on each view and the detail', async () => {
    renderPanel();
    await screen.findByText('Fire drill');
    const problems = [await axeViolations(document.body)];
    show(/^Review/);
    await screen.findByText('Ladder checks');
    problems.push(await axeViolations(document.body));
    show(/^Activity/);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Safe lifting' }),
    );
    await screen.findByRole('heading', { name: 'Safe lifting', level: 2 });

    problems.push(await axeViolations(document.body));

    expect(problems).toEqual([[], [], []]);
  });
});
