import type pg from 'pg';
import { postgrestError } from './errors.ts';

/** A function callable over /rpc, with its input arguments in order. */
export interface RpcFunction {
  args: { name: string; type: string }[];
  returnsSet: boolean;
  returnsVoid: boolean;
  /** Returns a base type (not a row), e.g. `setof bigint` or `jsonb`. */
  returnsScalar: boolean;
  /** 'v' volatile, 's' stable, 'i' immutable. */
  volatility: string;
}

/**
 * Throws PostgREST's 404 when schema.name is not a table, view or
 * materialised view. Privileges are Postgres's business afterwards, as with
 * PostgREST's schema cache, which lists relations whatever the grants.
 */
export async function requireRelation(
  client: pg.ClientBase,
  schema: string,
  name: string,
): Promise<void> {
  const { rows } = await client.query(
    `select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relname = $2
        and c.relkind in ('r', 'v', 'm', 'f', 'p')`,
    [schema, name],
  );
  if (rows.length === 0) {
    throw postgrestError(
      404,
      'PGRST205',
      `Could not find the table '${schema}.${name}' in the schema cache`,
    );
  }
}

/** The primary key columns, the default conflict target of an upsert. */
export async function primaryKey(
  client: pg.ClientBase,
  schema: string,
  name: string,
): Promise<string[]> {
  const { rows } = await client.query<{ column: string }>(
    `select a.attname as column
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join unnest(i.indkey) with ordinality k(attnum, position) on true
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = $1 and c.relname = $2 and i.indisprimary
      order by k.position`,
    [schema, name],
  );
  return rows.map((row) => row.column);
}

/**
 * The input argument names of every overload of schema.name: on a GET call
 * these query parameters are arguments, the others filter the result.
 */
export async function functionArgNames(
  client: pg.ClientBase,
  schema: string,
  name: string,
): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `select a.name
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
            unnest(p.proargnames, p.proargmodes::text[]) a(name, mode)
      where n.nspname = $1 and p.proname = $2
        and coalesce(a.mode, 'i') in ('i', 'b', 'v')`,
    [schema, name],
  );
  return new Set(rows.map((row) => row.name));
}

interface FunctionRow {
  names: string[] | null;
  modes: string[] | null;
  types: string[];
  defaults: number;
  returnsSet: boolean;
  returnsVoid: boolean;
  returnsScalar: boolean;
  volatility: string;
}

/**
 * Finds the overload of schema.name whose named inputs accept exactly the
 * given argument names (all required ones present, no unknown one).
 */
export async function findFunction(
  client: pg.ClientBase,
  schema: string,
  name: string,
  argNames: string[],
): Promise<RpcFunction> {
  const { rows } = await client.query<FunctionRow>(
    `select p.proargnames as names, p.proargmodes::text[] as modes,
        array(select format_type(t, null)
                from unnest(p.proargtypes) with ordinality u(t, n)
               order by n) as types,
        p.pronargdefaults as defaults, p.proretset as "returnsSet",
        p.prorettype = 'void'::regtype as "returnsVoid",
        p.prorettype <> 'record'::regtype
          and (select typtype <> 'c' from pg_type where oid = p.prorettype)
          as "returnsScalar",
        p.provolatile as volatility
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'`,
    [schema, name],
  );

  const match = rows.map(describe).find((fn) => accepts(fn, argNames));
  if (!match) {
    throw postgrestError(
      404,
      'PGRST202',
      `Could not find the function ${schema}.${name}(${argNames.join(', ')})` +
        ' in the schema cache',
    );
  }
  return match.fn;
}

function describe(row: FunctionRow) {
  const inputNames = row.modes
    ? (row.names ?? []).filter((_, index) =>
        ['i', 'b', 'v'].includes(row.modes![index]!),
      )
    : (row.names ?? []).slice(0, row.types.length);
  const args = row.types.map((type, index) => ({
    name: inputNames[index] ?? '',
    type,
  }));
  return {
    fn: { ...row, args } as RpcFunction,
    required: args.length - row.defaults,
  };
}

function accepts(
  candidate: ReturnType<typeof describe>,
  argNames: string[],
): boolean {
  const names = candidate.fn.args.map((arg) => arg.name);
  const required = names.slice(0, candidate.required);
  return (
    argNames.every((name) => names.includes(name)) &&
    required.every((name) => argNames.includes(name))
  );
}
