import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { bearerToken, parseJsonBody, readBody, type Reply } from '../http.ts';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import type { StackSettings } from '../settings.ts';
import {
  checkPassword,
  confirmEmail,
  createAccount,
  findByEmail,
  findById,
  recordSignIn,
  updateAccount,
  userJson,
} from './accounts.ts';
import { authError, invalidCredentials, validationFailed } from './errors.ts';
import type { Mailbox } from './mailbox.ts';
import { consumeCode, issueCode } from './one-time-codes.ts';
import {
  endSessions,
  openSession,
  refreshSession,
  sessionExists,
  type TokenSettings,
} from './sessions.ts';

/** What the auth API needs: the auth admin's connections and settings. */
export interface AuthContext {
  pool: pg.Pool;
  settings: StackSettings;
  tokens: TokenSettings;
  mailbox: Mailbox;
}

type Body = Record<string, unknown>;
type Handler = (
  auth: AuthContext,
  request: IncomingMessage,
  body: Body,
  url: URL,
) => Promise<Reply>;

const routes: Record<string, Handler> = {
  'POST /signup': signUp,
  'POST /token': token,
  'GET /user': getUser,
  'PUT /user': updateUser,
  'POST /logout': logout,
  'POST /otp': sendOtp,
  'POST /verify': verify,
  'GET /health': async () => ({ status: 200, body: { name: 'GoTrue' } }),
  'GET /settings': async (auth) => ({
    status: 200,
    body: {
      external: { email: true },
      disable_signup: false,
      mailer_autoconfirm: !auth.settings.enableConfirmations,
    },
  }),
};

/** Serves one /auth/v1 request; `path` is what follows /auth/v1. */
export async function handleAuth(
  auth: AuthContext,
  request: IncomingMessage,
  path: string,
  url: URL,
): Promise<Reply> {
  const handler = routes[`${request.method} ${path}`];
  if (!handler) throw authError(404, 'not_found', `No route ${path}`);

  const body = parseJsonBody(await readBody(request), () =>
    validationFailed('Could not parse request body as JSON'),
  );
  return handler(auth, request, (body ?? {}) as Body, url);
}

async function signUp(
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

async function token(
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

async function getUser(
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

async function updateUser(
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

async function logout(
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

async function sendOtp(
  auth: AuthContext,
  _request: IncomingMessage,
  body: Body,
): Promise<Reply> {
  const email = requireEmail(body.email);
  let account = await findByEmail(auth.pool, email);
  if (!account && body.create_user === false) {
    throw authError(422, 'otp_disabled', 'Signups not allowed for otp');
  }

  account ??= await createAccount(auth.pool, {
    email,
    metadata: metadataOf(body.data),
    confirmed: false,
  });
  await mailCode(
    auth,
    account,
    account.email_confirmed_at ? 'magiclink' : 'signup',
  );
  return { status: 200, body: {} };
}

async function verify(
  auth: AuthContext,
  _request: IncomingMessage,
  body: Body,
): Promise<Reply> {
  const email = requireEmail(body.email);
  const type = String(body.type ?? '');
  if (!['email', 'signup', 'magiclink'].includes(type)) {
    throw validationFailed(`Verify type '${type}' is not supported here`);
  }

  const userId = await consumeCode(
    auth.pool,
    email,
    String(body.token ?? ''),
    auth.settings.otpExpirySeconds,
  );
  if (!userId) {
    throw authError(403, 'otp_expired', 'Token has expired or is invalid');
  }
  const client = await auth.pool.connect();
  await confirmEmail(client, userId).finally(() => client.release());
  const account = await recordSignIn(auth.pool, userId);
  const session = await openSession(auth.pool, auth.tokens, account, 'otp');
  return { status: 200, body: session };
}

async function mailCode(
  auth: AuthContext,
  account: { id: string; email: string },
  kind: 'signup' | 'magiclink',
): Promise<void> {
  const code = await issueCode(
    auth.pool,
    account,
    kind,
    auth.settings.otpLength,
  );
  auth.mailbox.send(account.email.toLowerCase(), kind, code);
}

/** Verifies the access token and that its session was not ended. */
async function requireSession(
  auth: AuthContext,
  request: IncomingMessage,
): Promise<JwtClaims> {
  let claims: JwtClaims;
  try {
    claims = verifyJwt(bearerToken(request) ?? '', auth.settings.jwtSecret);
  } catch (error) {
    throw authError(403, 'bad_jwt', `invalid JWT: ${(error as Error).message}`);
  }
  if (!(await sessionExists(auth.pool, claims.session_id))) {
    throw authError(
      403,
      'session_not_found',
      'Session from session_id claim in JWT does not exist',
    );
  }
  return claims;
}

// The auth server stores addresses in lower case.
function requireEmail(value: unknown): string {
  const email = String(value ?? '')
    .trim()
    .toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw validationFailed('Unable to validate email address: invalid format');
  }
  return email;
}

function requirePassword(auth: AuthContext, value: unknown): string {
  const password = typeof value === 'string' ? value : '';
  const minimum = auth.settings.minimumPasswordLength;
  if (password.length < minimum) {
    throw authError(
      422,
      'weak_password',
      `Password should be at least ${minimum} characters.`,
    );
  }
  return password;
}

function metadataOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
