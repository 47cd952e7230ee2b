import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import { clipDetail, failureOf, reviewQueue } from './helpers/peer-calls.ts';
import {
  arrange,
  createClip,
  createOrganisation,
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

async function commitAs(
  caller: Caller,
  sql: string,
  values: unknown[],
): Promise<Record<string, unknown>> {
  const [row] = await queryAs(org, caller, sql, values, { commit: true });
  return row ?? {};
}

async function endorse(
  clipId: string,
  caller: Caller,
  kind = 'peer',
): Promise<string> {
  const row = await commitAs(caller, 'select id from endorse($1, $2)', [
    clipId,
    kind,
  ]);
  return row.id as string;
}

async function comment(
  clipId: string,
  caller: Caller,
  body: string,
  parentId: string | null = null,
): Promise<string> {
  const row = await commitAs(
    caller,
    `insert into comments (clip_id, body, parent_id) values ($1, $2, $3)
     returning id`,
    [clipId, body, parentId],
  );
  return row.id as string;
}

async function statuses(clipId: string): Promise<string[]> {
  const detail = await clipDetail(org, 'outsider', clipId);
  return detail.endorsements.map((endorsement) => endorsement.status);
}

describe('clip_detail', () => {
  it("names the clip's author and the author's team", async () => {
    const clipId = await createClip(org);

    const detail = await clipDetail(org, 'outsider', clipId);

    expect(detail.clip).toMatchObject({
      id: clipId,
      author_name: 'author',
      author_team_name: 'Operations',
    });
  });

  it("refuses a teammate the author's draft as not found", async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const failure = await failureOf(() => clipDetail(org, 'teammate', clipId));

    expect(failure).toEqual({
      code: 'P0002',
      message: 'this clip does not exist or is not shared with you',
    });
  });

  it('shows the author their own draft', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const detail = await clipDetail(org, 'author', clipId);

    expect(detail.clip.state).toBe('draft');
  });

  it("keeps a deleted comment's place without its body", async () => {
    const clipId = await createClip(org);
    const first = await comment(clipId, 'teammate', 'Secret remark.');
    await comment(clipId, 'author', 'A reply.', first);
    await commitAs(
      'teammate',
      'update comments set deleted_at = now() ' + 'where id = $1',
      [first],
    );

    const detail = await clipDetail(org, 'outsider', clipId);

    expect(detail.comments.map((c) => [c.body, c.deleted])).toEqual([
      ['', true],
      ['A reply.', false],
    ]);
  });

  it('lists the thread oldest first, replies naming their parent', async () => {
    const clipId = await createClip(org);
    const first = await comment(clipId, 'teammate', 'First.');
    await comment(clipId, 'outsider', 'Second.', first);

    const detail = await clipDetail(org, 'author', clipId);

    expect(detail.comments.map((c) => c.parent_id)).toEqual([null, first]);
  });

  it('lapses an endorsement when the author edits the note', async () => {
    const clipId = await createClip(org);
    await endorse(clipId, 'teammate');

    await arrange(org, `update clips set note = 'Edited.' where id = $1`, [
      clipId,
    ]);

    expect(await statuses(clipId)).toEqual(['lapsed']);
  });

  it('says an official endorsement past its date expired', async () => {
    const clipId = await createClip(org, { regulated: true });
    await arrange(
      org,
      `insert into endorsements (clip_id, endorser_id, kind, content_hash,
         expires_at, created_at)
       values ($1, $2, 'official', '', now() - interval '1 day',
         now() - interval '91 days')`,
      [clipId, org.people.endorser],
    );

    expect(await statuses(clipId)).toEqual(['expired']);
  });

  it('lists a withdrawn endorsement after the newer active one', async () => {
    const clipId = await createClip(org);
    const first = await endorse(clipId, 'teammate');
    await commitAs('teammate', 'select withdraw_endorsement($1)', [first]);
    await endorse(clipId, 'teammate');

    expect(await statuses(clipId)).toEqual(['active', 'withdrawn']);
  });

  it('trusts a regulated clip its endorser endorsed officially', async () => {
    const clipId = await createClip(org, { regulated: true });
    await endorse(clipId, 'endorser', 'official');

    const detail = await clipDetail(org, 'teammate', clipId);

    expect(detail.trust).toBe('trusted');
  });

  it('lets only the topic endorser endorse officially', async () => {
    const clipId = await createClip(org, { regulated: true });

    const endorser = await clipDetail(org, 'endorser', clipId);
    const teammate = await clipDetail(org, 'teammate', clipId);

    expect([endorser, teammate].map((d) => d.can_endorse_officially)).toEqual([
      true,
      false,
    ]);
  });

  it('says whether the reader follows the author and the topic', async () => {
    const clipId = await createClip(org);
    await arrange(
      org,
      'insert into follows (follower_id, followed_profile_id) values ($1, $2)',
      [org.people.outsider, org.people.author],
    );

    const detail = await clipDetail(org, 'outsider', clipId);

    expect([detail.following_author, detail.following_topic]).toEqual([
      true,
      false,
    ]);
  });

  it('marks a review of earlier text as no longer current', async () => {
    const clipId = await createClip(org, { state: 'in_review' });
    await commitAs(
      'teammate',
      `select review($1, 'changes', improve => 'Cite the page.')`,
      [clipId],
    );
    await arrange(org, `update clips set note = 'Cited.' where id = $1`, [
      clipId,
    ]);

    const detail = await clipDetail(org, 'author', clipId);

    expect(detail.reviews).toMatchObject([
      { verdict: 'changes', improve: 'Cite the page.', current: false },
    ]);
  });
});

describe('review_queue', () => {
  async function queued(caller: Caller): Promise<string[]> {
    return (await reviewQueue(org, caller)).map((item) => item.id);
  }

  it("holds a team clip for the author's teammate only", async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const holders = await Promise.all(
      (['teammate', 'outsider', 'endorser', 'author'] as Caller[]).map(
        async (caller) => (await queued(caller)).includes(clipId),
      ),
    );

    expect(holders).toEqual([true, false, false, false]);
  });

  it('holds a regulated clip for the endorser of another team', async () => {
    const clipId = await createClip(org, {
      state: 'in_review',
      regulated: true,
    });

    const holders = await Promise.all(
      (['endorser', 'outsider'] as Caller[]).map(async (caller) =>
        (await queued(caller)).includes(clipId),
      ),
    );

    expect(holders).toEqual([true, false]);
  });

  it("answers the reader's verdict on the current text", async () => {
    const clipId = await createClip(org, {
      state: 'in_review',
      regulated: true,
    });
    await commitAs('teammate', `select review($1, 'approve')`, [clipId]);

    const queue = await reviewQueue(org, 'teammate');

    expect(queue.find((item) => item.id === clipId)?.my_verdict).toBe(
      'approve',
    );
  });

  it('lists the oldest submission first', async () => {
    const older = await createClip(org, { state: 'in_review' });
    const newer = await createClip(org, { state: 'in_review' });
    await arrange(
      org,
      `update clips set submitted_at = now() - interval '1 hour'
       where id = $1`,
      [older],
    );

    const ids = await queued('teammate');

    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
  });

  it('answers a pending account an empty queue', async () => {
    await createClip(org, { state: 'in_review' });

    expect(await reviewQueue(org, 'pending')).toEqual([]);
  });
});
