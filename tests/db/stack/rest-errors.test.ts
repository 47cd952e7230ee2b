import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../../local-stack/jwt.ts';
import type { LocalStack } from '../../../local-stack/stack.ts';
import { createNotes, dropNotesSql } from './rest-fixture.ts';
import {
  clientOf,
  runAsOwner,
  signedInClient,
  startTestStack,
} from './stack-fixture.ts';

describe('local stack REST errors', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await createNotes(stack);
    await runAsOwner(
      stack,
      `create table public.stack_secrets (id integer primary key);
       alter table public.stack_secrets enable row level security;
       revoke all on public.stack_secrets from anon, authenticated;`,
    );
  });
  afterAll(async () => {
    await runAsOwner(stack, `${dropNotesSql} drop table public.stack_secrets;`);
    await stack.stop();
  });

  it('answers anon denied by row level security with 401 and 42501', async () => {
    const { error, status } = await clientOf(stack)
      .from('stack_notes')
      .insert({ title: 'x' });

    expect({ code: error?.code, status }).toEqual({
      code: '42501',
      status: 401,
    });
  });

  it('answers a missing grant with 403 and the exact message', async () => {
    const { client } = await signedInClient(stack, 'gail@example.com');

    const { error, status } = await client.from('stack_secrets').select();

    expect({ message: error?.message, status }).toEqual({
      message: 'permission denied for table stack_secrets',
      status: 403,
    });
  });

  it('answers a unique violation with 409 and 23505', async () => {
    const { client } = await signedInClient(stack, 'ugo@example.com');
    await client.from('stack_notes').insert({ title: 'twice' });

    const { error, status } = await client
      .from('stack_notes')
      .insert({ title: 'twice' });

    expect({ code: error?.code, status }).toEqual({
      code: '23505',
      status: 409,
    });
  });

  it('answers an unknown table with 404 and PGRST205', async () => {
    const { error, status } = await clientOf(stack).from('nowhere').select();

    expect({ code: error?.code, status }).toEqual({
      code: 'PGRST205',
      status: 404,
    });
  });

  it('answers a filter it cannot read with 400 and PGRST100', async () => {
    const { error, status } = await clientOf(stack)
      .from('stack_notes')
      .select()
      .filter('rank', 'between', '1');

    expect({ code: error?.code, status }).toEqual({
      code: 'PGRST100',
      status: 400,
    });
  });

  it('refuses embedding instead of answering without it', async () => {
    const { error } = await clientOf(stack)
      .from('stack_notes')
      .select('title, owner(email)');

    expect(error?.message).toMatch(/not supported by the local stack/);
  });

  it('takes a hostile column name as a name, never as SQL', async () => {
    const { error } = await clientOf(stack)
      .from('stack_notes')
      .select()
      .eq('title" = title or true --', 'x');

    expect(error?.code).toBe('42703');
  });

  it('refuses CSV rather than answering JSON', async () => {
    const { error, status } = await clientOf(stack)
      .from('stack_notes')
      .select()
      .csv();

    expect({ code: error?.code, status }).toEqual({
      code: 'PGRST107',
      status: 406,
    });
  });

  it('answers a value of the wrong type with 400 and 22P02', async () => {
    const { error, status } = await clientOf(stack)
      .from('stack_notes')
      .select()
      .eq('rank', 'high');

    expect({ code: error?.code, status }).toEqual({
      code: '22P02',
      status: 400,
    });
  });

  it('answers a token signed with another secret with 401 and PGRST301', async () => {
    const forged = signJwt({ role: 'service_role' }, 'not-the-secret');
    const client = clientOf(stack);

    const { error, status } = await client
      .from('stack_notes')
      .select()
      .setHeader('Authorization', `Bearer ${forged}`);

    expect({ code: error?.code, status }).toEqual({
      code: 'PGRST301',
      status: 401,
    });
  });

  it('answers an expired token with 401 and PGRST303', async () => {
    const expired = signJwt(
      { role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 60 },
      stack.settings.jwtSecret,
    );

    const { error, status } = await clientOf(stack)
      .from('stack_notes')
      .select()
      .setHeader('Authorization', `Bearer ${expired}`);

    expect({ code: error?.code, status }).toEqual({
      code: 'PGRST303',
      status: 401,
    });
  });

  it('answers a CORS preflight and exposes Content-Range', async () => {
    const response = await fetch(`${stack.url}/rest/v1/stack_notes`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc' },
    });

    expect(response.headers.get('access-control-expose-headers')).toMatch(
      /Content-Range/,
    );
  });

  it('refuses a request without an API key', async () => {
    const response = await fetch(`${stack.url}/rest/v1/stack_notes`);

    expect(response.status).toBe(401);
  });
});
