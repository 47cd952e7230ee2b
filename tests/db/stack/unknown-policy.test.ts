import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local-stack/stack.ts';
import { runAsOwner, signedInClient, startTestStack } from './stack-fixture.ts';

// A table and policy that exist only in this test: the stand-in serves them
// correctly although nothing in it knows they exist.
const memosSql = `
  create table public.stack_memos (
    id integer primary key,
    recipient text not null,
    body text not null
  );
  alter table public.stack_memos enable row level security;
  create policy stack_memos_for_recipient on public.stack_memos
    for all to authenticated
    using (recipient = (select auth.email()))
    with check (recipient = (select auth.email()));
  insert into public.stack_memos values
    (1, 'mia@example.com', 'for mia'),
    (2, 'max@example.com', 'for max');
`;

describe('local stack with a policy it has never seen', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await runAsOwner(stack, memosSql);
  });
  afterAll(async () => {
    await runAsOwner(stack, 'drop table public.stack_memos');
    await stack.stop();
  });

  it('shows each person only the rows the policy gives them', async () => {
    const { client } = await signedInClient(stack, 'mia@example.com');

    const { data } = await client.from('stack_memos').select('body');

    expect(data).toEqual([{ body: 'for mia' }]);
  });

  it('refuses a write the policy does not allow', async () => {
    const { client } = await signedInClient(stack, 'max@example.com');

    const { error } = await client
      .from('stack_memos')
      .insert({ id: 3, recipient: 'mia@example.com', body: 'spoof' });

    expect(error?.message).toBe(
      'new row violates row-level security policy for table "stack_memos"',
    );
  });

  it("updates none of another person's rows", async () => {
    const { client } = await signedInClient(stack, 'mo@example.com');

    const { data } = await client
      .from('stack_memos')
      .update({ body: 'changed' })
      .eq('id', 1)
      .select();

    expect(data).toEqual([]);
  });
});
