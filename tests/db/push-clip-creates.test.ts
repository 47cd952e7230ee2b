import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  createClip,
  createOrganisation,
  type Organisation,
} from './helpers/rules-org.ts';
import {
  newClipChange,
  newClipChanges,
  pullAll,
  push,
  type PushResult,
} from './helpers/rules-sync.ts';

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

/** How many rows each of the clips of a batch has on the server. */
async function clipCounts(batch: Record<string, unknown>[]) {
  const { rows } = await db.admin.query(
    `select count(c.id)::int as clips
     from unnest($1::uuid[]) with ordinality as wanted(id, position)
     left join public.clips c on c.id = wanted.id
     group by wanted.position order by wanted.position`,
    [batch.map(recordId)],
  );
  return rows.map((row) => row.clips as number);
}

/** Pushes a batch as the author and holds it open until release(). */
function heldPush(batch: unknown[]) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let answered = (_results: PushResult[]) => {};
  const answer = new Promise<PushResult[]>((resolve) => (answered = resolve));
  const done = db.asUser(
    org.people.author,
    async (client) => {
      const { rows } = await client.query(
        'select push_changes($1::jsonb) as outcome',
        [JSON.stringify(batch)],
      );
      answered(rows[0].outcome.results);
      await gate;
    },
    { commit: true },
  );
  return { answer, release, done };
}

