import type { IncomingMessage } from 'node:http';
import type { Reply } from '../http.ts';
import {
  createAccount,
  findByEmail,
  findById,
  recordSignIn,
  updateAccount,
  userJson,
} from './accounts.ts';
import { mailCode } from './code-routes.ts';
import type { AuthContext, Body } from './context.ts';
import { authError, validationFailed } from './errors.ts';
import {
  metadataOf,
  requireEmail,
  requirePassword,
  requireSession,
} from './input.ts';
import { openSession } from './sessions.ts';

/** POST /signup: a session, or the user while the emailed code is due. */
export async function signUp(
  auth: AuthContext,
  _request: IncomingMessage,
  body: Body,
): Promise<Reply> {
  const email = requireEmail(body.email);
  const password = requirePassword(auth, body.password);
  // Supabase hides registered addresses behind a look-alike user when
  // confirmations are on; this stand-in refuses them outright.
  if (await findByEmail(auth.pool, email)) {
    throw authError(422, 'user_already_exists', 'User already registered');
  }

  const confirm = auth.settings.enableConfirmations;
  const account = await createAccount(auth.pool, {
    email,
    password,
    metadata: metadataOf(body.data),
    confirmed: !confirm,
  });
  if (confirm) {
    await mailCode(auth, account, 'signup');
    return { status: 200, body: userJson(account) };
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

/** GET /user: the account of the access token. */
export async function getUser(
  auth: AuthContext,
  request: IncomingMessage,
): Promise<Reply> {
  const claims = await requireSession(auth, request);
  const account = await findById(auth.pool, String(claims.sub));
  if (!account) {
    throw authError(
      403,
      'user_not_found',
      'User from sub claim in JWT does not exist',
    );
  }
  return { status: 200, body: userJson(account) };
}

/** PUT /user: merges user metadata, sets a new password. */
export async function updateUser(
  auth: AuthContext,
  request: IncomingMessage,
  body: Body,
): Promise<Reply> {
  const claims = await requireSession(auth, request);
  if (body.email !== undefined || body.phone !== undefined) {
    throw validationFailed('Changing email or phone is not supported here');
  }
  const password =
    body.password === undefined
      ? undefined
      : requirePassword(auth, body.password);

  const account = await updateAccount(auth.pool, String(claims.sub), {
    data: body.data === undefined ? undefined : metadataOf(body.data),
    password,
  });
  return { status: 200, body: userJson(account) };
}
