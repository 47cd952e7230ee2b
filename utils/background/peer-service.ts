import type {
  CachedAnswer,
  PeerFailure,
  PeerFailureCode,
  PeerReplies,
} from '@/utils/messages/peer-protocol';
import type { FollowTarget, PolicyLink } from '@/utils/remote/peer-wire';
import type { RemoteApi } from '@/utils/remote/remote-api';
import { isOffline, RemoteError } from '@/utils/remote/remote-error';
import type { WorkspaceConnection } from './workspace-clients';

/** Where the background keeps its last answers for offline reading. */
export interface PeerAnswerCache {
  read(
    userId: string,
    key: string,
  ): Promise<{ value: unknown; fetchedAt: string } | undefined>;
  write(
    userId: string,
    key: string,
    value: unknown,
    fetchedAt: string,
  ): Promise<void>;
}

/** What the peer service reads the workspace and the cache through. */
export interface PeerServiceDeps {
  /** The connection in force; null in local-only mode. */
  connection(): Promise<WorkspaceConnection | null>;
  /** Who the local data belongs to, when the session cannot be checked. */
  localUserId(): Promise<string | undefined>;
  cache: PeerAnswerCache;
  now(): Date;
}

const NEVER_LOADED =
  'The workspace cannot be reached and this was never loaded here.';

function failure(code: PeerFailureCode, message: string): PeerFailure {
  return { ok: false, code, message };
}

/**
 * Answers the requests of the social half that need the workspace: a clip
 * in detail, the review queue and the directory are fetched and cached per
 * reader, and answered from the cache marked `stale` when the network
 * fails; following and saving the publishing guide need the network.
 */
export function createPeerService(deps: PeerServiceDeps) {
  async function signedIn(): Promise<
    { remote: RemoteApi; userId: string } | PeerFailure
  > {
    const connection = await deps.connection();
    if (!connection) {
      return failure('not-connected', 'Connect a workspace first.');
    }
    const { remote } = connection;
    try {
      const userId = (await remote.getSession())?.userId;
      if (!userId) return failure('not-signed-in', 'Sign in to see peers.');
      return { remote, userId };
    } catch (error) {
      if (!isOffline(error)) throw error;
      const userId = await deps.localUserId();
      if (!userId) return failure('offline', NEVER_LOADED);
      return { remote, userId };
    }
  }

  async function cached<T>(
    key: string,
    fetch: (remote: RemoteApi) => Promise<T>,
  ): Promise<CachedAnswer<T>> {
    try {
      const reader = await signedIn();
      if ('ok' in reader) return reader;
      const { remote, userId } = reader;
      try {
        const value = await fetch(remote);
        const fetchedAt = deps.now().toISOString();
        await deps.cache.write(userId, key, value, fetchedAt);
        return { ok: true, value, fetchedAt, stale: false };
      } catch (error) {
        if (!isOffline(error)) throw error;
        const kept = await deps.cache.read(userId, key);
        if (!kept) return failure('offline', NEVER_LOADED);
        const { fetchedAt } = kept;
        return { ok: true, value: kept.value as T, fetchedAt, stale: true };
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  async function online<T>(
    act: (remote: RemoteApi) => Promise<T>,
  ): Promise<{ ok: true; value: T } | PeerFailure> {
    try {
      const reader = await signedIn();
      if ('ok' in reader) return reader;
      return { ok: true, value: await act(reader.remote) };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return {
    /** One clip with its thread, endorsements and review history. */
    clipDetail(clipId: string): Promise<PeerReplies['clip-detail']> {
      return cached(`clip-detail:${clipId}`, (remote) =>
        remote.clipDetail(clipId),
      );
    },

    /** The clips waiting for the reader's review. */
    reviewQueue(): Promise<PeerReplies['review-queue']> {
      return cached('review-queue', (remote) => remote.reviewQueue());
    },

    /** Who the reader is, topics, follows and the publishing guide. */
    directory(): Promise<PeerReplies['directory']> {
      return cached('directory', (remote) => remote.directory());
    },

    /** Follows or unfollows; needs the network. */
    async follow(
      target: FollowTarget,
      follow: boolean,
    ): Promise<PeerReplies['follow']> {
      const done = await online((remote) => remote.setFollow(target, follow));
      return done.ok ? { ok: true } : done;
    },

    /** Saves an admin's checklist and policy links; needs the network. */
    async saveGuide(
      checklist: string[],
      policyLinks: PolicyLink[],
    ): Promise<PeerReplies['save-publishing-guide']> {
      const done = await online((remote) =>
        remote.savePublishingGuide(checklist, policyLinks),
      );
      return done.ok ? { ok: true, guide: done.value } : done;
    },
  };
}

/** The peer service the background answers peer requests with. */
export type PeerService = ReturnType<typeof createPeerService>;

function failureFrom(error: unknown): PeerFailure {
  if (isOffline(error)) {
    return failure('offline', 'The workspace cannot be reached.');
  }
  if (error instanceof RemoteError) {
    return failure(codeOf(error), error.message);
  }
  console.warn('[peerclip] A request to the workspace failed.', error);
  return failure('failed', 'The workspace could not answer.');
}

const FAILURE_OF: Partial<Record<RemoteError['code'], PeerFailureCode>> = {
  unauthorized: 'not-signed-in',
  forbidden: 'not-allowed',
  'bad-request': 'not-allowed',
  'not-found': 'not-found',
};

function codeOf(error: RemoteError): PeerFailureCode {
  return FAILURE_OF[error.code] ?? 'failed';
}