/** Resolves once some session waits for a lock another one holds. */
async function someoneWaits(): Promise<void> {
  for (let tries = 0; tries < 1000; tries += 1) {
    const { rows } = await db.admin.query(
      `select count(*)::int as waiting from pg_stat_activity
       where wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no session ever waited for a lock');
}

describe('push_changes with a run of new clips', () => {
  it('applies every create and answers in batch order', async () => {
    const batch = newClipChanges(5);

    const results = await push(org, 'author', batch);

    expect(results.map(({ index, id }) => [index, id])).toEqual(
      batch.map((change, index) => [index, recordId(change)]),
    );
  });

  it('answers each create as the per-change path does', async () => {
    const batch = newClipChanges(3);

    const results = await push(org, 'author', batch);

    expect(results[1]).toEqual({
      index: 1,
      change_id: batch[1]!.change_id,
      status: 'applied',
      entity: 'clip',
      id: recordId(batch[1]!),
      version: 1,
    });
  });

  it('writes the fields of the record and the author', async () => {
    const change = newClipChange({ note: 'Night shift.', tags: ['a', 'b'] });

    await push(org, 'author', [...newClipChanges(2), change]);

    const { rows } = await db.admin.query(
      'select author_id, note, tags, state from public.clips where id = $1',
      [recordId(change)],
    );
    expect(rows[0]).toEqual({
      author_id: org.people.author,
      note: 'Night shift.',
      tags: ['a', 'b'],
      state: 'draft',
    });
  });
});

describe('push_changes with a run of new clips, then pull_changes', () => {
  it('brings each new clip to its author once', async () => {
    const { cursor } = await pullAll(org, 'author', 0, 500);
    const batch = newClipChanges(3);
    await push(org, 'author', batch);

    const { changes } = await pullAll(org, 'author', cursor, 500);

    expect(changes.map(({ id }) => id).sort()).toEqual(
      batch.map(recordId).sort(),
    );
  });

  it('brings them to no teammate while they are drafts', async () => {
    const { cursor } = await pullAll(org, 'teammate', 0, 500);

    await push(org, 'author', newClipChanges(3));

    const { changes } = await pullAll(org, 'teammate', cursor, 500);
    expect(changes).toEqual([]);
  });
});

describe('push_changes with a bad create among new clips', () => {
  it('rejects the bad create alone, with the reason it has alone', async () => {
    const bad = newClipChange({ note: 'n'.repeat(20_001) });
    const [alone] = await push(org, 'author', [
      { ...bad, record: { ...(bad.record as object), id: randomUUID() } },
    ]);

    const results = await push(org, 'author', [
      ...newClipChanges(2),
      bad,
      ...newClipChanges(2),
    ]);

    expect(results.map(({ status }) => status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'applied',
      'applied',
    ]);
    expect(results[2]!.reason).toBe(alone!.reason);
  });

  it('rejects a create that only the insert refuses, and applies the rest', async () => {
    const bad = newClipChange({ topic_id: randomUUID() });
    const batch = [...newClipChanges(2), bad, ...newClipChanges(2)];

    const results = await push(org, 'author', batch);

    expect(results.map(({ status }) => status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'applied',
      'applied',
    ]);
    expect(await clipCounts(batch)).toEqual([1, 1, 0, 1, 1]);
  });

  it('rejects a create of an id someone else holds as taken', async () => {
    const taken = await createClip(org, {
      author: 'outsider',
      state: 'draft',
    });
    const batch = [
      ...newClipChanges(1),
      newClipChange({ id: taken }),
      ...newClipChanges(1),
    ];

    const results = await push(org, 'author', batch);

    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: 'this id is already taken',
    });
  });

  it('rejects each create of a person who may not write clips', async () => {
    const results = await push(org, 'pending', newClipChanges(3));

    expect(results.map(({ reason }) => reason)).toEqual([
      'you may not make this change',
      'you may not make this change',
      'you may not make this change',
    ]);
  });
});

describe('push_changes with a run of new clips sent again', () => {
  it('answers as the first time', async () => {
    const batch = newClipChanges(4);
    const first = await push(org, 'author', batch);

    const second = await push(org, 'author', batch);

    expect(second).toEqual(first);
  });

  it('keeps one clip per create', async () => {
    const batch = newClipChanges(4);
    await push(org, 'author', batch);

    await push(org, 'author', batch);

    expect(await clipCounts(batch)).toEqual([1, 1, 1, 1]);
  });

  it('applies creates that an earlier sending had rejected', async () => {
    const batch = newClipChanges(3);
    await push(org, 'pending', batch);

    const results = await push(org, 'author', batch);

    expect(results.map(({ status }) => status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
  });
});

describe('push_changes with creates among other changes', () => {
  it('keeps batch order across edits, deletions and comments', async () => {
    const draft = await createClip(org, { state: 'draft' });
    const published = await createClip(org, { state: 'published' });
    const batch = [
      ...newClipChanges(2),
      {
        change_id: randomUUID(),
        type: 'clip.upsert',
        base_version: 1,
        record: { id: draft, note: 'Edited.' },
      },
      ...newClipChanges(1),
      {
        change_id: randomUUID(),
        type: 'comment.upsert',
        record: { id: randomUUID(), clip_id: published, body: 'Good.' },
      },
      {
        change_id: randomUUID(),
        type: 'clip.delete',
        base_version: 2,
        record: { id: draft },
      },
      ...newClipChanges(1),
    ];

    const results = await push(org, 'author', batch);

    expect(
      results.map(({ index, entity, version }) => [index, entity, version]),
    ).toEqual([
      [0, 'clip', 1],
      [1, 'clip', 1],
      [2, 'clip', 2],
      [3, 'clip', 1],
      [4, 'comment', 1],
      [5, 'clip', 3],
      [6, 'clip', 1],
    ]);
  });

  it('answers an edit of a clip created earlier in the batch', async () => {
    const create = newClipChange();
    const edit = {
      change_id: randomUUID(),
      type: 'clip.upsert',
      base_version: 1,
      record: { id: recordId(create), note: 'Second thought.' },
    };

    const results = await push(org, 'author', [
      create,
      edit,
      ...newClipChanges(1),
    ]);

    expect(results[1]).toMatchObject({ status: 'applied', version: 2 });
  });
});

describe('push_changes with one run of new clips sent twice at once', () => {
  it('ends with one clip per create', async () => {
    const batch = newClipChanges(20);
    const held = heldPush(batch);
    await held.answer;

    const second = push(org, 'author', batch);
    await someoneWaits().finally(held.release);
    await Promise.all([held.done, second]);

    expect(new Set(await clipCounts(batch))).toEqual(new Set([1]));
  });

  it('answers the second sending as the first', async () => {
    const batch = newClipChanges(20);
    const held = heldPush(batch);
    const first = await held.answer;

    const second = push(org, 'author', batch);
    await someoneWaits().finally(held.release);
    await held.done;

    expect(await second).toEqual(first);
  });

  it('ends with one clip per create when neither waits on purpose', async () => {
    const batch = newClipChanges(200);

    await Promise.all([push(org, 'author', batch), push(org, 'author', batch)]);

    expect(new Set(await clipCounts(batch))).toEqual(new Set([1]));
  });
});

describe('push_changes with two runs of new clips of one person at once', () => {
  it('applies both while the first is still open', async () => {
    const [first, second] = [newClipChanges(20), newClipChanges(20)];
    const held = heldPush(first);
    await held.answer;

    const results = await push(org, 'author', second);
    held.release();
    await held.done;

    expect(new Set(results.map(({ status }) => status))).toEqual(
      new Set(['applied']),
    );
  });

  it('brings each clip of both to its author once', async () => {
    const { cursor } = await pullAll(org, 'author', 0, 500);
    const [first, second] = [newClipChanges(150), newClipChanges(150)];

    await Promise.all([
      push(org, 'author', first),
      push(org, 'author', second),
    ]);

    const { changes } = await pullAll(org, 'author', cursor, 500);
    const expected = [...first, ...second].map(recordId).sort();
    expect(changes.map(({ id }) => id).sort()).toEqual(expected);
  });
});
