import { createHmac, timingSafeEqual } from 'node:crypto';

/** The claims of a token; `exp` and `iat` are seconds since the epoch. */
export type JwtClaims = Record<string, unknown> & { exp?: number };

/** Why a token was refused: bad shape or signature, or expired. */
export class JwtError extends Error {
  constructor(
    readonly code: 'invalid' | 'expired',
    message: string,
  ) {
    super(message);
    this.name = 'JwtError';
  }
}

const header = encode({ alg: 'HS256', typ: 'JWT' });

/** Signs claims as an HS256 JWT, the only algorithm the stack accepts. */
export function signJwt(claims: JwtClaims, secret: string): string {
  const body = `${header}.${encode(claims)}`;
  return `${body}.${signature(body, secret)}`;
}

/** Verifies signature and expiry; returns the claims. */
export function verifyJwt(token: string, secret: string): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('invalid', 'JWT malformed');
  const [head, payload, signed] = parts as [string, string, string];

  const alg = parseSegment(head).alg;
  if (alg !== 'HS256') {
    throw new JwtError('invalid', 'JWSError JWSInvalidSignature');
  }
  const expected = Buffer.from(signature(`${head}.${payload}`, secret));
  const actual = Buffer.from(signed);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new JwtError('invalid', 'JWSError JWSInvalidSignature');
  }

  const claims = parseSegment(payload) as JwtClaims;
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
    throw new JwtError('expired', 'JWT expired');
  }
  return claims;
}

function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function parseSegment(segment: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString());
    if (value && typeof value === 'object') return value;
  } catch {
    // Falls through to the same refusal as any other malformed token.
  }
  throw new JwtError('invalid', 'JWT malformed');
}
