import type {
  FeedFailureCode,
  FeedReply,
  FeedRequest,
} from '@/utils/messages/feed-protocol';
import { isOffline, RemoteError } from '@/utils/remote/remote-error';
import type { RemoteApi } from '@/utils/remote/remote-api';
import type { FeedCache, FeedPageQuery } from '@/utils/store/feed-cache';
import type { WorkspaceConnection } from './workspace-clients';

/** What the feed service reads the workspace and the cache through. */
export interface FeedServiceDeps {
  /** The connection in force; null in local-only mode. */
  connection(): Promise<WorkspaceConnection | null>;
  /** Who the local data belongs to, when the session cannot be checked. */
  localUserId(): Promise<string | undefined>;
  cache: FeedCache;
  now(): Date;
}

const OFFLINE_SENTENCE =
  'The workspace cannot be reached and this page of the feed was never ' +
  'loaded here.';

function failure(code: FeedFailureCode, message: string): FeedReply {
  return { ok: false, code, message };
}

/**
 * Answers `feed-page`: fetches the page through feed_page and keeps it in
 * the cache; when the network fails, answers the cached page marked
 * `stale`. The feed is never replicated into the clips table, so a draft
 * of a teammate cannot reach this browser through it.
 */
export function createFeedService(deps: FeedServiceDeps) {
  async function reader(remote: RemoteApi): Promise<string | null> {
    try {
      return (await remote.getSession())?.userId ?? null;
    } catch (error) {
      if (!isOffline(error)) throw error;
      return (await deps.localUserId()) ?? null;
    }
  }

  async function fromCache(userId: string, query: FeedPageQuery) {
    const cached = await deps.cache.read(userId, query);
    if (!cached) return failure('offline', OFFLINE_SENTENCE);
    const { items, cursor, fetchedAt } = cached;
    return { ok: true, items, cursor, fetchedAt, stale: true } as const;
  }

  async function fetchPage(
    remote: RemoteApi,
    userId: string,
    query: FeedPageQuery,
  ): Promise<FeedReply> {
    try {
      const page = await remote.feedPage(query);
      const fetchedAt = deps.now().toISOString();
      await deps.cache.write(userId, query, { ...page, fetchedAt });
      return { ok: true, ...page, fetchedAt, stale: false };
    } catch (error) {
      if (isOffline(error)) return fromCache(userId, query);
      return failureFrom(error);
    }
  }

  return {
    /** One page of the peer feed, fresh when the network allows. */
    async page(request: FeedRequest): Promise<FeedReply> {
      const { scope, target, cursor } = request;
      const query: FeedPageQuery = { scope, target, cursor };
      try {
        const connection = await deps.connection();
        if (!connection) {
          return failure('not-connected', 'Connect a workspace first.');
        }
        const userId = await reader(connection.remote);
        if (!userId) return failure('not-signed-in', 'Sign in to see peers.');
        return await fetchPage(connection.remote, userId, query);
      } catch (error) {
        return failureFrom(error);
      }
    },
  };
}

/** The feed service the background answers `feed-page` with. */
export type FeedService = ReturnType<typeof createFeedService>;

function failureFrom(error: unknown): FeedReply {
  if (error instanceof RemoteError && error.code === 'unauthorized') {
    return failure('not-signed-in', 'Sign in again to see peers.');
  }
  console.warn('[peerclip] Could not load the peer feed.', error);
  const message =
    error instanceof RemoteError
      ? error.message
      : 'The peer feed could not be loaded.';
  return failure('failed', message);
}
