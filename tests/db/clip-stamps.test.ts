import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestDatabase,
  type TestDatabase,
  type UserClient,
} from './helpers/database.ts';
import {
  arrange,
  as,
  createClip,
  createOrganisation,
  queryAs,
  type Caller,
  type Organisation,
} from './helpers/rules-org.ts';
import {
  newClipChange,
  newClipChanges,
  pullAll,
  push,
  type PulledChange,
  type PushResult,
} from './helpers/rules-sync.ts';

// New clips reach the change feed one insert statement at a time: each
// insert leaves a stamp request, and the request is numbered at commit.

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

function recordId(change: Record<string, unknown>): string {
  return (change.record as { id: string }).id;
}

function noteEdit(clipId: string) {
  return {
    change_id: randomUUID(),
    type: 'clip.upsert',
    base_version: 1,
    record: { id: clipId, note: 'Second thought.' },
  };
}

/** What the caller pulls after the cursor they hold now, once fn is done. */
async function pullsAfter(
  caller: Caller,
  fn: () => Promise<unknown>,
): Promise<PulledChange[]> {
  const { cursor } = await pullAll(org, caller, 0, 1000);
  await fn();
  return (await pullAll(org, caller, cursor, 1000)).changes;
}

/** The clip ids of the stamp requests the client's transaction holds. */
async function requestedIds(client: UserClient): Promise<string[]> {
  await client.query('reset role');
  const { rows } = await client.query(
    `select coalesce(array_agg(c.id order by c.id), '{}') as ids
     from private.clip_stamp_requests r, unnest(r.clip_ids) c(id)`,
  );
  return rows[0].ids as string[];
}

/** Pushes as the caller and answers the stamp requests not yet committed. */
function requestsAfterPush(caller: Caller, batch: unknown[]) {
  return as(org, caller, async (client) => {
    const { rows } = await client.query(
      'select push_changes($1::jsonb) as outcome',
      [JSON.stringify(batch)],
    );
    const results = rows[0].outcome.results as PushResult[];
    return { results, requested: await requestedIds(client) };
  });
}

describe('a pushed run of new clips in the change feed', () => {
  it('brings every clip to its author', async () => {
    const batch = newClipChanges(5);

    const changes = await pullsAfter('author', () =>
      push(org, 'author', batch),
    );

    expect(changes.map(({ id }) => id).sort()).toEqual(
      batch.map(recordId).sort(),
    );
  });

  it('gives every clip a number of its own', async () => {
    const batch = newClipChanges(5);

    const changes = await pullsAfter('author', () =>
      push(org, 'author', batch),
    );

    expect(new Set(changes.map(({ seq }) => seq)).size).toBe(5);
  });

  it('leaves no stamp request once committed', async () => {
    await push(org, 'author', newClipChanges(3));

    const [row] = await arrange(
      org,
      'select count(*)::int as n from private.clip_stamp_requests',
    );
    expect(row!.n).toBe(0);
  });

  it('numbers an edit later in the batch after the run', async () => {
    const batch = newClipChanges(3);
    const edited = recordId(batch[1]!);

    const changes = await pullsAfter('author', () =>
      push(org, 'author', [...batch, noteEdit(edited)]),
    );

    const last = changes.at(-1)!;
    expect([last.id, last.record?.version]).toEqual([edited, 2]);
  });

  it('brings them to no teammate while they are drafts', async () => {
    const changes = await pullsAfter('teammate', () =>
      push(org, 'author', newClipChanges(3)),
    );

    expect(changes).toEqual([]);
  });
});

describe('a run of new clips that fails', () => {
  it('asks stamps for exactly the clips written instead', async () => {
    const bad = newClipChange({ topic_id: randomUUID() });
    const batch = [...newClipChanges(2), bad, ...newClipChanges(1)];

    const { results, requested } = await requestsAfterPush('author', batch);

    const applied = results.filter(({ status }) => status === 'applied');
    expect(requested).toEqual(applied.map(({ id }) => id).sort());
  });

  it('asks no stamp when nothing was written', async () => {
    const { requested } = await requestsAfterPush('pending', newClipChanges(3));

    expect(requested).toEqual([]);
  });
});

describe('numbers of new clips', () => {
  it('are drawn at commit, after a transaction still committing', async () => {
    const { cursor } = await pullAll(org, 'author', 0, 1000);
    const first = newClipChanges(2);
    const second = newClipChanges(2);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const numbered = as(
      org,
      'author',
      async (client) => {
        await client.query('select push_changes($1::jsonb)', [
          JSON.stringify(first),
        ]);
        // Takes its numbers now, as a commit would, and keeps them open.
        await client.query('set constraints all immediate');
        await gate;
      },
      { commit: true },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = push(org, 'author', second);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const meanwhile = await pullAll(org, 'author', cursor, 1000);

    release();
    await Promise.all([numbered, waiting]);
    const after = await pullAll(org, 'author', meanwhile.cursor, 1000);

    const batchOf = (id: string) =>
      first.map(recordId).includes(id) ? 'first' : 'second';
    expect(meanwhile.changes).toEqual([]);
    expect(after.changes.map(({ id }) => batchOf(id))).toEqual([
      'first',
      'first',
      'second',
      'second',
    ]);
  });
});

describe('new clips written outside push_changes', () => {
  it('reach the author when a person inserts one', async () => {
    const id = randomUUID();

    const changes = await pullsAfter('author', () =>
      queryAs(
        org,
        'author',
        `insert into clips (id, source_url, canonical_url)
         values ($1, 'https://a.example/x', 'https://a.example/x')`,
        [id],
        { commit: true },
      ),
    );

    expect(changes.map((change) => change.id)).toEqual([id]);
  });

  it('reach the reviewers of a clip written straight into review', async () => {
    let id = '';

    const changes = await pullsAfter('teammate', async () => {
      id = await createClip(org, { state: 'in_review' });
    });

    expect(changes.map((change) => change.id)).toEqual([id]);
  });
});
