import {
  isAuthApiError,
  isAuthRetryableFetchError,
  type AuthError,
  type Session,
  type SupabaseClient,
} from '@supabase/supabase-js';
import type { Database, Json } from './database.types';
import {
  parseFeedAnswer,
  parsePullAnswer,
  parsePushAnswer,
} from './parse-answers';
import type { RemoteApi, RemoteSession } from './remote-api';
import { RemoteError } from './remote-error';
import { call } from './rest-call';
import { createPeerCalls } from './supabase-peer-calls';

/** The supabase-js client typed with the project's generated schema. */
export type PeerclipSupabase = SupabaseClient<Database>;

/** Auth error codes that mean "the email, password or code is wrong". */
const CREDENTIAL_CODES = new Set([
  'invalid_credentials',
  'otp_expired',
  'otp_disabled',
  'validation_failed',
  'email_not_confirmed',
]);

/**
 * The RemoteApi over a real supabase-js client. The client is the only one
 * in the extension (the background's), so only it refreshes the session.
 */
export function createSupabaseRemote(client: PeerclipSupabase): RemoteApi {
  return {
    ...createPeerCalls(client),
    async push(batch) {
      const answer = await call(
        client.rpc('push_changes', { batch: batch as unknown as Json }),
      );
      return parsePushAnswer(answer, batch.length);
    },
    async pull(since, max) {
      return parsePullAnswer(
        await call(client.rpc('pull_changes', { since, max })),
      );
    },
    async feedPage({ scope, target, cursor, max }) {
      const args = { scope, target, cursor: cursor ?? undefined, max };
      return parseFeedAnswer(await call(client.rpc('feed_page', args)));
    },
    async signInWithPassword(email, password) {
      const { data, error } = await client.auth.signInWithPassword({
        email,
        password,
      });
      return sessionOrThrow(data.session, error);
    },
    async signInWithOtp(email) {
      const { error } = await client.auth.signInWithOtp({
        email,
        options: { shouldCreateUser: false },
      });
      if (error) throw authFailure(error);
    },
    async verifyOtp(email, code) {
      const { data, error } = await client.auth.verifyOtp({
        email,
        token: code,
        type: 'email',
      });
      return sessionOrThrow(data.session, error);
    },
    async getSession() {
      const { data, error } = await client.auth.getSession();
      if (error) throw refreshFailure(error);
      return data.session ? toRemoteSession(data.session) : null;
    },
    async signOut() {
      const { error } = await client.auth.signOut();
      if (!error) return;

      // Offline: the server session lapses on its own; forget it here.
      await client.auth.signOut({ scope: 'local' });
    },
  };
}

function sessionOrThrow(
  session: Session | null,
  error: AuthError | null,
): RemoteSession {
  if (error) throw authFailure(error);
  if (!session) {
    throw new RemoteError('server', 'The workspace started no session.');
  }
  return toRemoteSession(session);
}

function authFailure(error: AuthError): RemoteError {
  if (isAuthRetryableFetchError(error)) {
    return new RemoteError('offline', 'The workspace cannot be reached.', {
      cause: error,
    });
  }
  if (isAuthApiError(error) && CREDENTIAL_CODES.has(error.code ?? '')) {
    return new RemoteError(
      'invalid-credentials',
      'The email, password or code is not right.',
      { cause: error },
    );
  }
  if (isAuthApiError(error) && [401, 403].includes(error.status)) {
    return new RemoteError('unauthorized', 'Your session expired.', {
      cause: error,
    });
  }
  return new RemoteError('server', error.message, { cause: error });
}

/**
 * getSession fails only when it had to refresh: for the network (the
 * session is kept), or because the refresh token is no longer valid.
 */
function refreshFailure(error: AuthError): RemoteError {
  if (isAuthRetryableFetchError(error)) return authFailure(error);
  return new RemoteError('unauthorized', 'Your session expired.', {
    cause: error,
  });
}

function toRemoteSession(session: Session): RemoteSession {
  return {
    userId: session.user.id,
    email: session.user.email ?? '',
    expiresAt: session.expires_at ?? 0,
  };
}
