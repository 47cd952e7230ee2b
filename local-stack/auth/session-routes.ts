import type { IncomingMessage } from 'node:http';
import type { Reply } from '../http.ts';
import { checkPassword, findById, recordSignIn } from './accounts.ts';
import type { AuthContext, Body } from './context.ts';
import { authError, invalidCredentials } from './errors.ts';
import { requireSession } from './input.ts';
import { endSessions, openSession, refreshSession } from './sessions.ts';

/** POST /token: the password and refresh_token grants. */
export async function token(
  auth: AuthContext,
  _request: IncomingMessage,
  body: Body,
  url: URL,
): Promise<Reply> {
  const grant = url.searchParams.get('grant_type');
  if (grant === 'refresh_token') {
    const refresh = String(body.refresh_token ?? '');
    const session = await refreshSession(
      auth.pool,
      auth.tokens,
      refresh,
      findById,
    );
    return { status: 200, body: session };
  }
  if (grant !== 'password') {
    throw authError(400, 'validation_failed', 'Unsupported grant type');
  }

  const email = String(body.email ?? '');
  const account = await checkPassword(
    auth.pool,
    email,
    String(body.password ?? ''),
  );
  if (!account) throw invalidCredentials();
  if (auth.settings.enableConfirmations && !account.email_confirmed_at) {
    throw authError(400, 'email_not_confirmed', 'Email not confirmed');
  }
  const signedIn = await recordSignIn(auth.pool, account.id);
  const session = await openSession(
    auth.pool,
    auth.tokens,
    signedIn,
    'password',
  );
  return { status: 200, body: session };
}

/** POST /logout: ends this, the other or all sessions. */
export async function logout(
  auth: AuthContext,
  request: IncomingMessage,
  _body: Body,
  url: URL,
): Promise<Reply> {
  const claims = await requireSession(auth, request);
  const scope = url.searchParams.get('scope') ?? 'global';
  await endSessions(
    auth.pool,
    String(claims.sub),
    String(claims.session_id),
    scope,
  );
  return { status: 204 };
}
