import type {
  Filter,
  OrderTerm,
  RequestQuery,
  SelectItem,
} from './query-string.ts';

/**
 * Quotes an identifier that came from the URL or a JSON key. Every name in
 * generated SQL goes through here; every value goes through Params.
 */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."name"`. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** Collects bind parameters and hands out their `$n` placeholders. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The select list: `*` or quoted columns with their aliases. */
export function selectList(items: SelectItem[]): string {
  return items
    .map((item) => {
      if (item.column === '*') return '*';
      const column = quoteIdent(item.column);
      return item.alias ? `${column} as ${quoteIdent(item.alias)}` : column;
    })
    .join(', ');
}

const comparisons: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
};

const isLiterals: Record<string, string> = {
  null: 'null',
  not_null: 'not null',
  true: 'true',
  false: 'false',
  unknown: 'unknown',
};

/**
 * The condition of one filter. Values are bound untyped, so Postgres casts
 * them to the column's type exactly as PostgREST's literals are.
 */
export function filterCondition(filter: Filter, params: Params): string {
  const column = quoteIdent(filter.column);
  const condition = buildCondition(column, filter, params);
  return filter.negated ? `not (${condition})` : condition;
}

function buildCondition(column: string, filter: Filter, params: Params) {
  const { operator, value } = filter;
  if (operator === 'is') return `${column} is ${isLiterals[value as string]}`;
  if (operator === 'in') return `${column} = any(${params.add(value)})`;

  // PostgREST accepts `*` as the wildcard of like patterns (URL friendly).
  const bound =
    operator === 'like' || operator === 'ilike'
      ? (value as string).replace(/\*/g, '%')
      : value;
  return `${column} ${comparisons[operator]} ${params.add(bound)}`;
}

/** ` where a and b`, or nothing without filters. */
export function whereClause(filters: Filter[], params: Params): string {
  if (filters.length === 0) return '';
  const conditions = filters.map((filter) => filterCondition(filter, params));
  return ` where ${conditions.join(' and ')}`;
}

/** ` order by ...`, or nothing. */
export function orderClause(order: OrderTerm[]): string {
  if (order.length === 0) return '';
  const terms = order.map((term) => {
    const direction = term.descending ? ' desc' : ' asc';
    const nulls = term.nulls ? ` nulls ${term.nulls}` : '';
    return `${quoteIdent(term.column)}${direction}${nulls}`;
  });
  return ` order by ${terms.join(', ')}`;
}

/** ` limit n offset m`, from validated integers. */
export function pageClause(query: RequestQuery, params: Params): string {
  const limit =
    query.limit === undefined ? '' : ` limit ${params.add(query.limit)}`;
  const offset =
    query.offset === undefined ? '' : ` offset ${params.add(query.offset)}`;
  return limit + offset;
}
