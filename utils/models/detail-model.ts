import { computed, signal } from '@preact/signals';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import type { ClipDetail } from '@/utils/remote/peer-wire';
import type {
  LocalComment,
  LocalEndorsement,
} from '@/utils/store/discussion-types';
import { problemFrom } from './clip-problem';
import { mergeComments, mergeEndorsements } from './detail-merge';
import { LIMITS } from './limits';

export type { EndorsementEntry, ThreadComment } from './detail-merge';

/** The reader's own copy of a clip in this browser. */
export interface LocalClipCopy {
  note: string;
  /** The server version it is based on; null before its first push. */
  version?: number | null;
}

/** The note the detail shows, and whether the workspace has it yet. */
export interface ShownNote {
  text: string;
  /** Saved in this browser and newer than the workspace's answer. */
  unsent: boolean;
}

/** What the clip detail reads and writes through. */
export interface DetailServices {
  /** The clip with its thread, endorsements and reviews, maybe cached. */
  loadDetail(clipId: string): Promise<CachedAnswer<ClipDetail>>;
  /** This browser's rows, some not yet sent: shown over the server's. */
  localComments(clipId: string): Promise<LocalComment[]>;
  localEndorsements(clipId: string): Promise<LocalEndorsement[]>;
  /** The reader's own copy of the clip, if this browser holds one. */
  localClip?(clipId: string): Promise<LocalClipCopy | undefined>;
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

/** Where the detail is: loading, shown, or why it cannot be. */
export type DetailStatus =
  'idle' | 'loading' | 'ready' | 'not-found' | 'failed';

/**
 * The author's note as saved here wins over the workspace's answer while
 * that answer is not newer than the copy: an edit shows at once, before
 * the next sync, and a later edit from another device still wins.
 */
export function shownNote(
  detail: ClipDetail,
  local: LocalClipCopy | undefined,
): ShownNote {
  const server = detail.clip.note;
  if (!local || local.note === server) return { text: server, unsent: false };

  const newer = (local.version ?? 0) >= detail.clip.version;
  return newer
    ? { text: local.note, unsent: true }
    : { text: server, unsent: false };
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
  const localClip = signal<LocalClipCopy | undefined>(undefined);
  const now = services.now ?? (() => new Date());

  const comments = computed(() =>
    detail.value ? mergeComments(detail.value, localComments.value) : [],
  );
  const endorsements = computed(() =>
    detail.value
      ? mergeEndorsements(detail.value, localEndorsements.value, now())
      : [],
  );
  const note = computed(() =>
    detail.value ? shownNote(detail.value, localClip.value) : null,
  );
  const isOwnDraft = computed(
    () =>
      detail.value?.clip.state === 'draft' &&
      detail.value.clip.author_id === readerId.value,
  );

  let opening = 0;

  async function readLocal(id: string) {
    const [commentRows, endorsementRows, copy] = await Promise.all([
      services.localComments(id),
      services.localEndorsements(id),
      services.localClip?.(id),
    ]);
    if (clipId.value !== id) return;
    localComments.value = commentRows;
    localEndorsements.value = endorsementRows;
    localClip.value = copy;
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
    /** The note to show: the author's unsent edit over the answer's. */
    note,
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
    /** Shows this browser's rows again, e.g. after an edit or endorsing. */
    reloadLocal: () =>
      clipId.value ? readLocal(clipId.value) : Promise.resolve(),
  };
}

/** The clip detail's state and actions, as the components see them. */
export type DetailModel = ReturnType<typeof createDetailModel>;
