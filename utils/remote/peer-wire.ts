/**
 * The shapes of the calls behind the social half of Peerclip: a clip in
 * detail, the review queue, the workspace directory and the publishing
 * guide, as the SQL functions of supabase/migrations answer them.
 */

/** How an endorsement stands right now. */
export type EndorsementStatus = 'active' | 'lapsed' | 'expired' | 'withdrawn';

/** Whether a clip shows as trusted, or waits for its topic's endorser. */
export type ClipTrust = 'trusted' | 'awaiting_endorsement' | 'none';

/** A person or a topic someone can follow. */
export type FollowTarget =
  { kind: 'person'; id: string } | { kind: 'topic'; id: string };

/** The clip itself, as clip_detail sends it. */
export interface DetailClip {
  id: string;
  author_id: string;
  author_name: string | null;
  author_team_name: string | null;
  title: string;
  site: string;
  source_url: string;
  canonical_url: string;
  quote: string;
  quote_truncated: boolean;
  /** Sanitised when clipped; sanitised again when shown. */
  snippet: string;
  note: string;
  tags: string[];
  topic_id: string | null;
  topic_name: string | null;
  topic_regulated: boolean;
  state: 'draft' | 'in_review' | 'published' | 'archived';
  visibility: 'organisation' | 'team';
  version: number;
  content_hash: string;
  published_at: string | null;
  submitted_at: string | null;
  updated_at: string;
  /**
   * When a reader's browser last found the quote gone from its source
   * page; null while it is still there or never checked. Absent from
   * answers cached before the workspace sent it.
   */
  source_changed_at?: string | null;
}

/** One comment of the thread; a deleted one keeps its place, not its body. */
export interface DetailComment {
  id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string | null;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted: boolean;
}

/** One endorsement, history included. */
export interface DetailEndorsement {
  id: string;
  endorser_id: string;
  endorser_name: string | null;
  kind: 'peer' | 'official';
  created_at: string;
  expires_at: string | null;
  withdrawn_at: string | null;
  status: EndorsementStatus;
}

/** One review of the clip, with its structured feedback. */
export interface DetailReview {
  id: string;
  reviewer_id: string;
  reviewer_name: string | null;
  verdict: 'approve' | 'changes';
  helps: string;
  improve: string;
  accuracy_concern: string;
  created_at: string;
  /** True while the clip still holds the text that was reviewed. */
  current: boolean;
}

/** Everything the detail view shows of one clip, in one answer. */
export interface ClipDetail {
  clip: DetailClip;
  /** Oldest first; replies name their parent. */
  comments: DetailComment[];
  /** Newest first. */
  endorsements: DetailEndorsement[];
  /** Newest first. */
  reviews: DetailReview[];
  trust: ClipTrust;
  following_author: boolean;
  following_topic: boolean;
  /** The reader is an endorser of the clip's regulated topic. */
  can_endorse_officially: boolean;
}

/** A clip waiting for the reader's review. */
export interface ReviewQueueItem {
  id: string;
  author_id: string;
  author_name: string | null;
  author_team_name: string | null;
  title: string;
  site: string;
  source_url: string;
  quote: string;
  note: string;
  tags: string[];
  topic_id: string | null;
  topic_name: string | null;
  topic_regulated: boolean;
  submitted_at: string | null;
  version: number;
  /** The reader's latest verdict on this text, if any. */
  my_verdict: 'approve' | 'changes' | null;
}

/** A link to an organisation policy shown beside the checklist. */
export interface PolicyLink {
  title: string;
  url: string;
}

/** The organisation's publishing checklist and policy links. */
export interface PublishingGuide {
  checklist: string[];
  policy_links: PolicyLink[];
  /** What a publish acknowledges; bumped on every edit. */
  version: number;
  /** True for admins, who keep the guide. */
  can_edit: boolean;
}

/** A topic, and whether the reader is one of its endorsers. */
export interface DirectoryTopic {
  id: string;
  name: string;
  regulated: boolean;
  i_endorse: boolean;
}

/** Who the reader is in the workspace. */
export interface DirectoryMe {
  id: string;
  display_name: string;
  email: string;
  team_id: string | null;
  team_name: string | null;
  /**
   * Approvals a clip of the reader's team needs before it is published: the
   * team's number, the organisation default without a team; 0 publishes
   * directly. A regulated topic asks for an endorser's approval regardless.
   */
  team_approvals_required: number;
  role: 'member' | 'admin';
  status: 'active' | 'pending';
}

/** What every surface needs to know of the workspace, in one answer. */
export interface WorkspaceDirectory {
  me: DirectoryMe;
  topics: DirectoryTopic[];
  follows: { people: string[]; topics: string[] };
  guide: PublishingGuide;
}

/** What a reader's browser found of a clip's quote on its source page. */
export interface SourceCheck {
  clipId: string;
  /** False when the quote is no longer on the page. */
  found: boolean;
}
