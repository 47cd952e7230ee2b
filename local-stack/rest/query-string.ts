import { parseError, unsupported } from './errors.ts';

/** The filter operators served, as PostgREST spells them. */
export const operators = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'in',
  'is',
] as const;

/** One served operator. */
export type Operator = (typeof operators)[number];

/** `column=[not.]operator.value` from the query string. */
export interface Filter {
  column: string;
  operator: Operator;
  negated: boolean;
  /** A list for `in`, one value otherwise. */
  value: string | string[];
}

/** One `order` term. */
export interface OrderTerm {
  column: string;
  descending: boolean;
  nulls?: 'first' | 'last';
}

/** One `select` item: a column (or `*`), optionally renamed. */
export interface SelectItem {
  column: string;
  alias?: string;
}

/** Everything a table or rpc request says in its query string. */
export interface RequestQuery {
  select: SelectItem[];
  filters: Filter[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
  /** `columns`: which payload keys an insert takes. */
  columns?: string[];
  /** `on_conflict`: the unique columns an upsert resolves on. */
  onConflict?: string[];
}

// PostgREST operators that exist but are outside the served subset.
const otherOperators = new Set([
  'match', 'imatch', 'fts', 'plfts', 'phfts', 'wfts', 'cs', 'cd', 'ov',
  'sl', 'sr', 'nxr', 'nxl', 'adj', 'isdistinct',
]); // prettier-ignore

const isValues = new Set(['null', 'not_null', 'true', 'false', 'unknown']);

/** Reads a PostgREST query string; unsupported syntax is an error. */
export function parseRequestQuery(params: URLSearchParams): RequestQuery {
  const query: RequestQuery = {
    select: [{ column: '*' }],
    filters: [],
    order: [],
  };
  for (const [key, value] of params) {
    if (key === 'select') query.select = parseSelect(value);
    else if (key === 'order') query.order = parseOrder(value);
    else if (key === 'limit') query.limit = parseCount('limit', value);
    else if (key === 'offset') query.offset = parseCount('offset', value);
    else if (key === 'columns') query.columns = parseNames(value);
    else if (key === 'on_conflict') query.onConflict = parseNames(value);
    else if (key === 'or' || key === 'and') throw unsupported(`'${key}='`);
    else if (key !== 'apikey') query.filters.push(parseFilter(key, value));
  }
  return query;
}

function parseSelect(text: string): SelectItem[] {
  if (/[()]/.test(text)) throw unsupported('Embedding or aggregates in select');
  if (/::|->|!/.test(text)) throw unsupported('Casts or JSON paths in select');

  return text.split(',').map((raw) => {
    const item = raw.trim();
    const [first, second] = item.split(':');
    const column = checkName(second ?? first ?? '', item);
    return second === undefined
      ? { column }
      : { column, alias: checkName(first ?? '', item) };
  });
}

function parseOrder(text: string): OrderTerm[] {
  return text.split(',').map((raw) => {
    const [column, ...modifiers] = raw.trim().split('.');
    const term: OrderTerm = {
      column: checkName(column ?? '', raw),
      descending: false,
    };
    for (const modifier of modifiers) {
      if (modifier === 'desc' || modifier === 'asc') {
        term.descending = modifier === 'desc';
      } else if (modifier === 'nullsfirst' || modifier === 'nullslast') {
        term.nulls = modifier === 'nullsfirst' ? 'first' : 'last';
      } else {
        throw parseError(`failed to parse order (${text})`);
      }
    }
    return term;
  });
}

function parseFilter(key: string, text: string): Filter {
  if (key.includes('.')) throw unsupported('Filtering on embedded resources');
  const column = checkName(key, key);
  const negated = text.startsWith('not.');
  const rest = negated ? text.slice(4) : text;
  const dot = rest.indexOf('.');
  const operator = dot < 0 ? rest : rest.slice(0, dot);
  const value = dot < 0 ? '' : rest.slice(dot + 1);

  if (otherOperators.has(operator.replace(/\(.*\)$/, ''))) {
    throw unsupported(`The '${operator}' filter`);
  }
  if (dot < 0 || !(operators as readonly string[]).includes(operator)) {
    throw parseError(`failed to parse filter (${text})`);
  }
  if (operator === 'is' && !isValues.has(value)) {
    throw parseError(`failed to parse filter (${text})`);
  }
  return {
    column,
    operator: operator as Operator,
    negated,
    value: operator === 'in' ? parseList(value, text) : value,
  };
}

/** Splits `(a,"b,c",d)` into its values, honouring double quotes. */
function parseList(text: string, filter: string): string[] {
  if (!text.startsWith('(') || !text.endsWith(')')) {
    throw parseError(`failed to parse filter (${filter})`);
  }
  const values: string[] = [];
  let current = '';
  let quoted = false;
  const inner = text.slice(1, -1);
  for (let index = 0; index < inner.length; index++) {
    const char = inner[index]!;
    if (quoted && char === '\\') current += inner[++index] ?? '';
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      values.push(current);
      current = '';
    } else current += char;
  }
  if (inner.length > 0) values.push(current);
  return values;
}

function parseNames(text: string): string[] {
  return text.split(',').map((name) => checkName(name.trim(), text));
}

function parseCount(name: string, text: string): number {
  if (!/^\d+$/.test(text)) {
    throw parseError(`failed to parse ${name} parameter (${text})`);
  }
  return Number(text);
}

function checkName(name: string, context: string): string {
  if (name === '' || name.includes('\0')) {
    throw parseError(`failed to parse column name in (${context})`);
  }
  return name.replace(/^"(.*)"$/, '$1');
}
