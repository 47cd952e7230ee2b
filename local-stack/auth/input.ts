import type { IncomingMessage } from 'node:http';
import { bearerToken } from '../http.ts';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import type { AuthContext } from './context.ts';
import { authError, validationFailed } from './errors.ts';
import { sessionExists } from './sessions.ts';

/** Verifies the access token and that its session was not ended. */
export async function requireSession(
  auth: AuthContext,
  request: IncomingMessage,
): Promise<JwtClaims> {
  let claims: JwtClaims;
  try {
    claims = verifyJwt(bearerToken(request) ?? '', auth.settings.jwtSecret);
  } catch (error) {
    throw authError(403, 'bad_jwt', `invalid JWT: ${(error as Error).message}`);
  }
  if (!(await sessionExists(auth.pool, claims.session_id))) {
    throw authError(
      403,
      'session_not_found',
      'Session from session_id claim in JWT does not exist',
    );
  }
  return claims;
}

/** A well-formed address, in lower case as the auth server stores it. */
export function requireEmail(value: unknown): string {
  const email = String(value ?? '')
    .trim()
    .toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw validationFailed('Unable to validate email address: invalid format');
  }
  return email;
}

/** The password when it is long enough for the project. */
export function requirePassword(auth: AuthContext, value: unknown): string {
  const password = typeof value === 'string' ? value : '';
  const minimum = auth.settings.minimumPasswordLength;
  if (password.length < minimum) {
    throw authError(
      422,
      'weak_password',
      `Password should be at least ${minimum} characters.`,
    );
  }
  return password;
}

/** User metadata from a request body; anything but an object is none. */
export function metadataOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
