import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { localAccount } from '@/utils/background/local-data';
import { activePage, requestTabsPermission } from '@/utils/browser/active-page';
import { sendRequest } from '@/utils/messages/request-client';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createActivityModel } from '@/utils/models/activity-model';
import { createDetailModel } from '@/utils/models/detail-model';
import { createDraftsModel } from '@/utils/models/drafts-model';
import { createFeedModel } from '@/utils/models/feed-model';
import { createFollowsModel } from '@/utils/models/follows-model';
import { createPanelModel } from '@/utils/models/panel-model';
import { hintedReader } from '@/utils/models/reader-hint';
import { askBackground } from '@/utils/models/peer-client';
import { createPublishModel } from '@/utils/models/publish-model';
import { createRejectionsModel } from '@/utils/models/rejections-model';
import { createReviewQueueModel } from '@/utils/models/review-queue-model';
import { createStorageModel } from '@/utils/models/storage-model';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import type { FollowTarget } from '@/utils/remote/peer-wire';
import {
  countActivity,
  markActivitySeen,
  readActivitySeenAt,
  recentActivity,
} from '@/utils/store/activity';
import { ClipRepository } from '@/utils/store/clip-repository';
import { openPeerclipDb } from '@/utils/store/database';
import { DiscussionRepository } from '@/utils/store/discussion-repository';
import { FeedCache } from '@/utils/store/feed-cache';
import { rejections } from '@/utils/sync/rejections';
import { observeSyncState } from '@/utils/sync/sync-state';

const LAST_TAB_KEY = 'peerclip.feedTab';
const ACTIVITY_SHOWN = 30;

/**
 * Builds every model of the side panel over the real browser, database
 * and background: the one place its services are chosen.
 */
export function composeSidePanel() {
  const db = openPeerclipDb();
  const clips = new ClipRepository(db);
  const discussion = new DiscussionRepository(db);
  const feedCache = new FeedCache(db);
  const runtime = browser.runtime;
  const me = async () => (await localAccount(db))?.id ?? null;
  const ask = <R extends Parameters<typeof askBackground>[1]>(request: R) =>
    askBackground(runtime, request);

  const account = createAccountModel({
    account: createAccountClient(runtime),
    observeSync: () => observeSyncState(db),
    openOptions: () => runtime.openOptionsPage(),
  });
  const feed = createFeedModel({
    async *readCachedPages(scope, target) {
      // The hinted reader's first page is read while IndexedDB says who
      // reads, and shown only if it names the same reader.
      const hinted = hintedReader();
      const [reader, early] = await Promise.all([
        me(),
        hinted
          ? feedCache.read(hinted, { scope, target, cursor: null })
          : undefined,
      ]);
      if (!reader) return;
      const first = reader === hinted ? early : undefined;
      yield* feedCache.readChain(reader, { scope, target }, first);
    },
    fetchPage: async (query) =>
      (await sendRequest(runtime, {
        type: 'feed-page',
        ...query,
      })) as FeedReply,
    activeSite: async () =>
      (await activePage().catch(() => null))?.site ?? null,
    requestSitePermission: requestTabsPermission,
    // UI memory read before the first cards: synchronous localStorage, so
    // the cache read does not wait behind it.
    lastTab: async () => localStorage.getItem(LAST_TAB_KEY),
    rememberTab: async (tab) => localStorage.setItem(LAST_TAB_KEY, tab),
  });
  const detail = createDetailModel({
    loadDetail: (clipId) => ask({ type: 'clip-detail', clipId }),
    localComments: (clipId) => discussion.commentsOf(clipId),
    localEndorsements: (clipId) => discussion.endorsementsOf(clipId),
    localClip: (clipId) => clips.getClip(clipId),
    addComment: (input) => discussion.addComment(input),
    editComment: (id, body) => discussion.editComment(id, body),
    deleteComment: (id) => discussion.deleteComment(id),
    me,
  });
  const publish = createPublishModel({
    loadDirectory: () => ask({ type: 'directory' }),
    chooseTopic: (clipId, topicId) =>
      clips.annotate(clipId, { topicId }).then(() => {}),
    submitForPublishing: (clipId, version) =>
      clips.submitForPublishing(clipId, version),
  });
  const reviewQueue = createReviewQueueModel({
    loadQueue: () => ask({ type: 'review-queue' }),
    review: (input) => discussion.review(input),
    me,
  });
  const activity = createActivityModel({
    recent: async () => {
      const reader = await me();
      return reader
        ? recentActivity(db, reader, new Date(0).toISOString(), ACTIVITY_SHOWN)
        : [];
    },
    seenAt: () => readActivitySeenAt(db),
    titles: async (ids) => {
      const rows = await db.clips.bulkGet(ids);
      return new Map(rows.flatMap((row) => (row ? [[row.id, row.title]] : [])));
    },
    markSeen: async () => {
      await markActivitySeen(db, new Date());
      await ask({ type: 'activity-seen' });
    },
  });

  const follows = createFollowsModel({
    directory: () => ask({ type: 'directory' }),
    follow: (target, follow) => ask({ type: 'follow', target, follow }),
  });

  return {
    db,
    panel: createPanelModel(),
    follows,
    drafts: createDraftsModel({
      // Signed in, the list holds my clips in review and published too.
      observeDrafts: (search) => clips.observeMine(search),
    }),
    storage: createStorageModel(navigator.storage),
    account,
    rejections: createRejectionsModel({
      observeRejections: () => liveQuery(() => rejections.list(db)),
      dismiss: (changeId) => rejections.dismiss(db, changeId),
    }),
    feed,
    detail,
    publish,
    reviewQueue,
    activity,
    observeReviews: (clipId: string) =>
      liveQuery(() => discussion.reviewsOf(clipId)),
    observeUnseen: () =>
      liveQuery(async () => {
        const reader = await me();
        if (!reader) return 0;
        return countActivity(db, reader, await readActivitySeenAt(db));
      }),
    peerActions: {
      endorse: async (clipId: string, kind: 'peer' | 'official') => {
        const endorserId = await me();
        if (!endorserId) throw new Error('Sign in to endorse clips.');
        return discussion.endorse({ clipId, kind, endorserId });
      },
      withdraw: (endorsementId: string) => discussion.withdraw(endorsementId),
      editNote: (clipId: string, note: string) =>
        clips.annotate(clipId, { note }),
      follow: async (target: FollowTarget, follow: boolean) => {
        const reply = await ask({ type: 'follow', target, follow });
        if (!reply.ok) return reply.message;
        // The feed's cards show whom the reader follows: read it again.
        void follows.load();
        return null;
      },
    },
  };
}

/** Everything the side panel renders from. */
export type SidePanelParts = ReturnType<typeof composeSidePanel>;
