import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local-stack/stack.ts';
import { createNotes, dropNotesSql, someNotes } from './rest-fixture.ts';
import { runAsOwner, signedInClient, startTestStack } from './stack-fixture.ts';

describe('local stack max rows (api.max_rows)', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack({ settings: { maxRows: 2 } });
    await createNotes(stack);
  });
  afterAll(async () => {
    await runAsOwner(stack, dropNotesSql);
    await stack.stop();
  });

  it('answers no more rows than max rows, with the true count', async () => {
    const { client } = await signedInClient(stack, 'max@example.com');
    await client.from('stack_notes').insert(someNotes);

    const { data, count } = await client
      .from('stack_notes')
      .select('title', { count: 'exact' });

    expect({ rows: data?.length, count }).toEqual({ rows: 2, count: 4 });
  });
});
