import type { IncomingMessage } from 'node:http';
import { bearerToken } from '../http.ts';
import { JwtError, verifyJwt, type JwtClaims } from '../jwt.ts';
import { postgrestError } from './errors.ts';

/** The database role and claims a request runs with. */
export interface Caller {
  role: string;
  claims: JwtClaims;
}

/**
 * Verifies the bearer token as PostgREST does: no token means anon; a token
 * without a role claim runs as anon too; a bad or expired one is a 401.
 */
export function callerOf(request: IncomingMessage, secret: string): Caller {
  const token = bearerToken(request);
  if (!token) return { role: 'anon', claims: {} };

  try {
    const claims = verifyJwt(token, secret);
    const role = typeof claims.role === 'string' ? claims.role : 'anon';
    return { role, claims };
  } catch (error) {
    const expired = (error as JwtError).code === 'expired';
    throw postgrestError(
      401,
      expired ? 'PGRST303' : 'PGRST301',
      (error as Error).message,
    );
  }
}
