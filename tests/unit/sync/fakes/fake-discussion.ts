import type { WireRecord } from '../../../../utils/remote/sync-wire';
import { expectFields, expectUuid, FakeRejection } from './fake-clip-rules';
import { contentHashOf, peerDataOf } from './fake-peer-data';
import type { FakeWorkspace, Outcome } from './fake-workspace';

/** An official endorsement runs out a year after it was given. */
const OFFICIAL_DAYS = 365;

/**
 * push_changes for comments, endorsements and reviews over the fake, with
 * the rules push_comment and push_judgement enforce that the client can
 * meet: versions and conflicts for comments, who may endorse and review
 * what. The rows live in the workspace's peer data, so clip_detail reads
 * what was pushed.
 */
export function pushDiscussion(
  workspace: FakeWorkspace,
  userId: string,
  change: WireRecord,
): Outcome {
  const record = change.record as WireRecord;
  const base = change.base_version as number | undefined;
  switch (change.type) {
    case 'comment.upsert':
    case 'comment.delete':
      return pushComment(workspace, userId, change.type, record, base);
    case 'endorsement.create':
      return endorse(workspace, userId, record);
    case 'endorsement.withdraw':
      return withdraw(workspace, userId, record);
    default:
      return review(workspace, userId, record);
  }
}

/**
 * A comment, endorsement or review as pull_changes sends it to the user,
 * or null when they do not keep it: their own, or one on their own clip.
 */
export function keptDiscussionRow(
  workspace: FakeWorkspace,
  userId: string,
  entity: string,
  id: string,
): WireRecord | null {
  const data = peerDataOf(workspace);
  const rows =
    entity === 'comment'
      ? data.comments
      : entity === 'endorsement'
        ? data.endorsements
        : data.reviews;
  const row = rows.find((candidate) => candidate.id === id);
  const clip = row && workspace.clips.get(String(row.clip_id));
  if (!row || !clip || clip.deleted_at || row.deleted_at) return null;

  const owner = row.author_id ?? row.endorser_id ?? row.reviewer_id;
  if (owner !== userId && clip.author_id !== userId) return null;
  if (entity !== 'endorsement') return structuredClone(row);
  const active = data.isActive(row, clip, new Date());
  return { ...structuredClone(row), active };
}

function pushComment(
  workspace: FakeWorkspace,
  userId: string,
  type: string,
  record: WireRecord,
  base?: number,
): Outcome {
  const deleting = type === 'comment.delete';
  expectFields(
    record,
    deleting ? ['id'] : ['id', 'clip_id', 'parent_id', 'body'],
  );
  expectUuid(record, 'id', true);
  const comments = peerDataOf(workspace).comments;
  const existing = comments.find((row) => row.id === record.id);
  if (!existing) {
    if (deleting) throw new FakeRejection('you have no comment with this id');
    return addComment(workspace, userId, record);
  }

  if (existing.author_id !== userId) {
    throw new FakeRejection('only its author changes a comment');
  }
  if (deleting && existing.deleted_at) return applied('comment', existing);
  if (base !== existing.version) return conflict(existing);
  if (!deleting) expectBody(record);

  const time = workspace.now();
  existing.body = deleting ? existing.body : record.body;
  existing.deleted_at = deleting ? time : null;
  existing.version = Number(existing.version) + 1;
  existing.updated_at = time;
  touchRow(workspace, 'comment', existing);
  return applied('comment', existing);
}

function addComment(
  workspace: FakeWorkspace,
  userId: string,
  record: WireRecord,
): Outcome {
  expectUuid(record, 'clip_id', true);
  expectUuid(record, 'parent_id');
  expectBody(record);
  readableClip(workspace, userId, record);

  const time = workspace.now();
  const row: WireRecord = {
    id: record.id,
    clip_id: record.clip_id,
    author_id: userId,
    parent_id: record.parent_id ?? null,
    body: record.body,
    version: 1,
    created_at: time,
    updated_at: time,
    deleted_at: null,
  };
  peerDataOf(workspace).comments.push(row);
  touchRow(workspace, 'comment', row);
  return applied('comment', row);
}

function endorse(
  workspace: FakeWorkspace,
  userId: string,
  record: WireRecord,
): Outcome {
  expectFields(record, ['id', 'clip_id', 'kind']);
  expectUuid(record, 'id');
  expectUuid(record, 'clip_id', true);
  const kind = record.kind ?? 'peer';
  if (kind !== 'peer' && kind !== 'official') {
    throw new FakeRejection('kind: must be one of peer, official');
  }
  const data = peerDataOf(workspace);
  const clip = readableClip(workspace, userId, record);
  checkEndorsable(workspace, userId, clip, kind);

  const time = workspace.now();
  const expires = Date.parse(time) + OFFICIAL_DAYS * 86_400_000;
  const row: WireRecord = {
    id: record.id ?? crypto.randomUUID(),
    clip_id: clip.id,
    endorser_id: userId,
    kind,
    content_hash: contentHashOf(clip),
    expires_at: kind === 'official' ? new Date(expires).toISOString() : null,
    withdrawn_at: null,
    created_at: time,
  };
  data.endorsements.push(row);
  touchRow(workspace, 'endorsement', row);
  return judged('endorsement', row);
}

