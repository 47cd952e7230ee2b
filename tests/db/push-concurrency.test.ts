import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  createClip,
  createOrganisation,
  type Organisation,
} from './helpers/rules-org.ts';
import { newClipChange, push, type PushResult } from './helpers/rules-sync.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

/**
 * Pushes a batch as the author and holds the transaction open until
 * release() is called: the first of two requests in flight at once.
 */
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

/**
 * Sends `first` and holds it open, sends `second` beside it, lets the first
 * commit once the second waits, and answers both results.
 */
async function inFlightTogether(first: unknown[], second: unknown[]) {
  const held = heldPush(first);
  const firstResults = await held.answer;
  const secondResults = push(org, 'author', second);
  await someoneWaits().finally(held.release);
  await held.done;
  return { first: firstResults, second: await secondResults };
}

function noteEdit(clipId: string, note: string, baseVersion = 1) {
  return {
    change_id: randomUUID(),
    type: 'clip.upsert',
    base_version: baseVersion,
    record: { id: clipId, note },
  };
}

describe('push_changes with two edits of one version at once', () => {
  it('answers the later edit with a conflict and the earlier text', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const { second } = await inFlightTogether(
      [noteEdit(clipId, 'Laptop.')],
      [noteEdit(clipId, 'Desktop.')],
    );

    expect(second[0]).toMatchObject({
      status: 'conflict',
      server_version: 2,
      record: { note: 'Laptop.' },
    });
  });

  it('keeps the earlier edit on the server', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    await inFlightTogether(
      [noteEdit(clipId, 'Laptop.')],
      [noteEdit(clipId, 'Desktop.')],
    );

    const { rows } = await db.admin.query(
      'select note, version from public.clips where id = $1',
      [clipId],
    );
    expect(rows[0]).toEqual({ note: 'Laptop.', version: 2 });
  });

  it('answers a deletion of an edited version with a conflict', async () => {
    const clipId = await createClip(org, { state: 'draft' });
    const remove = {
      change_id: randomUUID(),
      type: 'clip.delete',
      base_version: 1,
      record: { id: clipId },
    };

    const { second } = await inFlightTogether(
      [noteEdit(clipId, 'Laptop.')],
      [remove],
    );

    expect(second[0]).toMatchObject({ status: 'conflict', server_version: 2 });
  });

  it('answers the later of two creates of one clip with a conflict', async () => {
    const create = newClipChange({ note: 'Laptop.' });
    const twin = { ...create, change_id: randomUUID() };

    const { second } = await inFlightTogether([create], [twin]);

    expect(second[0]).toMatchObject({
      status: 'conflict',
      server_version: 1,
      record: { note: 'Laptop.' },
    });
  });
});

describe('push_changes with two edits of one comment at once', () => {
  it('answers the later edit with a conflict', async () => {
    const clipId = await createClip(org);
    const commentId = randomUUID();
    await db.admin.query(
      `insert into public.comments (id, clip_id, author_id, body)
       values ($1, $2, $3, 'First.')`,
      [commentId, clipId, org.people.author],
    );
    const edit = (body: string) => ({
      change_id: randomUUID(),
      type: 'comment.upsert',
      base_version: 1,
      record: { id: commentId, body },
    });

    const { second } = await inFlightTogether(
      [edit('Laptop.')],
      [edit('Desktop.')],
    );

    expect(second[0]).toMatchObject({
      status: 'conflict',
      record: { body: 'Laptop.' },
    });
  });
});

describe('push_changes with a retry in flight beside its first sending', () => {
  it('answers a retried edit as the first one was answered', async () => {
    const clipId = await createClip(org, { state: 'draft' });
    const edit = noteEdit(clipId, 'Once.');

    const { first, second } = await inFlightTogether([edit], [edit]);

    expect(second).toEqual(first);
  });

  it('answers a retried create as the first one was answered', async () => {
    const create = newClipChange();

    const { first, second } = await inFlightTogether([create], [create]);

    expect(second).toEqual(first);
  });
});

describe('push_changes batch cap', () => {
  it('takes a batch of 500 changes', async () => {
    const batch = Array.from({ length: 500 }, () => newClipChange());

    const results = await push(org, 'author', batch);

    expect(results.filter((r) => r.status === 'applied')).toHaveLength(500);
  });

  it('refuses a batch of 501 changes as a whole', async () => {
    const batch = Array.from({ length: 501 }, () => newClipChange());

    const attempt = push(org, 'author', batch);

    await expect(attempt).rejects.toThrow('a batch holds at most 500 changes');
  });
});

describe('push_changes when two batches lock rows in opposite orders', () => {
  it('fails one of the calls as a whole, to be sent again', async () => {
    const [x, y] = [
      await createClip(org, { state: 'draft' }),
      await createClip(org, { state: 'draft' }),
    ];
    const sql = 'select push_changes($1::jsonb)';
    let firstLocked = () => {};
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = db.asUser(
      org.people.author,
      async (client) => {
        await client.query(sql, [JSON.stringify([noteEdit(x, 'Laptop.')])]);
        firstLocked();
        await someoneWaits();
        await client.query(sql, [JSON.stringify([noteEdit(y, 'Laptop.')])]);
      },
      { commit: true },
    );
    const second = locked.then(() =>
      push(org, 'author', [noteEdit(y, 'Desktop.'), noteEdit(x, 'Desktop.')]),
    );

    const outcomes = await Promise.allSettled([first, second]);

    const failures = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason.code] : [],
    );
    expect(failures).toEqual(['40P01']);
  });
});
