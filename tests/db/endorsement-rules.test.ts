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

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

// Writes committed endorsements: they must outlive the call that made them.
async function endorse(
  clipId: string,
  caller: 'teammate' | 'endorser' | 'outsider',
  kind: 'peer' | 'official',
): Promise<string> {
  const [row] = await queryAs(
    org,
    caller,
    'select id from endorse($1, $2)',
    [clipId, kind],
    { commit: true },
  );
  return row!.id as string;
}

async function trusted(clipId: string): Promise<boolean> {
  const [row] = await arrange(
    org,
    'select private.clip_trusted(id, content_hash) as trusted from clips where id = $1',
    [clipId],
  );
  return row!.trusted as boolean;
}

describe('endorse', () => {
  it('refuses an author who endorses their own clip', async () => {
    const clipId = await createClip(org);

    const message = await errorOf(() =>
      queryAs(org, 'author', 'select endorse($1)', [clipId]),
    );

    expect(message).toBe('nobody endorses their own clip');
  });

  it('refuses a second active endorsement', async () => {
    const clipId = await createClip(org);
    await endorse(clipId, 'teammate', 'peer');

    const message = await errorOf(() => endorse(clipId, 'teammate', 'peer'));

    expect(message).toBe('you already endorse this text of the clip');
  });

  it('refuses an official endorsement from a non-endorser', async () => {
    const clipId = await createClip(org, { regulated: true });

    const message = await errorOf(() =>
      endorse(clipId, 'outsider', 'official'),
    );

    expect(message).toBe(
      "only endorsers of the clip's regulated topic endorse officially",
    );
  });

  it('refuses to endorse a draft', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const message = await errorOf(() => endorse(clipId, 'teammate', 'peer'));

    expect(message).toBe('you can endorse only published clips you can see');
  });

  it('makes a regulated clip trusted with an official endorsement', async () => {
    const clipId = await createClip(org, { regulated: true });

    await endorse(clipId, 'endorser', 'official');

    expect(await trusted(clipId)).toBe(true);
  });

  it('gives an official endorsement 90 days', async () => {
    const clipId = await createClip(org, { regulated: true });

    const id = await endorse(clipId, 'endorser', 'official');

    const [row] = await arrange(
      org,
      `select expires_at - created_at = interval '90 days' as ninety
       from endorsements where id = $1`,
      [id],
    );
    expect(row).toEqual({ ninety: true });
  });
});

describe('endorsements that no longer count', () => {
  it('does not trust a clip whose official endorsement expired', async () => {
    const clipId = await createClip(org, { regulated: true });
    const id = await endorse(clipId, 'endorser', 'official');

    await arrange(
      org,
      `update endorsements set expires_at = now() - interval '1 day'
       where id = $1`,
      [id],
    );

    expect(await trusted(clipId)).toBe(false);
  });

  it('renews an expired endorsement', async () => {
    const clipId = await createClip(org, { regulated: true });
    const id = await endorse(clipId, 'endorser', 'official');
    await arrange(
      org,
      `update endorsements set expires_at = now() - interval '1 day'
       where id = $1`,
      [id],
    );

    await endorse(clipId, 'endorser', 'official');

    expect(await trusted(clipId)).toBe(true);
  });

  it('lapses an official endorsement when the quote changes', async () => {
    const clipId = await createClip(org, { regulated: true });
    await endorse(clipId, 'endorser', 'official');

    await queryAs(
      org,
      'author',
      `update clips set quote = 'Fire doors stay shut.' where id = $1`,
      [clipId],
      { commit: true },
    );

    expect(await trusted(clipId)).toBe(false);
  });

  it('keeps the lapsed endorsement as history and endorses the new text', async () => {
    const clipId = await createClip(org, { regulated: true });
    await endorse(clipId, 'endorser', 'official');
    await queryAs(
      org,
      'author',
      `update clips set note = 'New.' where id = $1`,
      [clipId],
      {
        commit: true,
      },
    );

    await endorse(clipId, 'endorser', 'official');

    const rows = await arrange(
      org,
      'select id from endorsements where clip_id = $1',
      [clipId],
    );
    expect(rows).toHaveLength(2);
  });

  it('does not trust a clip whose official endorsement was withdrawn', async () => {
    const clipId = await createClip(org, { regulated: true });
    const id = await endorse(clipId, 'endorser', 'official');

    await queryAs(org, 'endorser', 'select withdraw_endorsement($1)', [id], {
      commit: true,
    });

    expect(await trusted(clipId)).toBe(false);
  });

  it("refuses to withdraw someone else's endorsement", async () => {
    const clipId = await createClip(org);
    const id = await endorse(clipId, 'teammate', 'peer');

    const message = await errorOf(() =>
      queryAs(org, 'outsider', 'select withdraw_endorsement($1)', [id]),
    );

    expect(message).toBe('you hold no endorsement with this id to withdraw');
  });

  it('refuses any other change to an endorsement', async () => {
    const clipId = await createClip(org);
    const id = await endorse(clipId, 'teammate', 'peer');

    const message = await errorOf(() =>
      queryAs(
        org,
        'teammate',
        `update endorsements set kind = 'official' where id = $1`,
        [id],
      ),
    );

    expect(message).toBe('permission denied for table endorsements');
  });
});
