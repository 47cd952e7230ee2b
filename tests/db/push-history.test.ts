import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestDatabase,
  type TestDatabase,
  type UserClient,
} from './helpers/database.ts';
import { createOrganisation, type Organisation } from './helpers/rules-org.ts';
import { newClipChanges, push } from './helpers/rules-sync.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

/**
 * Rows of applied changes and clips that a push of `batch` read. The
 * session's counters also hold what it did before and has not reported
 * yet, so the push's share is the difference.
 */
async function rowsReadBy(batch: unknown[]): Promise<Record<string, number>> {
  return db.asUser(org.people.author, async (client) => {
    const before = await rowsRead(client);
    await client.query('select push_changes($1::jsonb)', [
      JSON.stringify(batch),
    ]);
    const after = await rowsRead(client);

    const tables = Object.keys(after);
    return Object.fromEntries(
      tables.map((table) => [table, after[table]! - (before[table] ?? 0)]),
    );
  });
}

async function rowsRead(client: UserClient): Promise<Record<string, number>> {
  const { rows } = await client.query(
    `select relname, coalesce(seq_tup_read, 0)
       + coalesce(idx_tup_fetch, 0) as read
     from pg_stat_xact_user_tables
     where relname in ('applied_changes', 'clips')`,
  );
  return Object.fromEntries(rows.map((row) => [row.relname, +row.read]));
}

describe('push_changes after a long history', () => {
  it('reads no more rows for new clips as a person pushes more', async () => {
    const before = await rowsReadBy(newClipChanges(10));
    for (let run = 0; run < 4; run += 1) {
      await push(org, 'author', newClipChanges(500));
    }

    const after = await rowsReadBy(newClipChanges(10));

    expect(after).toEqual(before);
  });
});
