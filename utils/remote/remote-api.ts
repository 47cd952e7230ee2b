import type {
  ClipDetail,
  FollowTarget,
  PolicyLink,
  PublishingGuide,
  ReviewQueueItem,
  SourceCheck,
  WorkspaceDirectory,
} from './peer-wire';
import type {
  ChangeResult,
  FeedPage,
  FeedQuery,
  PullPage,
  WireChange,
} from './sync-wire';

/** Who is signed in, as far as sync and the UI need to know. */
export interface RemoteSession {
  userId: string;
  email: string;
  /** Seconds since 1970 when the access token runs out. */
  expiresAt: number;
}

/**
 * Everything the extension asks of a workspace. Every method either resolves
 * with a checked answer or rejects with a RemoteError.
 */
export interface RemoteApi {
  /** Sends changes with push_changes; one result per change, in order. */
  push(batch: WireChange[]): Promise<ChangeResult[]>;
  /** One page of pull_changes after the cursor `since`. */
  pull(since: number, max: number): Promise<PullPage>;
  /** One page of the peer feed. */
  feedPage(query: FeedQuery): Promise<FeedPage>;
  /** One clip with its thread, endorsements and reviews; `not-found` when
   * the person cannot read it. */
  clipDetail(clipId: string): Promise<ClipDetail>;
  /** The clips waiting for the person's review, oldest submission first. */
  reviewQueue(): Promise<ReviewQueueItem[]>;
  /** Who the person is, the topics, their follows and the guide. */
  directory(): Promise<WorkspaceDirectory>;
  /** Follows or unfollows; asking twice changes nothing more. */
  setFollow(target: FollowTarget, follow: boolean): Promise<void>;
  /**
   * Replaces the publishing checklist and policy links (admins only:
   * `forbidden` otherwise; `bad-request` with every problem named).
   */
  savePublishingGuide(
    checklist: string[],
    policyLinks: PolicyLink[],
  ): Promise<PublishingGuide>;
  /**
   * Tells the workspace whether each clip's quote is still on its source
   * page (report_source_check, one call per clip). `not-found` for a
   * draft or a clip the person cannot read.
   */
  reportSourceChecks(checks: SourceCheck[]): Promise<void>;
  signInWithPassword(email: string, password: string): Promise<RemoteSession>;
  /** Emails a one-time code to an existing account. */
  signInWithOtp(email: string): Promise<void>;
  verifyOtp(email: string, code: string): Promise<RemoteSession>;
  /**
   * The current session, refreshed when its token ran out; null when
   * nobody is signed in. A network failure rejects with `offline` and
   * keeps the stored session.
   */
  getSession(): Promise<RemoteSession | null>;
  signOut(): Promise<void>;
}
