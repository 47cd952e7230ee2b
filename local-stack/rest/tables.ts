import type pg from 'pg';
import { postgrestError, unsupported } from './errors.ts';
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

/** Rows as a JSON array text, how many, and the total when counted. */
export interface RowsResult {
  body: string;
  rowCount: number;
  total?: number;
}

/** One table or view of an exposed schema. */
export interface Target {
  schema: string;
  name: string;
}

/** What a write asks back: the rows (`representation`) or nothing. */
export type ReturnPreference = 'representation' | 'minimal';

/** GET: the filtered, ordered page of rows, and the total if asked. */
export async function selectRows(
  client: pg.ClientBase,
  target: Target,
  query: RequestQuery,
  countExact: boolean,
): Promise<RowsResult> {
  const from = qualified(target.schema, target.name);
  const params = new Params();
  const sql =
    `select ${selectList(query.select)} from ${from}` +
    whereClause(query.filters, params) +
    orderClause(query.order) +
    pageClause(query, params);
  const result = await aggregate(client, sql, params);
  if (!countExact) return result;

  const countParams = new Params();
  const { rows } = await client.query<{ total: string }>(
    `select count(*) as total from ${from}` +
      whereClause(query.filters, countParams),
    countParams.values,
  );
  return { ...result, total: Number(rows[0]!.total) };
}

/** POST: insert (or upsert) the payload rows. */
export async function insertRows(
  client: pg.ClientBase,
  target: Target,
  query: RequestQuery,
  payload: Record<string, unknown>[],
  options: { returning: ReturnPreference; resolution?: string; key: string[] },
): Promise<RowsResult> {
  const table = qualified(target.schema, target.name);
  const columns = query.columns ?? unionOfKeys(payload);
  const params = new Params();
  const list = columns.map(quoteIdent).join(', ');
  const insert =
    columns.length === 0
      ? `insert into ${table} default values`
      : `insert into ${table} (${list}) select ${list} from ` +
        `json_populate_recordset(null::${table}, ${params.add(
          JSON.stringify(payload),
        )}::json)` +
        conflictClause(columns, options.resolution, options.key);
  return write(client, insert, params, query, options.returning);
}

/** PATCH: set the payload's columns on every row the filters match. */
export async function updateRows(
  client: pg.ClientBase,
  target: Target,
  query: RequestQuery,
  payload: Record<string, unknown>,
  returning: ReturnPreference,
): Promise<RowsResult> {
  requireFilters('UPDATE', query);
  const table = qualified(target.schema, target.name);
  const columns = Object.keys(payload);
  if (columns.length === 0) return { body: '[]', rowCount: 0 };

  const params = new Params();
  const list = columns.map(quoteIdent).join(', ');
  const record = params.add(JSON.stringify(payload));
  const update =
    `update ${table} set (${list}) = (select ${list} from ` +
    `json_populate_record(null::${table}, ${record}::json))` +
    whereClause(query.filters, params);
  return write(client, update, params, query, returning);
}

/** DELETE: remove every row the filters match. */
export async function deleteRows(
  client: pg.ClientBase,
  target: Target,
  query: RequestQuery,
  returning: ReturnPreference,
): Promise<RowsResult> {
  requireFilters('DELETE', query);
  const params = new Params();
  const statement =
    `delete from ${qualified(target.schema, target.name)}` +
    whereClause(query.filters, params);
  return write(client, statement, params, query, returning);
}

async function write(
  client: pg.ClientBase,
  statement: string,
  params: Params,
  query: RequestQuery,
  returning: ReturnPreference,
): Promise<RowsResult> {
  // Without RETURNING, Postgres applies no SELECT policy to the new rows:
  // return=minimal works for rows the caller may write but not read.
  if (returning === 'minimal') {
    const result = await client.query(statement, params.values);
    return { body: '[]', rowCount: result.rowCount ?? 0 };
  }
  // A data-modifying WITH must sit at the top level of the statement.
  return aggregate(
    client,
    `select ${selectList(query.select)} from _written`,
    params,
    `with _written as (${statement} returning *) `,
  );
}

async function aggregate(
  client: pg.ClientBase,
  rowsSql: string,
  params: Params,
  withClause = '',
): Promise<RowsResult> {
  const { rows } = await client.query<{ body: string; count: string }>(
    `${withClause}select coalesce(json_agg(_row), '[]')::text as body, count(*) as count
       from (${rowsSql}) _row`,
    params.values,
  );
  return { body: rows[0]!.body, rowCount: Number(rows[0]!.count) };
}

function conflictClause(
  columns: string[],
  resolution: string | undefined,
  key: string[],
): string {
  if (!resolution) return '';
  if (key.length === 0) {
    throw postgrestError(400, 'PGRST103', 'An upsert needs on_conflict');
  }
  const target = key.map(quoteIdent).join(', ');
  if (resolution === 'ignore-duplicates') {
    return ` on conflict (${target}) do nothing`;
  }
  const assignments = columns
    .map((column) => `${quoteIdent(column)} = excluded.${quoteIdent(column)}`)
    .join(', ');
  return ` on conflict (${target}) do update set ${assignments}`;
}

function requireFilters(command: string, query: RequestQuery): void {
  if (query.limit !== undefined || query.order.length > 0) {
    throw unsupported(`limit or order on ${command}`);
  }
  // Supabase runs pg-safeupdate: a write without a filter is refused.
  if (query.filters.length === 0) {
    throw postgrestError(400, '21000', `${command} requires a WHERE clause`);
  }
}

function unionOfKeys(payload: Record<string, unknown>[]): string[] {
  return [...new Set(payload.flatMap((row) => Object.keys(row)))];
}
