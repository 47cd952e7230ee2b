import type pg from 'pg';
import type { JwtClaims } from '../jwt.ts';

/** Who calls and how: what PostgREST exposes to SQL as settings. */
export interface RequestContext {
  role: string;
  claims: JwtClaims;
  method: string;
  /** The path below /rest/v1, e.g. `/clips` or `/rpc/feed_page`. */
  path: string;
  headers: Record<string, string>;
  searchPath: string;
}

/** statement_timeout per API role, as set with `alter role ... set`. */
export type RoleTimeouts = Map<string, string>;

/** Reads the statement timeouts that the roles carry. */
export async function loadRoleTimeouts(
  client: pg.ClientBase,
): Promise<RoleTimeouts> {
  const { rows } = await client.query<{ role: string; value: string }>(
    `select r.rolname as role, split_part(c, '=', 2) as value
       from pg_db_role_setting s
       join pg_roles r on r.oid = s.setrole
       cross join unnest(s.setconfig) c
      where c like 'statement_timeout=%'`,
  );
  return new Map(rows.map((row) => [row.role, row.value]));
}

/**
 * Runs fn in one transaction on a connection logged in as authenticator,
 * switched to the caller's role with the caller's claims, read-only for GET
 * and HEAD: the same first statement PostgREST runs, so row level security,
 * grants and triggers decide everything. Rolled back when fn throws.
 */
export async function inRequestTransaction<T>(
  pool: pg.Pool,
  context: RequestContext,
  timeouts: RoleTimeouts,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const readOnly = context.method === 'GET' || context.method === 'HEAD';
  const client = await pool.connect();
  try {
    await client.query(readOnly ? 'begin read only' : 'begin');
    await client.query(settingsSql, [
      context.searchPath,
      context.role,
      JSON.stringify(context.claims),
      context.method,
      context.path,
      JSON.stringify(context.headers),
      timeouts.get(context.role) ?? null,
    ]);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const settingsSql = `select
  set_config('search_path', $1, true),
  set_config('role', $2, true),
  set_config('request.jwt.claims', $3, true),
  set_config('request.method', $4, true),
  set_config('request.path', $5, true),
  set_config('request.headers', $6, true),
  case when $7::text is not null
    then set_config('statement_timeout', $7, true) end`;
