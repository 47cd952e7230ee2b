import type {
  ClipDetail,
  FollowTarget,
  PolicyLink,
  PublishingGuide,
  ReviewQueueItem,
  WorkspaceDirectory,
} from '@/utils/remote/peer-wire';

/** Asks for one clip in detail: thread, endorsements, review history. */
export interface ClipDetailRequest {
  type: 'clip-detail';
  clipId: string;
}

/** Asks for the clips waiting for the reader's review. */
export interface ReviewQueueRequest {
  type: 'review-queue';
}

/** Asks who the reader is, the topics, follows and publishing guide. */
export interface DirectoryRequest {
  type: 'directory';
}

/** Follows or unfollows a person or a topic. */
export interface FollowRequest {
  type: 'follow';
  target: FollowTarget;
  follow: boolean;
}

/** An admin's new publishing checklist and policy links. */
export interface SaveGuideRequest {
  type: 'save-publishing-guide';
  checklist: string[];
  policyLinks: PolicyLink[];
}

/** The reader looked at what happened to their clips; clears the badge. */
export interface ActivitySeenRequest {
  type: 'activity-seen';
}

/** Every request of the social half of Peerclip. */
export type PeerRequest =
  | ClipDetailRequest
  | ReviewQueueRequest
  | DirectoryRequest
  | FollowRequest
  | SaveGuideRequest
  | ActivitySeenRequest;

/** Why a peer request could not be answered. */
export type PeerFailureCode =
  | 'offline'
  | 'not-connected'
  | 'not-signed-in'
  | 'not-allowed'
  | 'not-found'
  | 'failed';

/** A failed peer request, with one sentence for people. */
export interface PeerFailure {
  ok: false;
  code: PeerFailureCode;
  message: string;
}

/** An answer fresh from the workspace, or from the cache when offline. */
export type CachedAnswer<T> =
  { ok: true; value: T; fetchedAt: string; stale: boolean } | PeerFailure;

/** The reply to each peer request. */
export interface PeerReplies {
  'clip-detail': CachedAnswer<ClipDetail>;
  'review-queue': CachedAnswer<ReviewQueueItem[]>;
  directory: CachedAnswer<WorkspaceDirectory>;
  follow: { ok: true } | PeerFailure;
  'save-publishing-guide': { ok: true; guide: PublishingGuide } | PeerFailure;
  'activity-seen': { ok: true };
}
