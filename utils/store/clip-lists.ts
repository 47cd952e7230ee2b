import type { Clip, ClipState } from '@/utils/models/clip';
import type { PeerclipDb, StoredClip } from './database';
import { matchesSearch } from './draft-search';

/** The meta key under which the background keeps the signed-in account. */
const ACCOUNT_KEY = 'account.user';

/** The states in which the author still changes a clip's annotation. */
export const EDITABLE_STATES: ReadonlySet<ClipState> = new Set([
  'draft',
  'in_review',
  'published',
]);

/** The signed-in person's id, or undefined when no one is signed in. */
export async function readerIdOf(db: PeerclipDb): Promise<string | undefined> {
  const entry = await db.meta.get(ACCOUNT_KEY);
  const account = entry?.value as { id?: unknown } | undefined;
  return typeof account?.id === 'string' ? account.id : undefined;
}

/**
 * True when the reader wrote the clip. A draft written without an account
 * has no author yet and is the reader's; the server never sends the
 * drafts of others, only their clips in review.
 */
export function isMine(clip: StoredClip, readerId: string | undefined) {
  return !clip.authorId || clip.authorId === readerId;
}

/**
 * The reader's clips in the given states, newest change first, narrowed
 * by a search.
 */
export async function listOwnClips(
  db: PeerclipDb,
  states: ReadonlySet<ClipState>,
  search: string,
): Promise<Clip[]> {
  const readerId = await readerIdOf(db);
  const clips = await db.clips.orderBy('updatedAt').reverse().toArray();

  return clips.filter(
    (clip) =>
      states.has(clip.state) &&
      isMine(clip, readerId) &&
      matchesSearch(clip, search),
  );
}
