import type pg from 'pg';
import type { RpcFunction } from './catalog.ts';
import { unsupported } from './errors.ts';
import type { RequestQuery } from './query-string.ts';
import {
  Params,
  orderClause,
  pageClause,
  qualified,
  quoteIdent,
  selectList,
  whereClause,
} from './sql-builder.ts';

/** What a function answered: JSON text, or nothing for `void`. */
export interface RpcResult {
  body?: string;
  /** Set-returning functions answer an array. */
  isArray: boolean;
  rowCount: number;
}

/** The arguments of one call, and the query that shapes its result. */
export interface RpcCall {
  args: Record<string, unknown>;
  /** The arguments as JSON text, when the caller has it as it came. */
  payload?: string;
  query: RequestQuery;
}

/**
 * Calls schema.name with named arguments. Each argument is read from the
 * JSON payload by json_to_record with the parameter's declared type, so
 * Postgres converts JSON arrays, objects and numbers as PostgREST does.
 */
export async function callFunction(
  client: pg.ClientBase,
  schema: string,
  name: string,
  fn: RpcFunction,
  { args, payload, query }: RpcCall,
): Promise<RpcResult> {
  const params = new Params();
  const text = payload ?? JSON.stringify(args);
  const call = callExpression(schema, name, fn, args, text, params);

  if (fn.returnsVoid) {
    await client.query(`select ${call}`, params.values);
    return { isArray: false, rowCount: 0 };
  }
  if (!fn.returnsSet) {
    requireNoRowQuery(query);
    const { rows } = await client.query<{ body: string }>(
      `select to_json(_result)::text as body from ${call} as _result`,
      params.values,
    );
    return { body: rows[0]?.body ?? 'null', isArray: false, rowCount: 1 };
  }
  return callSetReturning(client, call, fn, query, params);
}

async function callSetReturning(
  client: pg.ClientBase,
  call: string,
  fn: RpcFunction,
  query: RequestQuery,
  params: Params,
): Promise<RpcResult> {
  const rowsSql = fn.returnsScalar
    ? `select _result from ${call} as _result` + pageClause(query, params)
    : `select ${selectList(query.select)} from ${call} as _result` +
      whereClause(query.filters, params) +
      orderClause(query.order) +
      pageClause(query, params);
  if (fn.returnsScalar) {
    requireNoRowQuery({ ...query, limit: undefined, offset: undefined });
  }

  const aggregated = fn.returnsScalar ? '_row._result' : '_row';
  const { rows } = await client.query<{ body: string; count: string }>(
    `select coalesce(json_agg(${aggregated}), '[]')::text as body,
        count(*) as count from (${rowsSql}) _row`,
    params.values,
  );
  return {
    body: rows[0]!.body,
    isArray: true,
    rowCount: Number(rows[0]!.count),
  };
}

function callExpression(
  schema: string,
  name: string,
  fn: RpcFunction,
  args: Record<string, unknown>,
  text: string,
  params: Params,
): string {
  const given = fn.args.filter((arg) => arg.name in args);
  // An unused parameter would leave Postgres unable to type it.
  const payload = given.length > 0 ? params.add(text) : '';
  const named = given.map((arg) => {
    const column = quoteIdent(arg.name);
    // The type comes from format_type() of the catalog, never the URL.
    const value =
      `(select ${column} from json_to_record(${payload}::json)` +
      ` as _args(${column} ${arg.type}))`;
    return `${column} => ${value}`;
  });
  return `${qualified(schema, name)}(${named.join(', ')})`;
}

function requireNoRowQuery(query: RequestQuery): void {
  const selectsAll =
    query.select.length === 1 && query.select[0]!.column === '*';
  const shaped =
    !selectsAll ||
    query.filters.length > 0 ||
    query.order.length > 0 ||
    query.limit !== undefined;
  if (shaped) unsupportedShape();
}

function unsupportedShape(): never {
  throw unsupported('Filtering the result of a function that returns no rows');
}
