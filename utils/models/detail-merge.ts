import type {
  ClipDetail,
  DetailComment,
  DetailEndorsement,
  EndorsementStatus,
} from '@/utils/remote/peer-wire';
import type {
  LocalComment,
  LocalEndorsement,
} from '@/utils/store/discussion-types';

/** One comment as the thread shows it, wherever it came from. */
export interface ThreadComment {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /** Written here and not yet acknowledged by the workspace. */
  pending: boolean;
}

/** One endorsement as the detail lists it, wherever it came from. */
export interface EndorsementEntry {
  id: string;
  endorserId: string;
  endorserName: string | null;
  kind: 'peer' | 'official';
  createdAt: string;
  expiresAt: string | null;
  status: EndorsementStatus;
  pending: boolean;
}

function fromServerComment(comment: DetailComment): ThreadComment {
  return {
    id: comment.id,
    parentId: comment.parent_id,
    authorId: comment.author_id,
    authorName: comment.author_name,
    body: comment.body,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    deleted: comment.deleted,
    pending: false,
  };
}

function fromServerEndorsement(row: DetailEndorsement): EndorsementEntry {
  return {
    id: row.id,
    endorserId: row.endorser_id,
    endorserName: row.endorser_name,
    kind: row.kind,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: row.status,
    pending: false,
  };
}

/** How a local endorsement stands, judged as the server would. */
function localStatus(
  row: LocalEndorsement,
  contentHash: string,
  now: Date,
): EndorsementStatus {
  if (row.withdrawnAt) return 'withdrawn';
  if (row.expiresAt && new Date(row.expiresAt) <= now) return 'expired';
  const otherText = row.contentHash !== null && row.contentHash !== contentHash;
  return row.kind === 'official' && otherText ? 'lapsed' : 'active';
}

/**
 * The server's rows with this browser's over them: a local row wins while
 * it is pending, and is added when the server's answer (maybe cached) does
 * not know it yet.
 */
function mergeRows<T extends { id: string }>(
  server: T[],
  local: { row: T; pending: boolean }[],
): T[] {
  const byId = new Map(server.map((row) => [row.id, row]));
  for (const { row, pending } of local) {
    if (pending || !byId.has(row.id)) byId.set(row.id, row);
  }
  return [...byId.values()];
}

export function mergeComments(
  detail: ClipDetail,
  local: LocalComment[],
): ThreadComment[] {
  const names = new Map(
    detail.comments.map((row) => [row.author_id, row.author_name]),
  );
  const merged = mergeRows(
    detail.comments.map(fromServerComment),
    local.map((row) => ({
      pending: row.pending,
      row: { ...row, authorName: names.get(row.authorId) ?? null },
    })),
  );
  return merged.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function mergeEndorsements(
  detail: ClipDetail,
  local: LocalEndorsement[],
  now: Date,
): EndorsementEntry[] {
  const names = new Map(
    detail.endorsements.map((row) => [row.endorser_id, row.endorser_name]),
  );
  const merged = mergeRows(
    detail.endorsements.map(fromServerEndorsement),
    local.map((row) => ({
      pending: row.pending,
      row: {
        ...row,
        endorserName: names.get(row.endorserId) ?? null,
        status: localStatus(row, detail.clip.content_hash, now),
      },
    })),
  );
  return merged.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
