import { computed, signal } from '@preact/signals';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
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
import { problemFrom } from './clip-problem';
import { LIMITS } from './limits';

/** What the clip detail reads and writes through. */
export interface DetailServices {
  /** The clip with its thread, endorsements and reviews, maybe cached. */
  loadDetail(clipId: string): Promise<CachedAnswer<ClipDetail>>;
  /** This browser's rows, some not yet sent: shown over the server's. */
  localComments(clipId: string): Promise<LocalComment[]>;
  localEndorsements(clipId: string): Promise<LocalEndorsement[]>;
  addComment(input: {
    clipId: string;
    parentId: string | null;
    body: string;
    authorId: string;
  }): Promise<LocalComment>;
  editComment(id: string, body: string): Promise<LocalComment>;
  deleteComment(id: string): Promise<void>;
  /** The reader's id; null when nobody is signed in. */
  me(): Promise<string | null>;
  now?: () => Date;
}

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

/** Where the detail is: loading, shown, or why it cannot be. */
export type DetailStatus =
  'idle' | 'loading' | 'ready' | 'not-found' | 'failed';

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

function mergeComments(
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

function mergeEndorsements(
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

/** Why a comment cannot be sent as it is, or null. */
export function commentProblem(body: string): string | null {
  if (body.trim() === '') return 'Write something before sending.';
  if (body.length > LIMITS.commentChars) {
    return `A comment holds at most ${LIMITS.commentChars.toLocaleString('en')} characters.`;
  }
  return null;
}

/**
 * One clip in detail: the workspace's answer (cached when offline) with
 * this browser's unsent comments and endorsements over it, and the
 * comment actions. Each action answers whether it worked; a failure is
 * kept in `problem` as one sentence.
 */
export function createDetailModel(services: DetailServices) {
  const clipId = signal<string | null>(null);
  const status = signal<DetailStatus>('idle');
  const detail = signal<ClipDetail | null>(null);
  const stale = signal(false);
  const fetchedAt = signal<string | null>(null);
  const failure = signal<string | null>(null);
  const problem = signal<string | null>(null);
  const readerId = signal<string | null>(null);
  const localComments = signal<LocalComment[]>([]);
  const localEndorsements = signal<LocalEndorsement[]>([]);
  const now = services.now ?? (() => new Date());

  const comments = computed(() =>
    detail.value ? mergeComments(detail.value, localComments.value) : [],
  );
  const endorsements = computed(() =>
    detail.value
      ? mergeEndorsements(detail.value, localEndorsements.value, now())
      : [],
  );
  const isOwnDraft = computed(
    () =>
      detail.value?.clip.state === 'draft' &&
      detail.value.clip.author_id === readerId.value,
  );

  let opening = 0;

  async function readLocal(id: string) {
    const [commentRows, endorsementRows] = await Promise.all([
      services.localComments(id),
      services.localEndorsements(id),
    ]);
    if (clipId.value !== id) return;
    localComments.value = commentRows;
    localEndorsements.value = endorsementRows;
  }

  async function load(id: string) {
    const ticket = ++opening;
    const [answer, reader] = await Promise.all([
      services.loadDetail(id),
      services.me(),
      readLocal(id),
    ]);
    if (ticket !== opening) return;

    readerId.value = reader;
    if (!answer.ok) {
      status.value = answer.code === 'not-found' ? 'not-found' : 'failed';
      failure.value = answer.message;
      return;
    }
    detail.value = answer.value;
    stale.value = answer.stale;
    fetchedAt.value = answer.fetchedAt;
    status.value = 'ready';
  }

  /** Shows one clip; an answer for a clip opened earlier is dropped. */
  async function open(id: string) {
    clipId.value = id;
    status.value = 'loading';
    detail.value = null;
    problem.value = null;
    failure.value = null;

    try {
      await load(id);
    } catch (error) {
      status.value = 'failed';
      failure.value = problemFrom(
        error,
        'The clip could not be opened.',
      ).message;
    }
  }

  /** Runs one write, then shows this browser's rows again. */
  async function write(fallback: string, action: () => Promise<unknown>) {
    const id = clipId.value;
    if (!id) return false;
    problem.value = null;

    try {
      await action();
      await readLocal(id);
      return true;
    } catch (error) {
      problem.value = problemFrom(error, fallback).message;
      return false;
    }
  }

  function refused(body: string): boolean {
    problem.value = commentProblem(body);
    return problem.value !== null;
  }

  return {
    clipId,
    status,
    detail,
    stale,
    fetchedAt,
    failure,
    problem,
    readerId,
    comments,
    endorsements,
    isOwnDraft,
    open,
    refresh: () => (clipId.value ? open(clipId.value) : Promise.resolve()),
    close: () => {
      opening += 1;
      clipId.value = null;
      status.value = 'idle';
      detail.value = null;
    },
    addComment: async (body: string, parentId: string | null = null) => {
      const id = clipId.value;
      const authorId = readerId.value;
      if (!id || !authorId || refused(body)) return false;
      return write('The comment could not be saved.', () =>
        services.addComment({ clipId: id, parentId, body, authorId }),
      );
    },
    editComment: async (commentId: string, body: string) =>
      !refused(body) &&
      write('The comment could not be changed.', () =>
        services.editComment(commentId, body),
      ),
    deleteComment: (commentId: string) =>
      write('The comment could not be deleted.', () =>
        services.deleteComment(commentId),
      ),
    /** Shows this browser's rows again, e.g. after an endorsement. */
    reloadLocal: () =>
      clipId.value ? readLocal(clipId.value) : Promise.resolve(),
  };
}

/** The clip detail's state and actions, as the components see them. */
export type DetailModel = ReturnType<typeof createDetailModel>;
