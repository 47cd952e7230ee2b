import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  arrange,
  createClip,
  createOrganisation,
  errorOf,
  queryAs,
  type Organisation,
} from './helpers/rules-org.ts';
import {
  newClipChange,
  pullAll,
  push,
  type PulledChange,
} from './helpers/rules-sync.ts';

let db: TestDatabase;
let org: Organisation;
const kept: string[] = [];
const tombstones: string[] = [];

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
  await arrangeWhatTheAuthorKeeps();
});
afterAll(() => db.stop());

async function commentAs(
  caller: 'author' | 'teammate' | 'outsider',
  clipId: string,
) {
  const [row] = await queryAs(
    org,
    caller,
    `insert into comments (clip_id, body) values ($1, 'Noted.') returning id`,
    [clipId],
    { commit: true },
  );
  return row!.id as string;
}

async function endorseAs(caller: 'author' | 'teammate', clipId: string) {
  const [row] = await queryAs(
    org,
    caller,
    'select id from endorse($1)',
    [clipId],
    { commit: true },
  );
  return row!.id as string;
}

// The author keeps their clips, what hangs on them, the clips waiting for
// their review and their own comments and endorsements; nothing else.
async function arrangeWhatTheAuthorKeeps() {
  const draft = newClipChange();
  await push(org, 'author', [draft]);
  const published = await createClip(org);
  const inReview = await createClip(org, { state: 'in_review' });
  const deleted = await createClip(org);
  await arrange(org, 'update clips set deleted_at = now() where id = $1', [
    deleted,
  ]);
  const teammatesInReview = await createClip(org, {
    author: 'teammate',
    state: 'in_review',
  });
  const others = await createClip(org, { author: 'outsider' });
  await createClip(org, { author: 'teammate', state: 'draft' });
  await commentAs('outsider', await createClip(org, { author: 'outsider' }));

  kept.push(
    (draft.record as { id: string }).id,
    published,
    inReview,
    teammatesInReview,
    await commentAs('teammate', published),
    await endorseAs('teammate', published),
    await commentAs('author', others),
    await endorseAs('author', others),
  );
  tombstones.push(deleted);
}

function key(change: PulledChange): string {
  return `${change.entity}:${change.id}`;
}

describe('pull_changes from 0', () => {
  it.each([1, 2, 3, 5, 100])(
    'sends exactly what the author keeps in pages of %i',
    async (size) => {
      const { changes } = await pullAll(org, 'author', 0, size);

      const live = changes.filter((change) => !change.deleted);
      expect(live.map((change) => change.id).sort()).toEqual([...kept].sort());
    },
  );

  it.each([1, 2, 3, 5, 100])(
    'sends nothing twice in pages of %i',
    async (size) => {
      const { changes } = await pullAll(org, 'author', 0, size);

      const keys = changes.map(key);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('sends a deleted clip as a tombstone', async () => {
    const { changes } = await pullAll(org, 'author', 0, 100);

    const deleted = changes.filter((change) => change.deleted);
    expect(deleted.map((change) => change.id)).toEqual(tombstones);
  });

  it('sends changes in the order of the cursor', async () => {
    const { changes } = await pullAll(org, 'author', 0, 3);

    const seqs = changes.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('sends a change made after the cursor, and only that', async () => {
    const { cursor } = await pullAll(org, 'author', 0, 100);
    const change = newClipChange();
    await push(org, 'author', [change]);

    const { changes } = await pullAll(org, 'author', cursor, 100);

    expect(changes.map((c) => c.id)).toEqual([
      (change.record as { id: string }).id,
    ]);
  });

  it('is not callable by anon', async () => {
    const message = await errorOf(() =>
      queryAs(org, 'anon', 'select pull_changes(0, 10)'),
    );

    expect(message).toBe('permission denied for function pull_changes');
  });
});

describe('pull_changes and concurrent commits', () => {
  it('sends a change that commits after a later-started one', async () => {
    const first = await createClip(org, { state: 'draft' });
    const second = await createClip(org, { state: 'draft' });
    const { cursor } = await pullAll(org, 'author', 0, 100);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = org.db.asUser(
      org.people.author,
      async (client) => {
        await client.query(`update clips set note = 'slow' where id = $1`, [
          first,
        ]);
        await gate;
      },
      { commit: true },
    );
    await queryAs(
      org,
      'author',
      `update clips set note = 'fast' where id = $1`,
      [second],
      { commit: true },
    );
    const early = await pullAll(org, 'author', cursor, 100);

    release();
    await slow;
    const late = await pullAll(org, 'author', early.cursor, 100);

    expect(late.changes.map((change) => change.id)).toEqual([first]);
  });

  it('holds back a commit numbered after a transaction still committing', async () => {
    const first = await createClip(org, { state: 'draft' });
    const second = await createClip(org, { state: 'draft' });
    const { cursor } = await pullAll(org, 'author', 0, 100);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const numbered = org.db.asUser(
      org.people.author,
      async (client) => {
        await client.query(`update clips set note = 'one' where id = $1`, [
          first,
        ]);
        // Takes its number now, as a commit would, and keeps it open.
        await client.query('set constraints all immediate');
        await gate;
      },
      { commit: true },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = queryAs(
      org,
      'author',
      `update clips set note = 'two' where id = $1`,
      [second],
      { commit: true },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const meanwhile = await pullAll(org, 'author', cursor, 100);

    release();
    await Promise.all([numbered, waiting]);
    const after = await pullAll(org, 'author', meanwhile.cursor, 100);

    expect(meanwhile.changes).toEqual([]);
    expect(after.changes.map((change) => change.id)).toEqual([first, second]);
  });
});
