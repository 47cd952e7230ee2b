// Usage: `const db = await startTestDatabase()` in beforeAll, `db.stop()` in
// afterAll; `db.asUser(id, (c) => c.query(...))` runs SQL as PostgREST would.
import pg from 'pg';
import { startDatabase } from '../../../local-stack/database.ts';

/** The client handed to asUser callbacks: one connection in a transaction. */
export type UserClient = pg.PoolClient;

/** Options of one asUser call. */
export interface AsUserOptions {
  /** Extra or replacing JWT claims (e.g. `{ role: 'service_role' }`). */
  claims?: Record<string, unknown>;
  /** Commit instead of rolling back (default: roll back). */
  commit?: boolean;
  /** request.method as PostgREST sets it (default POST). */
  method?: string;
}

/** A new account in auth.users. */
export interface NewUser {
  email: string;
  password?: string;
  /** Email confirmed (default true). */
  confirmed?: boolean;
  /** raw_user_meta_data, which the user can edit through the auth API. */
  metadata?: Record<string, unknown>;
  id?: string;
}

/** A throwaway database with the prelude and all migrations applied. */
export interface TestDatabase {
  /** Superuser connection string. */
  url: string;
  /** The non-superuser owner (`postgres`) that migrations ran as. */
  ownerUrl: string;
  /** Superuser pool: arrange and inspect, bypassing every rule. */
  admin: pg.Pool;
  /**
   * Runs fn in one transaction as PostgREST would for this user: role
   * authenticated (anon when userId is null), request.jwt.claims, search
   * path. Rolled back unless options.commit.
   */
  asUser<T>(
    userId: string | null,
    fn: (client: UserClient) => Promise<T>,
    options?: AsUserOptions,
  ): Promise<T>;
  /**
   * Inserts an account into auth.users as the auth server's role
   * (supabase_auth_admin), firing its triggers; returns its id.
   */
  createUser(user: NewUser): Promise<string>;
  stop(): Promise<void>;
}

/** Starts PostgreSQL on a free port with a throwaway data folder. */
export async function startTestDatabase(
  options: { seed?: boolean } = {},
): Promise<TestDatabase> {
  const database = await startDatabase({ seed: options.seed ?? false });
  const admin = new pg.Pool({ connectionString: database.urls.admin, max: 4 });
  // Accounts are written as the auth server's role, as on Supabase, so that
  // triggers on auth.users run with the privileges they will have there.
  const authAdmin = new pg.Pool({
    connectionString: database.urls.authAdmin,
    max: 2,
  });
  // Stopping the cluster ends idle pooled connections from the server side;
  // that is expected, not a failure of the test.
  for (const pool of [admin, authAdmin]) pool.on('error', () => undefined);

  return {
    url: database.urls.admin,
    ownerUrl: database.urls.owner,
    admin,
    asUser: (userId, fn, asUserOptions) =>
      runAsUser(admin, userId, fn, asUserOptions),
    createUser: (user) => insertUser(authAdmin, user),
    async stop() {
      await Promise.all([admin.end(), authAdmin.end()]);
      await database.stop();
    },
  };
}

async function runAsUser<T>(
  pool: pg.Pool,
  userId: string | null,
  fn: (client: UserClient) => Promise<T>,
  options: AsUserOptions = {},
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const claims = { ...(await claimsFor(client, userId)), ...options.claims };
    await client.query(requestSettingsSql, [
      String(claims.role ?? 'anon'),
      JSON.stringify(claims),
      options.method ?? 'POST',
    ]);
    const result = await fn(client);
    await client.query(options.commit ? 'commit' : 'rollback');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

// The same first statement PostgREST runs in every request's transaction.
const requestSettingsSql = `select
  set_config('search_path', 'public, extensions', true),
  set_config('role', $1, true),
  set_config('request.jwt.claims', $2, true),
  set_config('request.method', $3, true),
  set_config('request.path', '/', true),
  set_config('request.headers', '{}', true),
  set_config('statement_timeout',
    case $1 when 'anon' then '3s' else '8s' end, true)`;

async function claimsFor(
  client: UserClient,
  userId: string | null,
): Promise<Record<string, unknown>> {
  const now = Math.floor(Date.now() / 1000);
  if (userId === null) return { role: 'anon', iat: now, exp: now + 3600 };

  const { rows } = await client.query(
    `select email, raw_app_meta_data, raw_user_meta_data, is_anonymous
       from auth.users where id = $1`,
    [userId],
  );
  const user = rows[0] ?? {};
  return {
    sub: userId,
    role: 'authenticated',
    aud: 'authenticated',
    iat: now,
    exp: now + 3600,
    email: user.email ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    is_anonymous: user.is_anonymous ?? false,
  };
}

async function insertUser(pool: pg.Pool, user: NewUser): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into auth.users (id, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, aud, role)
     values (coalesce($1::uuid, gen_random_uuid()), $2,
       extensions.crypt($3, extensions.gen_salt('bf', 4)),
       case when $4 then now() end,
       '{"provider": "email", "providers": ["email"]}', $5,
       'authenticated', 'authenticated')
     returning id`,
    [
      user.id ?? null,
      user.email,
      user.password ?? 'password',
      user.confirmed ?? true,
      user.metadata ?? {},
    ],
  );
  return rows[0]!.id;
}
