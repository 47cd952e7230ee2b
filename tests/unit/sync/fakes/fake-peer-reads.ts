import type {
  ClipDetail,
  ClipTrust,
  DetailClip,
  DetailComment,
  DetailEndorsement,
  DetailReview,
  ReviewQueueItem,
  WorkspaceDirectory,
} from '../../../../utils/remote/peer-wire';
import { RemoteError } from '../../../../utils/remote/remote-error';
import type { WireRecord } from '../../../../utils/remote/sync-wire';
import {
  contentHashOf,
  endorsementStatus,
  peerDataOf,
  type FakePeerData,
} from './fake-peer-data';
import { sourceChangedAt } from './fake-source-checks';
import type { FakeWorkspace } from './fake-workspace';

/** The names and places clip_detail and review_queue read of a clip. */
interface ClipContext {
  workspace: FakeWorkspace;
  data: FakePeerData;
  userId: string;
  now: Date;
}

/** clip_detail over the fake, with the server's rules of who reads what. */
export function clipDetailOf(
  workspace: FakeWorkspace,
  userId: string,
  clipId: string,
  now = new Date(),
): ClipDetail {
  const data = peerDataOf(workspace);
  const clip = workspace.clips.get(clipId);
  if (!clip || !data.readsClip(userId, clip)) {
    throw new RemoteError(
      'not-found',
      'this clip does not exist or is not shared with you',
    );
  }
  const context = { workspace, data, userId, now };
  const follows = data.followsOf(userId);

  return {
    clip: detailClip(context, clip),
    comments: detailComments(context, clip),
    endorsements: detailEndorsements(context, clip),
    reviews: detailReviews(context, clip),
    trust: trustOf(data, clip, now),
    following_author: follows.has(`person:${String(clip.author_id)}`),
    following_topic: follows.has(`topic:${String(clip.topic_id)}`),
    can_endorse_officially: data.endorsesTopicOf(userId, clip),
  };
}

/** review_queue over the fake: oldest submission first. */
export function reviewQueueOf(
  workspace: FakeWorkspace,
  userId: string,
): ReviewQueueItem[] {
  const data = peerDataOf(workspace);
  const context = { workspace, data, userId, now: new Date() };
  return [...workspace.clips.values()]
    .filter((clip) => clip.state === 'in_review' && !clip.deleted_at)
    .filter((clip) => data.reviewsClip(userId, clip))
    .sort((a, b) =>
      String(a.submitted_at).localeCompare(String(b.submitted_at)),
    )
    .map((clip) => queueItem(context, clip));
}

/** workspace_directory over the fake. */
export function directoryOf(
  workspace: FakeWorkspace,
  userId: string,
): WorkspaceDirectory {
  const data = peerDataOf(workspace);
  const user = workspace.users.find((candidate) => candidate.id === userId);
  const profile = data.profileOf(userId);
  const follows = [...data.followsOf(userId)];
  const followed = (kind: string) =>
    follows
      .filter((key) => key.startsWith(kind))
      .map((key) => key.slice(kind.length));

  return {
    me: {
      id: userId,
      display_name: user?.name ?? '',
      email: user?.email ?? '',
      team_id: profile.teamId,
      team_name: teamName(data, profile.teamId),
      team_approvals_required: approvalsOf(data, profile.teamId),
      role: profile.role,
      status: 'active',
    },
    topics: [...data.topics.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ id, name, regulated, endorsers }) => ({
        id,
        name,
        regulated,
        i_endorse: endorsers.includes(userId),
      })),
    follows: { people: followed('person:'), topics: followed('topic:') },
    guide: {
      ...structuredClone(data.guide),
      can_edit: profile.role === 'admin',
    },
  };
}

/** The trust a feed item or a detail shows for the clip. */
export function trustOf(
  data: FakePeerData,
  clip: WireRecord,
  now: Date,
): ClipTrust {
  const trusted = data.endorsements.some(
    (e) =>
      e.clip_id === clip.id &&
      e.kind === 'official' &&
      data.isActive(e, clip, now),
  );
  if (trusted) return 'trusted';
  return data.topics.get(String(clip.topic_id))?.regulated
    ? 'awaiting_endorsement'
    : 'none';
}

/** The name of a person of the workspace, or null. */
export function nameOf(workspace: FakeWorkspace, userId: unknown) {
  return workspace.users.find((user) => user.id === userId)?.name ?? null;
}

/** The name of a team, or null. */
export function teamName(data: FakePeerData, teamId: string | null) {
  return (teamId && data.teams.get(teamId)?.name) || null;
}

/** The approvals a team's clips need: its own number, else the default. */
function approvalsOf(data: FakePeerData, teamId: string | null): number {
  const team = teamId === null ? undefined : data.teams.get(teamId);
  return team?.approvalsRequired ?? data.defaultApprovals;
}

