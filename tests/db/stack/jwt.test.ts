import { describe, expect, it } from 'vitest';
import { JwtError, signJwt, verifyJwt } from '../../../local-stack/jwt.ts';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('local stack JWT', () => {
  it('verifies the claims of a token it signed', () => {
    const token = signJwt({ sub: 'u1', exp: inOneHour() }, secret);

    const claims = verifyJwt(token, secret);

    expect(claims.sub).toBe('u1');
  });

  it('refuses a token whose claims were changed', () => {
    const [head, , signature] = signJwt({ role: 'anon' }, secret).split('.');
    const forged = Buffer.from('{"role":"service_role"}').toString('base64url');

    const verify = () => verifyJwt(`${head}.${forged}.${signature}`, secret);

    expect(verify).toThrow(JwtError);
  });

  it('refuses a token signed with another secret', () => {
    const token = signJwt({ role: 'anon' }, 'another-secret');

    expect(() => verifyJwt(token, secret)).toThrow('JWSInvalidSignature');
  });

  it('refuses an expired token', () => {
    const token = signJwt({ exp: Math.floor(Date.now() / 1000) - 1 }, secret);

    expect(() => verifyJwt(token, secret)).toThrow('JWT expired');
  });

  it('refuses an unsigned token', () => {
    const head = Buffer.from('{"alg":"none"}').toString('base64url');
    const body = Buffer.from('{"role":"service_role"}').toString('base64url');

    expect(() => verifyJwt(`${head}.${body}.`, secret)).toThrow(JwtError);
  });
});
