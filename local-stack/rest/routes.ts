import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { parseJsonBody, readBody, type Reply } from '../http.ts';
import {
  findFunction,
  functionArgNames,
  primaryKey,
  requireRelation,
} from './catalog.ts';
import { callerOf } from './caller.ts';
import { fromDatabaseError, postgrestError, unsupported } from './errors.ts';
import { preferencesOf, type Preferences } from './preferences.ts';
import { parseRequestQuery, type RequestQuery } from './query-string.ts';
import { callFunction } from './rpc.ts';
import {
  deleteRows,
  insertRows,
  selectRows,
  updateRows,
  type RowsResult,
  type Target,
} from './tables.ts';
import { inRequestTransaction, type RoleTimeouts } from './transaction.ts';

/** What the REST layer needs: authenticator connections and settings. */
export interface RestContext {
  pool: pg.Pool;
  timeouts: RoleTimeouts;
  jwtSecret: string;
  schemas: string[];
  maxRows: number;
}

/** Serves one /rest/v1 request; `path` is what follows /rest/v1. */
export async function handleRest(
  rest: RestContext,
  request: IncomingMessage,
  path: string,
  url: URL,
): Promise<Reply> {
  const caller = callerOf(request, rest.jwtSecret);
  const method = request.method ?? 'GET';
  try {
    const schema = schemaOf(request, method, rest.schemas);
    const preferences = preferencesOf(request);
    const text = await readBody(request);
    const body = parseJsonBody(text, (message) =>
      postgrestError(400, 'PGRST102', 'Empty or invalid json', message),
    );
    const context = {
      ...caller,
      method,
      path,
      headers: headersOf(request),
      searchPath: `${schema}, extensions`,
    };
    return await inRequestTransaction(
      rest.pool,
      context,
      rest.timeouts,
      (client) => {
        const { maxRows } = rest;
        const call = {
          client,
          schema,
          params: url.searchParams,
          preferences,
          body,
          text,
          method,
          maxRows,
        };
        return route(call, decodePath(path));
      },
    );
  } catch (error) {
    throw fromDatabaseError(error, caller.role === 'anon');
  }
}

interface Call {
  client: pg.PoolClient;
  schema: string;
  params: URLSearchParams;
  preferences: Preferences;
  body: unknown;
  /** The body as it came, which a function call hands on as it is. */
  text: string;
  method: string;
  maxRows: number;
}

function route(call: Call, path: string): Promise<Reply> {
  const rpc = /^\/rpc\/([^/]+)$/.exec(path);
  if (rpc) return routeRpc(call, rpc[1]!);
  const table = /^\/([^/]+)$/.exec(path);
  if (table) return routeTable(call, { schema: call.schema, name: table[1]! });
  throw unsupported(`The path '${path}'`);
}

async function routeTable(call: Call, target: Target): Promise<Reply> {
  const { client, preferences, method } = call;
  const query = parseRequestQuery(call.params);
  await requireRelation(client, target.schema, target.name);

  if (method === 'GET' || method === 'HEAD') {
    const rows = await selectRows(
      client,
      target,
      capRows(query, call.maxRows),
      preferences.countExact,
    );
    return rowsReply(rows, query, preferences, 'read');
  }
  if (method === 'POST') {
    const key =
      query.onConflict ??
      (preferences.resolution
        ? await primaryKey(client, target.schema, target.name)
        : []);
    const rows = await insertRows(client, target, query, payloadRows(call), {
      returning: preferences.returning,
      resolution: preferences.resolution,
      key,
    });
    return rowsReply(rows, query, preferences, 'insert');
  }
  if (method === 'PATCH') {
    const payload = payloadObject(call.body);
    const rows = await updateRows(
      client,
      target,
      query,
      payload,
      preferences.returning,
    );
    return rowsReply(rows, query, preferences, 'write');
  }
  if (method === 'DELETE') {
    const rows = await deleteRows(client, target, query, preferences.returning);
    return rowsReply(rows, query, preferences, 'write');
  }
  throw unsupported(`The method ${method}`);
}

