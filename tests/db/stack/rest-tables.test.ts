import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local-stack/stack.ts';
import { createNotes, dropNotesSql, someNotes } from './rest-fixture.ts';
import { runAsOwner, signedInClient, startTestStack } from './stack-fixture.ts';

describe('local stack REST tables', () => {
  let stack: LocalStack;
  let client: SupabaseClient;
  beforeAll(async () => {
    stack = await startTestStack();
    await createNotes(stack);
    ({ client } = await signedInClient(stack, 'tess@example.com'));
  });
  beforeEach(async () => {
    await runAsOwner(stack, 'truncate public.stack_notes');
    await client.from('stack_notes').insert(someNotes);
  });
  afterAll(async () => {
    await runAsOwner(stack, dropNotesSql);
    await stack.stop();
  });

  const titles = (rows: { title: string }[] | null) =>
    (rows ?? []).map((row) => row.title);

  it('selects the listed columns under their aliases', async () => {
    const { data } = await client
      .from('stack_notes')
      .select('name:title, rank')
      .eq('title', 'beta');

    expect(data).toEqual([{ name: 'beta', rank: 2 }]);
  });

  it('filters with eq, neq, gt, gte, lt and lte', async () => {
    const results = await Promise.all([
      client.from('stack_notes').select('title').eq('rank', 2),
      client.from('stack_notes').select('title').neq('rank', 2).order('rank'),
      client.from('stack_notes').select('title').gt('rank', 2),
      client.from('stack_notes').select('title').gte('rank', 3),
      client.from('stack_notes').select('title').lt('rank', 2),
      client.from('stack_notes').select('title').lte('rank', 1),
    ]);

    expect(results.map(({ data }) => titles(data))).toEqual([
      ['beta'],
      ['alpha', 'gamma'],
      ['gamma'],
      ['gamma'],
      ['alpha'],
      ['alpha'],
    ]);
  });

  it('filters with in, is and not', async () => {
    const results = await Promise.all([
      client.from('stack_notes').select('title').in('title', ['alpha', 'x,y']),
      client.from('stack_notes').select('title').is('rank', null),
      client
        .from('stack_notes')
        .select('title')
        .not('rank', 'is', null)
        .order('title'),
    ]);

    expect(results.map(({ data }) => titles(data))).toEqual([
      ['alpha'],
      ['delta'],
      ['alpha', 'beta', 'gamma'],
    ]);
  });

  it('orders, limits and offsets', async () => {
    const { data } = await client
      .from('stack_notes')
      .select('title')
      .order('rank', { ascending: false, nullsFirst: false })
      .range(1, 2);

    expect(titles(data)).toEqual(['beta', 'alpha']);
  });

  it('counts exactly alongside a page', async () => {
    const { count, data } = await client
      .from('stack_notes')
      .select('title', { count: 'exact' })
      .range(0, 1);

    expect({ count, rows: data?.length }).toEqual({ count: 4, rows: 2 });
  });

  it('answers single() with one object', async () => {
    const { data } = await client
      .from('stack_notes')
      .select('title, tags')
      .eq('title', 'alpha')
      .single();

    expect(data).toEqual({ title: 'alpha', tags: ['a'] });
  });

  it('answers single() over several rows with PGRST116', async () => {
    const { error, status } = await client
      .from('stack_notes')
      .select()
      .single();

    expect({ code: error?.code, status }).toEqual({
      code: 'PGRST116',
      status: 406,
    });
  });

  it('inserts and returns the representation with status 201', async () => {
    const { data, status } = await client
      .from('stack_notes')
      .insert({ title: 'epsilon', tags: ['e', 'f'] })
      .select('title, tags, rank');

    expect({ data, status }).toEqual({
      data: [{ title: 'epsilon', tags: ['e', 'f'], rank: null }],
      status: 201,
    });
  });

  it('upserts on a unique key, merging duplicates', async () => {
    const { data: mine } = await client.auth.getUser();
    const owner = mine.user!.id;

    await client
      .from('stack_notes')
      .upsert(
        { owner, title: 'alpha', rank: 10 },
        { onConflict: 'owner,title' },
      );

    const { data } = await client
      .from('stack_notes')
      .select('rank')
      .eq('title', 'alpha');
    expect(data).toEqual([{ rank: 10 }]);
  });

  it('upserts ignoring duplicates', async () => {
    const { data: mine } = await client.auth.getUser();
    const owner = mine.user!.id;

    const { data } = await client
      .from('stack_notes')
      .upsert([{ owner, title: 'alpha', rank: 10 }], {
        onConflict: 'owner,title',
        ignoreDuplicates: true,
      })
      .select();

    expect(data).toEqual([]);
  });

  it('updates the filtered rows only', async () => {
    const { data } = await client
      .from('stack_notes')
      .update({ rank: 20, tags: ['z'] })
      .eq('title', 'beta')
      .select('title, rank, tags');

    expect(data).toEqual([{ title: 'beta', rank: 20, tags: ['z'] }]);
  });

  it('deletes the filtered rows only', async () => {
    await client.from('stack_notes').delete().lt('rank', 3);

    const { data } = await client
      .from('stack_notes')
      .select('title')
      .order('title');
    expect(titles(data)).toEqual(['delta', 'gamma']);
  });
});
