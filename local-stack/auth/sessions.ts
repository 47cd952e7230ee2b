import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { signJwt } from '../jwt.ts';
import { userJson, type Account } from './accounts.ts';
import { authError } from './errors.ts';

/** What signs access tokens. */
export interface TokenSettings {
  jwtSecret: string;
  jwtExpirySeconds: number;
  issuer: string;
}

/** How the person proved who they are, recorded in the token's `amr`. */
export type SignInMethod = 'password' | 'otp';

/** Opens a session with its first refresh token; answers the session. */
export async function openSession(
  db: pg.Pool,
  tokens: TokenSettings,
  account: Account,
  method: SignInMethod,
) {
  const { rows } = await db.query<{ id: string }>(
    'insert into auth.sessions (user_id) values ($1) returning id',
    [account.id],
  );
  const sessionId = rows[0]!.id;
  const refreshToken = await addRefreshToken(db, account.id, sessionId, null);
  return sessionJson(tokens, account, sessionId, refreshToken, method);
}

/**
 * Trades a refresh token for a new session token pair. Each refresh token
 * works once; presenting a used one again means it leaked or two clients
 * share it, so the whole session ends (as the Supabase auth server does).
 * Its 10 s reuse interval for concurrent refreshes is not modelled.
 */
export async function refreshSession(
  db: pg.Pool,
  tokens: TokenSettings,
  token: string,
  load: (client: pg.ClientBase, id: string) => Promise<Account | undefined>,
) {
  const client = await db.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(
      `select user_id, session_id, revoked from auth.refresh_tokens
        where token = $1 for update`,
      [token],
    );
    const row = rows[0];
    if (!row) throw notFound();
    if (row.revoked) {
      await client.query('delete from auth.sessions where id = $1', [
        row.session_id,
      ]);
      await client.query('commit');
      throw authError(
        400,
        'refresh_token_already_used',
        'Invalid Refresh Token: Already Used',
      );
    }

    await client.query(
      `update auth.refresh_tokens set revoked = true, updated_at = now()
        where token = $1`,
      [token],
    );
    const next = await addRefreshToken(
      client,
      row.user_id,
      row.session_id,
      token,
    );
    const account = await load(client, row.user_id);
    if (!account) throw notFound();
    await client.query('commit');
    return sessionJson(tokens, account, row.session_id, next, 'password');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const uuidPattern = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** Whether the session named in an access token still exists. */
export async function sessionExists(
  db: pg.Pool,
  sessionId: unknown,
): Promise<boolean> {
  if (typeof sessionId !== 'string' || !uuidPattern.test(sessionId)) {
    return false;
  }
  const { rows } = await db.query('select 1 from auth.sessions where id = $1', [
    sessionId,
  ]);
  return rows.length > 0;
}

/** Ends sessions: this one (`local`), the others, or all (`global`). */
export async function endSessions(
  db: pg.Pool,
  userId: string,
  sessionId: string,
  scope: string,
): Promise<void> {
  const condition =
    {
      local: 'id = $2',
      others: 'id <> $2',
    }[scope] ?? '$2::uuid is not null';
  await db.query(
    `delete from auth.sessions where user_id = $1 and (${condition})`,
    [userId, sessionId],
  );
}

async function addRefreshToken(
  db: pg.ClientBase | pg.Pool,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = randomBytes(16).toString('base64url');
  await db.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, parent)
     values ($1, $2, $3, $4)`,
    [token, userId, sessionId, parent],
  );
  return token;
}

function sessionJson(
  tokens: TokenSettings,
  account: Account,
  sessionId: string,
  refreshToken: string,
  method: SignInMethod,
) {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + tokens.jwtExpirySeconds;
  const claims = {
    aud: account.aud ?? 'authenticated',
    exp: expiresAt,
    iat: now,
    iss: tokens.issuer,
    sub: account.id,
    email: account.email,
    phone: '',
    app_metadata: account.raw_app_meta_data ?? {},
    user_metadata: account.raw_user_meta_data ?? {},
    role: account.role || 'authenticated',
    aal: 'aal1',
    amr: [{ method, timestamp: now }],
    session_id: sessionId,
    is_anonymous: account.is_anonymous,
  };
  return {
    access_token: signJwt(claims, tokens.jwtSecret),
    token_type: 'bearer',
    expires_in: tokens.jwtExpirySeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(account),
  };
}

function notFound() {
  return authError(
    400,
    'refresh_token_not_found',
    'Invalid Refresh Token: Refresh Token Not Found',
  );
}