async function routeRpc(call: Call, name: string): Promise<Reply> {
  const { client, schema, method } = call;
  if (method !== 'POST' && method !== 'GET' && method !== 'HEAD') {
    throw unsupported(`The method ${method} on functions`);
  }
  const { args, params } =
    method === 'POST'
      ? { args: payloadObject(call.body ?? {}), params: call.params }
      : await splitArguments(call, name);
  const parsed = parseRequestQuery(params);
  const fn = await findFunction(client, schema, name, Object.keys(args));
  const query = fn.returnsSet ? capRows(parsed, call.maxRows) : parsed;
  // As PostgREST does, the body goes to Postgres as it came, not written
  // again from what was parsed.
  const payload = method === 'POST' && call.body ? call.text : undefined;
  const result = await callFunction(client, schema, name, fn, {
    args,
    payload,
    query,
  });

  if (result.body === undefined) return { status: 204 };
  if (!result.isArray) return { status: 200, rawBody: result.body };
  return rowsReply(
    { body: result.body, rowCount: result.rowCount },
    query,
    call.preferences,
    'read',
  );
}

// A GET call passes its arguments in the query string, next to filters.
async function splitArguments(call: Call, name: string) {
  const names = await functionArgNames(call.client, call.schema, name);
  const args: Record<string, unknown> = {};
  const params = new URLSearchParams();
  for (const [key, value] of call.params) {
    if (names.has(key)) args[key] = value;
    else params.append(key, value);
  }
  return { args, params };
}

/** How a request's rows are answered when no body is wanted. */
type ReplyKind = 'read' | 'insert' | 'write';

/**
 * Shapes rows as PostgREST answers them: Content-Range always, a single
 * object for vnd.pgrst.object+json (throwing, so that the transaction of a
 * write rolls back, when there is not exactly one row), no body for
 * return=minimal writes (201 for inserts, 204 otherwise).
 */
function rowsReply(
  rows: RowsResult,
  query: RequestQuery,
  preferences: Preferences,
  kind: ReplyKind,
): Reply {
  if (preferences.single && rows.rowCount !== 1) {
    throw postgrestError(
      406,
      'PGRST116',
      'JSON object requested, multiple (or no) rows returned',
      `The result contains ${rows.rowCount} rows`,
    );
  }

  const headers: Record<string, string> = {
    'Content-Range': contentRange(rows, query),
  };
  const status = kind === 'insert' ? 201 : 200;
  if (kind !== 'read' && preferences.returning === 'minimal') {
    return { status: kind === 'insert' ? 201 : 204, headers };
  }
  if (preferences.single) {
    headers['Content-Type'] =
      'application/vnd.pgrst.object+json; charset=utf-8';
    return { status, headers, body: (JSON.parse(rows.body) as unknown[])[0] };
  }
  const partial = rows.total !== undefined && rows.rowCount < rows.total;
  return { status: partial ? 206 : status, headers, rawBody: rows.body };
}

function contentRange(rows: RowsResult, query: RequestQuery): string {
  const total = rows.total ?? '*';
  if (rows.rowCount === 0) return `*/${total}`;
  const first = query.offset ?? 0;
  return `${first}-${first + rows.rowCount - 1}/${total}`;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw postgrestError(400, 'PGRST100', `Malformed path '${path}'`);
  }
}

// PostgREST never answers more than db-max-rows rows, whatever was asked.
function capRows(query: RequestQuery, maxRows: number): RequestQuery {
  return { ...query, limit: Math.min(query.limit ?? maxRows, maxRows) };
}

function schemaOf(
  request: IncomingMessage,
  method: string,
  schemas: string[],
): string {
  const header =
    method === 'GET' || method === 'HEAD'
      ? request.headers['accept-profile']
      : request.headers['content-profile'];
  const schema = String(header ?? schemas[0]);
  if (!schemas.includes(schema)) {
    throw postgrestError(
      406,
      'PGRST106',
      `The schema must be one of the following: ${schemas.join(', ')}`,
    );
  }
  return schema;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([key, value]) => [key, String(value)]),
  );
}

function payloadRows(call: Call): Record<string, unknown>[] {
  const rows = Array.isArray(call.body) ? call.body : [call.body];
  return rows.map(payloadObject);
}

function payloadObject(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw postgrestError(400, 'PGRST102', 'Empty or invalid json');
}
