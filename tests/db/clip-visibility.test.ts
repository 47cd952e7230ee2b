import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  arrange,
  createClip,
  createOrganisation,
  errorOf,
  queryAs,
  type Caller,
  type ClipOptions,
  type Organisation,
} from './helpers/rules-org.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

async function visibleTo(caller: Caller, clip: ClipOptions): Promise<boolean> {
  const id = await createClip(org, clip);
  const rows = await queryAs(
    org,
    caller,
    'select id from clips where id = $1',
    [id],
  );
  return rows.length === 1;
}

describe('clip visibility', () => {
  it.each([
    ['author', true],
    ['teammate', false],
    ['outsider', false],
    ['endorser', false],
    ['admin', false],
  ] as const)('shows a draft to the %s: %s', async (caller, expected) => {
    expect(await visibleTo(caller, { state: 'draft' })).toBe(expected);
  });

  it.each([
    ['teammate', true],
    ['outsider', true],
    ['pending', false],
  ] as const)(
    'shows an organisation clip to the %s: %s',
    async (caller, expected) => {
      expect(await visibleTo(caller, {})).toBe(expected);
    },
  );

  it.each([
    ['teammate', true],
    ['outsider', false],
    ['admin', false],
  ] as const)('shows a team clip to the %s: %s', async (caller, expected) => {
    expect(await visibleTo(caller, { visibility: 'team' })).toBe(expected);
  });

  it.each([
    ['teammate', true],
    ['outsider', false],
    ['endorser', false],
  ] as const)(
    'shows a clip in review to the %s: %s',
    async (caller, expected) => {
      expect(await visibleTo(caller, { state: 'in_review' })).toBe(expected);
    },
  );

  it.each([
    ['teammate', true],
    ['endorser', true],
    ['outsider', false],
  ] as const)(
    'shows a regulated clip in review to the %s: %s',
    async (caller, expected) => {
      const clip = { state: 'in_review', regulated: true } as const;

      expect(await visibleTo(caller, clip)).toBe(expected);
    },
  );

  it('refuses anon any read of clips', async () => {
    await createClip(org);

    const message = await errorOf(() =>
      queryAs(org, 'anon', 'select id from clips'),
    );

    expect(message).toBe('permission denied for table clips');
  });

  it('hides a deleted clip from everyone but its author', async () => {
    const id = await createClip(org);
    await arrange(org, 'update clips set deleted_at = now() where id = $1', [
      id,
    ]);

    const rows = await queryAs(
      org,
      'teammate',
      'select id from clips where id = $1',
      [id],
    );

    expect(rows).toEqual([]);
  });
});
