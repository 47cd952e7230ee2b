import { HttpError } from '../http.ts';

/**
 * An auth API error in the shape supabase-js reads with the 2024-01-01 API
 * version: `{ code: <status>, error_code, msg }`.
 */
export function authError(
  status: number,
  errorCode: string,
  msg: string,
): HttpError {
  return new HttpError(status, { code: status, error_code: errorCode, msg });
}

/** Wrong email or password, or no such account (indistinguishable). */
export const invalidCredentials = () =>
  authError(400, 'invalid_credentials', 'Invalid login credentials');

/** A request body that lacks what the endpoint needs. */
export const validationFailed = (msg: string) =>
  authError(400, 'validation_failed', msg);
