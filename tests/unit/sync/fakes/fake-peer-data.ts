import type { WireRecord } from '../../../../utils/remote/sync-wire';
import type { FakeWorkspace } from './fake-workspace';

/** A team of the fake organisation. */
export interface FakeTeam {
  id: string;
  name: string;
  /** Approvals its clips need; absent means the organisation default. */
  approvalsRequired?: number;
}

/** A topic; only `endorsers` endorse it officially when it is regulated. */
export interface FakeTopic {
  id: string;
  name: string;
  regulated: boolean;
  endorsers: string[];
}

/** What the fake knows of a person beyond their account. */
export interface FakeProfile {
  teamId: string | null;
  role: 'member' | 'admin';
}

/** The publishing guide as the fake keeps it. */
export interface FakeGuide {
  checklist: string[];
  policy_links: { title: string; url: string }[];
  version: number;
}

/**
 * The social half of a fake workspace: teams, topics, people's places,
 * comments, endorsements, reviews, follows and the publishing guide.
 * Comment, endorsement and review rows are shaped as the server's tables;
 * an endorsement's or a review's `content_hash` is contentHashOf the clip.
 */
export class FakePeerData {
  readonly teams = new Map<string, FakeTeam>();
  readonly topics = new Map<string, FakeTopic>();
  readonly profiles = new Map<string, FakeProfile>();
  readonly comments: WireRecord[] = [];
  readonly endorsements: WireRecord[] = [];
  readonly reviews: WireRecord[] = [];
  /** Per follower, keys `person:<id>` and `topic:<id>`, in follow order. */
  readonly follows = new Map<string, Set<string>>();
  /** Approvals a clip needs when its team sets none, or without a team. */
  defaultApprovals = 1;
  guide: FakeGuide = {
    checklist: ['The quote is exact and comes from the page linked'],
    policy_links: [],
    version: 1,
  };

  /** The person's profile; someone never placed is a member without team. */
  profileOf(userId: string): FakeProfile {
    return this.profiles.get(userId) ?? { teamId: null, role: 'member' };
  }

  /** The follows of the person, created empty on first use. */
  followsOf(userId: string): Set<string> {
    const follows = this.follows.get(userId) ?? new Set<string>();
    this.follows.set(userId, follows);
    return follows;
  }

  /** True when the person endorses the clip's regulated topic. */
  endorsesTopicOf(userId: string, clip: WireRecord): boolean {
    const topic = this.topics.get(String(clip.topic_id));
    return Boolean(topic?.regulated && topic.endorsers.includes(userId));
  }

  /** The clip's team reviewers and, in a regulated topic, its endorsers. */
  reviewsClip(userId: string, clip: WireRecord): boolean {
    if (clip.author_id === userId) return false;
    const teamId = this.profileOf(String(clip.author_id)).teamId;
    const teammate =
      teamId !== null && this.profileOf(userId).teamId === teamId;
    return teammate || this.endorsesTopicOf(userId, clip);
  }

  /** Whether the person may read the clip, as the clips policy says. */
  readsClip(userId: string, clip: WireRecord): boolean {
    if (clip.deleted_at) return false;
    if (clip.author_id === userId) return true;
    if (clip.state === 'in_review') return this.reviewsClip(userId, clip);
    if (clip.state !== 'published') return false;
    return clip.visibility === 'organisation' || this.sameTeam(userId, clip);
  }

  /** Whether an endorsement counts now against the clip's current text. */
  isActive(endorsement: WireRecord, clip: WireRecord, now: Date): boolean {
    return endorsementStatus(endorsement, clip, now) === 'active';
  }

  private sameTeam(userId: string, clip: WireRecord): boolean {
    const teamId = this.profileOf(String(clip.author_id)).teamId;
    return teamId !== null && this.profileOf(userId).teamId === teamId;
  }
}

/** What an endorsement or a review is bound to: the quote and the note. */
export function contentHashOf(clip: WireRecord): string {
  return JSON.stringify([clip.quote, clip.note]);
}

/** The status clip_detail gives: withdrawn, lapsed, expired or active. */
export function endorsementStatus(
  endorsement: WireRecord,
  clip: WireRecord,
  now: Date,
): 'active' | 'lapsed' | 'expired' | 'withdrawn' {
  if (endorsement.withdrawn_at) return 'withdrawn';
  if (endorsement.content_hash !== contentHashOf(clip)) return 'lapsed';
  const expiresAt = endorsement.expires_at;
  if (expiresAt && new Date(String(expiresAt)) <= now) return 'expired';
  return 'active';
}

const peerData = new WeakMap<FakeWorkspace, FakePeerData>();

/** The social half of the workspace, made empty on first use. */
export function peerDataOf(workspace: FakeWorkspace): FakePeerData {
  const data = peerData.get(workspace) ?? new FakePeerData();
  peerData.set(workspace, data);
  return data;
}
