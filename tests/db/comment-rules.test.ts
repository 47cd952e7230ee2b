import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  createClip,
  createOrganisation,
  errorOf,
  queryAs,
  type Caller,
  type Organisation,
} from './helpers/rules-org.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

async function comment(
  clipId: string,
  caller: Caller,
  parentId: string | null = null,
): Promise<string> {
  const [row] = await queryAs(
    org,
    caller,
    `insert into comments (clip_id, parent_id, body)
     values ($1, $2, 'Good one.') returning id`,
    [clipId, parentId],
    { commit: true },
  );
  return row!.id as string;
}

describe('comments', () => {
  it('lets a member comment on a published clip', async () => {
    const clipId = await createClip(org);

    const id = await comment(clipId, 'outsider');

    expect(id).toEqual(expect.any(String));
  });

  it('refuses a comment on a draft, even by its author', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const message = await errorOf(() => comment(clipId, 'author'));

    expect(message).toBe('comments go only on published clips you can see');
  });

  it('refuses a comment on a clip in review', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const message = await errorOf(() => comment(clipId, 'teammate'));

    expect(message).toBe('comments go only on published clips you can see');
  });

  it('refuses a comment on a team clip of another team', async () => {
    const clipId = await createClip(org, { visibility: 'team' });

    const message = await errorOf(() => comment(clipId, 'outsider'));

    expect(message).toBe('comments go only on published clips you can see');
  });

  it('refuses a reply whose parent is on another clip', async () => {
    const parentId = await comment(await createClip(org), 'teammate');
    const clipId = await createClip(org);

    const message = await errorOf(() => comment(clipId, 'teammate', parentId));

    expect(message).toBe('a reply belongs to the clip of its parent comment');
  });

  it('changes nothing when someone else edits a comment', async () => {
    const id = await comment(await createClip(org), 'teammate');

    const rows = await queryAs(
      org,
      'outsider',
      `update comments set body = 'Hijacked.' where id = $1 returning id`,
      [id],
    );

    expect(rows).toEqual([]);
  });

  it('lets the author edit and bumps the version', async () => {
    const id = await comment(await createClip(org), 'teammate');

    const rows = await queryAs(
      org,
      'teammate',
      `update comments set body = 'Better.' where id = $1 returning version`,
      [id],
    );

    expect(rows).toEqual([{ version: 2 }]);
  });

  it('hides a deleted comment from others', async () => {
    const clipId = await createClip(org);
    const id = await comment(clipId, 'teammate');
    await queryAs(
      org,
      'teammate',
      'update comments set deleted_at = now() where id = $1',
      [id],
      { commit: true },
    );

    const rows = await queryAs(
      org,
      'outsider',
      'select id from comments where id = $1',
      [id],
    );

    expect(rows).toEqual([]);
  });
});
