import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local-stack/stack.ts';
import { createNotes, dropNotesSql, someNotes } from './rest-fixture.ts';
import { runAsOwner, signedInClient, startTestStack } from './stack-fixture.ts';

describe('local stack REST functions', () => {
  let stack: LocalStack;
  let client: SupabaseClient;
  beforeAll(async () => {
    stack = await startTestStack();
    await createNotes(stack);
    ({ client } = await signedInClient(stack, 'rita@example.com'));
    await client.from('stack_notes').insert(someNotes);
  });
  afterAll(async () => {
    await runAsOwner(stack, dropNotesSql);
    await stack.stop();
  });

  it('runs as the caller with the settings PostgREST makes', async () => {
    const { data: mine } = await client.auth.getUser();

    const { data } = await client.rpc('stack_whoami');

    expect(data).toEqual({
      role: 'authenticated',
      uid: mine.user!.id,
      method: 'POST',
      path: '/rpc/stack_whoami',
      search_path: 'public, extensions',
      statement_timeout: '8s',
    });
  });

  it('runs a GET call in a read-only transaction', async () => {
    const { error, status } = await client.rpc(
      'stack_scribble',
      {},
      { get: true },
    );

    expect({ code: error?.code, status }).toEqual({
      code: '25006',
      status: 405,
    });
  });

  it('answers a scalar function with its value', async () => {
    const { data } = await client.rpc('stack_add', { a: 2, b: 3 });

    expect(data).toBe(5);
  });

  it('fills a defaulted argument that is left out', async () => {
    const { data } = await client.rpc('stack_add', { a: 2 });

    expect(data).toBe(3);
  });

  it('answers a set-returning function with an array', async () => {
    const { data } = await client.rpc('stack_series', { n: 3 });

    expect(data).toEqual([1, 2, 3]);
  });

  it('filters and orders the rows a function returns', async () => {
    const { data } = await client
      .rpc('stack_my_notes')
      .select('title')
      .gte('rank', 2)
      .order('rank', { ascending: false });

    expect(data).toEqual([{ title: 'gamma' }, { title: 'beta' }]);
  });

  it('takes the arguments of a GET call from the query string', async () => {
    const { data } = await client.rpc('stack_add', { a: 4 }, { get: true });

    expect(data).toBe(5);
  });

  it('answers a void function with no data', async () => {
    const { data, status } = await client.rpc('stack_nothing');

    expect({ data, status }).toEqual({ data: null, status: 204 });
  });

  it('answers a raised exception with 400 and its message', async () => {
    const { error, status } = await client.rpc('stack_refuse');

    expect({ code: error?.code, message: error?.message, status }).toEqual({
      code: 'P0001',
      message: 'not today',
      status: 400,
    });
  });

  it('answers an unknown argument with PGRST202', async () => {
    const { error, status } = await client.rpc('stack_add', { c: 1 });

    expect({ code: error?.code, status }).toEqual({
      code: 'PGRST202',
      status: 404,
    });
  });
});