function checkEndorsable(
  workspace: FakeWorkspace,
  userId: string,
  clip: WireRecord,
  kind: string,
): void {
  const data = peerDataOf(workspace);
  if (clip.state !== 'published') {
    throw new FakeRejection('only a published clip is endorsed', '23514');
  }
  if (clip.author_id === userId) {
    throw new FakeRejection('you cannot endorse your own clip', '23514');
  }
  if (kind === 'official' && !data.endorsesTopicOf(userId, clip)) {
    throw new FakeRejection('only an endorser of the topic', '42501');
  }
  const now = new Date();
  const held = data.endorsements.some(
    (row) =>
      row.clip_id === clip.id &&
      row.endorser_id === userId &&
      data.isActive(row, clip, now),
  );
  if (held) throw new FakeRejection('you already endorse this clip', '23505');
}

function withdraw(
  workspace: FakeWorkspace,
  userId: string,
  record: WireRecord,
): Outcome {
  expectFields(record, ['id']);
  expectUuid(record, 'id', true);
  const row = peerDataOf(workspace).endorsements.find(
    (candidate) =>
      candidate.id === record.id &&
      candidate.endorser_id === userId &&
      !candidate.withdrawn_at,
  );
  if (!row) {
    throw new FakeRejection(
      'you hold no endorsement with this id to withdraw',
      'P0002',
    );
  }

  row.withdrawn_at = workspace.now();
  touchRow(workspace, 'endorsement', row);
  return judged('endorsement', row);
}

function review(
  workspace: FakeWorkspace,
  userId: string,
  record: WireRecord,
): Outcome {
  const fields = ['helps', 'improve', 'accuracy_concern'];
  expectFields(record, ['id', 'clip_id', 'verdict', ...fields]);
  expectUuid(record, 'clip_id', true);
  const data = peerDataOf(workspace);
  const clip = workspace.clips.get(String(record.clip_id));
  if (!clip || clip.state !== 'in_review' || !data.reviewsClip(userId, clip)) {
    throw new FakeRejection('you do not review this clip', '42501');
  }
  if (record.verdict !== 'approve' && record.verdict !== 'changes') {
    throw new FakeRejection('verdict: must be one of approve, changes');
  }
  const text = (field: string) => String(record[field] ?? '');
  if (
    record.verdict === 'changes' &&
    !text('improve') &&
    !text('accuracy_concern')
  ) {
    throw new FakeRejection('say what to improve', '23514');
  }

  const row: WireRecord = {
    id: record.id ?? crypto.randomUUID(),
    clip_id: clip.id,
    reviewer_id: userId,
    verdict: record.verdict,
    content_hash: contentHashOf(clip),
    helps: text('helps'),
    improve: text('improve'),
    accuracy_concern: text('accuracy_concern'),
    created_at: workspace.now(),
  };
  data.reviews.push(row);
  touchRow(workspace, 'review', row);
  return judged('review', row);
}

function readableClip(
  workspace: FakeWorkspace,
  userId: string,
  record: WireRecord,
): WireRecord {
  const clip = workspace.clips.get(String(record.clip_id));
  if (!clip || !peerDataOf(workspace).readsClip(userId, clip)) {
    throw new FakeRejection('you may not make this change', '42501');
  }
  return clip;
}

function expectBody(record: WireRecord): void {
  const body = record.body;
  if (typeof body !== 'string' || body.length === 0) {
    throw new FakeRejection('body: required');
  }
  if ([...body].length > 10_000) {
    throw new FakeRejection('body: longer than 10000 characters');
  }
}

/** Feeds a row to its owner and to the author of its clip. */
function touchRow(
  workspace: FakeWorkspace,
  entity: string,
  row: WireRecord,
): void {
  const owner = row.author_id ?? row.endorser_id ?? row.reviewer_id;
  const clip = workspace.clips.get(String(row.clip_id));
  workspace.touch(entity, String(row.id), [
    String(owner),
    String(clip?.author_id),
  ]);
}

function applied(entity: string, row: WireRecord): Outcome {
  return {
    status: 'applied',
    entity,
    id: String(row.id),
    version: Number(row.version),
  };
}

/** Endorsements and reviews have no version. */
function judged(entity: string, row: WireRecord): Outcome {
  return { status: 'applied', entity, id: String(row.id), version: null };
}

function conflict(row: WireRecord): Outcome {
  return {
    status: 'conflict',
    entity: 'comment',
    id: String(row.id),
    server_version: Number(row.version),
    record: structuredClone(row),
  };
}