function detailClip(context: ClipContext, clip: WireRecord): DetailClip {
  const { workspace, data } = context;
  const topic = data.topics.get(String(clip.topic_id));
  const authorTeam = data.profileOf(String(clip.author_id)).teamId;
  const picked = Object.fromEntries(
    DETAIL_COLUMNS.map((column) => [column, structuredClone(clip[column])]),
  );
  return {
    ...(picked as unknown as DetailClip),
    author_name: nameOf(workspace, clip.author_id),
    author_team_name: teamName(data, authorTeam),
    topic_name: topic?.name ?? null,
    topic_regulated: topic?.regulated ?? false,
    content_hash: contentHashOf(clip),
    source_changed_at: sourceChangedAt(workspace, String(clip.id)),
  };
}

/** The clip columns clip_detail sends as they are. */
const DETAIL_COLUMNS = [
  'id',
  'author_id',
  'title',
  'site',
  'source_url',
  'canonical_url',
  'quote',
  'quote_truncated',
  'snippet',
  'note',
  'tags',
  'topic_id',
  'state',
  'visibility',
  'version',
  'published_at',
  'submitted_at',
  'updated_at',
];

function detailComments(
  { workspace, data }: ClipContext,
  clip: WireRecord,
): DetailComment[] {
  return data.comments
    .filter((comment) => comment.clip_id === clip.id)
    .sort(byCreation)
    .map((comment) => ({
      id: String(comment.id),
      parent_id: (comment.parent_id as string | null) ?? null,
      author_id: String(comment.author_id),
      author_name: nameOf(workspace, comment.author_id),
      body: comment.deleted_at ? '' : String(comment.body),
      version: Number(comment.version),
      created_at: String(comment.created_at),
      updated_at: String(comment.updated_at),
      deleted: Boolean(comment.deleted_at),
    }));
}

function detailEndorsements(
  { workspace, data, now }: ClipContext,
  clip: WireRecord,
): DetailEndorsement[] {
  return data.endorsements
    .filter((endorsement) => endorsement.clip_id === clip.id)
    .sort((a, b) => byCreation(b, a))
    .map((endorsement) => ({
      id: String(endorsement.id),
      endorser_id: String(endorsement.endorser_id),
      endorser_name: nameOf(workspace, endorsement.endorser_id),
      kind: endorsement.kind as 'peer' | 'official',
      created_at: String(endorsement.created_at),
      expires_at: (endorsement.expires_at as string | null) ?? null,
      withdrawn_at: (endorsement.withdrawn_at as string | null) ?? null,
      status: endorsementStatus(endorsement, clip, now),
    }));
}

// Reviews are for the author and the clip's reviewers, and one's own.
function detailReviews(
  { workspace, data, userId }: ClipContext,
  clip: WireRecord,
): DetailReview[] {
  const readsAll = clip.author_id === userId || clip.state === 'in_review';
  return data.reviews
    .filter((review) => review.clip_id === clip.id)
    .filter((review) => readsAll || review.reviewer_id === userId)
    .sort((a, b) => byCreation(b, a))
    .map((review) => ({
      id: String(review.id),
      reviewer_id: String(review.reviewer_id),
      reviewer_name: nameOf(workspace, review.reviewer_id),
      verdict: review.verdict as 'approve' | 'changes',
      helps: String(review.helps),
      improve: String(review.improve),
      accuracy_concern: String(review.accuracy_concern),
      created_at: String(review.created_at),
      current: review.content_hash === contentHashOf(clip),
    }));
}

function queueItem(context: ClipContext, clip: WireRecord): ReviewQueueItem {
  const { workspace, data, userId } = context;
  const topic = data.topics.get(String(clip.topic_id));
  const mine = data.reviews
    .filter((r) => r.clip_id === clip.id && r.reviewer_id === userId)
    .filter((r) => r.content_hash === contentHashOf(clip))
    .filter((r) => String(r.created_at) >= String(clip.submitted_at ?? ''))
    .sort((a, b) => byCreation(b, a));
  return {
    id: String(clip.id),
    author_id: String(clip.author_id),
    author_name: nameOf(workspace, clip.author_id),
    author_team_name: teamName(
      data,
      data.profileOf(String(clip.author_id)).teamId,
    ),
    title: String(clip.title),
    site: String(clip.site),
    source_url: String(clip.source_url),
    quote: String(clip.quote),
    note: String(clip.note),
    tags: clip.tags as string[],
    topic_id: (clip.topic_id as string | null) ?? null,
    topic_name: topic?.name ?? null,
    topic_regulated: topic?.regulated ?? false,
    submitted_at: (clip.submitted_at as string | null) ?? null,
    version: Number(clip.version),
    my_verdict: (mine[0]?.verdict as 'approve' | 'changes' | undefined) ?? null,
  };
}

function byCreation(a: WireRecord, b: WireRecord): number {
  const byTime = String(a.created_at).localeCompare(String(b.created_at));
  return byTime || String(a.id).localeCompare(String(b.id));
}
