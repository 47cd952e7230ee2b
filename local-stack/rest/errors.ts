import { HttpError } from '../http.ts';

/** A PostgREST-shaped error: `{ code, message, details, hint }`. */
export function postgrestError(
  status: number,
  code: string,
  message: string,
  details: string | null = null,
  hint: string | null = null,
): HttpError {
  return new HttpError(status, { code, details, hint, message });
}

/** A query string or body the stand-in cannot read (PGRST100). */
export function parseError(message: string, details: string | null = null) {
  return postgrestError(400, 'PGRST100', message, details);
}

/** A PostgREST feature that the local stack does not implement. */
export function unsupported(feature: string): HttpError {
  return postgrestError(
    400,
    'PGRST100',
    `${feature} is not supported by the local stack`,
    null,
    'The local stack serves the subset of PostgREST the extension uses.',
  );
}

interface PgError {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

/**
 * Turns a database error into PostgREST's answer, with PostgREST's status
 * for each SQLSTATE class; `isAnon` decides 401 versus 403 for 42501.
 */
export function fromDatabaseError(error: unknown, isAnon: boolean): HttpError {
  if (error instanceof HttpError) return error;
  const pgError = error as PgError;
  const code = pgError.code ?? 'XX000';
  const status = statusFor(code, isAnon);
  return postgrestError(
    status,
    code,
    pgError.message,
    pgError.detail ?? null,
    pgError.hint ?? null,
  );
}

const exactStatus: Record<string, number> = {
  '23503': 409,
  '23505': 409,
  '25006': 405,
  '42883': 404,
  '42P01': 404,
  '42P17': 500,
  P0001: 400,
};

const classStatus: Record<string, number> = {
  '08': 503,
  '09': 500,
  '0L': 403,
  '0P': 403,
  '25': 500,
  '28': 403,
  '2D': 500,
  '38': 500,
  '39': 500,
  '3B': 500,
  '40': 500,
  '53': 503,
  '54': 413,
  '55': 500,
  '57': 500,
  '58': 500,
  F0: 500,
  HV: 500,
  P0: 500,
  XX: 500,
};

function statusFor(code: string, isAnon: boolean): number {
  if (code === '42501') return isAnon ? 401 : 403;
  // `raise ... using errcode = 'PT404'` picks the HTTP status directly.
  const custom = /^PT(\d{3})$/.exec(code);
  if (custom) return Number(custom[1]);
  return exactStatus[code] ?? classStatus[code.slice(0, 2)] ?? 400;
}
