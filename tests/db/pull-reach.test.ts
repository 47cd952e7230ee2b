import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  arrange,
  createClip,
  createOrganisation,
  queryAs,
  type Organisation,
} from './helpers/rules-org.ts';
import type { PulledChange } from './helpers/rules-sync.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

describe('pull_changes when what a person keeps changes', () => {
  async function memberOf(team: string): Promise<string> {
    const id = await db.createUser({ email: `${randomUUID()}@example.com` });
    await arrange(org, 'update profiles set team_id = $2 where id = $1', [
      id,
      team,
    ]);
    return id;
  }

  async function pullAs(userId: string, since: number) {
    let cursor = since;
    const changes: PulledChange[] = [];
    for (;;) {
      const [row] = await db.asUser(userId, async (client) => {
        const result = await client.query('select pull_changes($1, 100) p', [
          cursor,
        ]);
        return result.rows;
      });
      changes.push(...row.p.changes);
      cursor = row.p.cursor;
      if (!row.p.has_more) return { changes, cursor };
    }
  }

  function changeOf(changes: PulledChange[], id: string) {
    return changes.filter((change) => change.id === id);
  }

  it('sends a tombstone when a clip in review goes back to draft', async () => {
    const reviewer = await memberOf(org.teams.operations);
    const clipId = await createClip(org, { state: 'in_review' });
    const { cursor } = await pullAs(reviewer, 0);

    await queryAs(
      org,
      'author',
      `update clips set state = 'draft' where id = $1`,
      [clipId],
      { commit: true },
    );

    const { changes } = await pullAs(reviewer, cursor);
    expect(changeOf(changes, clipId)).toMatchObject([{ deleted: true }]);
  });

  it('sends tombstones to a reviewer who leaves the team', async () => {
    const reviewer = await memberOf(org.teams.operations);
    const clipId = await createClip(org, { state: 'in_review' });
    const { cursor } = await pullAs(reviewer, 0);

    await arrange(org, 'update profiles set team_id = $2 where id = $1', [
      reviewer,
      org.teams.safety,
    ]);

    const { changes } = await pullAs(reviewer, cursor);
    expect(changeOf(changes, clipId)).toMatchObject([{ deleted: true }]);
  });

  it('sends the review queue in full to someone joining the team', async () => {
    const clipId = await createClip(org, { state: 'in_review' });
    const newcomer = await memberOf(org.teams.safety);
    const { cursor } = await pullAs(newcomer, 0);

    await arrange(org, 'update profiles set team_id = $2 where id = $1', [
      newcomer,
      org.teams.operations,
    ]);

    const { changes } = await pullAs(newcomer, cursor);
    expect(changeOf(changes, clipId)).toMatchObject([
      { deleted: false, record: { id: clipId, state: 'in_review' } },
    ]);
  });

  it('sends regulated clips in review to a new topic endorser', async () => {
    const clipId = await createClip(org, {
      state: 'in_review',
      regulated: true,
    });
    const endorser = await memberOf(org.teams.safety);
    const { cursor } = await pullAs(endorser, 0);

    await arrange(
      org,
      'insert into topic_endorsers (topic_id, profile_id) values ($1, $2)',
      [org.topics.regulated, endorser],
    );

    const { changes } = await pullAs(endorser, cursor);
    expect(changeOf(changes, clipId)).toMatchObject([{ deleted: false }]);
  });

  it('re-sends an endorsement that lapsed when the text changed', async () => {
    const endorser = await memberOf(org.teams.safety);
    const clipId = await createClip(org);
    await db.asUser(
      endorser,
      (client) => client.query('select endorse($1)', [clipId]),
      {
        commit: true,
      },
    );
    const { cursor } = await pullAs(endorser, 0);

    await queryAs(
      org,
      'author',
      `update clips set quote = 'New.' where id = $1`,
      [clipId],
      {
        commit: true,
      },
    );

    const { changes } = await pullAs(endorser, cursor);
    expect(changes).toMatchObject([
      { entity: 'endorsement', record: { active: false } },
    ]);
  });

  it('sends a clip in full when it comes back to review', async () => {
    const reviewer = await memberOf(org.teams.operations);
    const clipId = await createClip(org, { state: 'draft' });
    const { cursor } = await pullAs(reviewer, 0);

    await queryAs(
      org,
      'author',
      'select submit_for_review($1, $2)',
      [clipId, org.checklistVersion],
      { commit: true },
    );

    const { changes } = await pullAs(reviewer, cursor);
    expect(changeOf(changes, clipId)).toMatchObject([{ deleted: false }]);
  });
});
