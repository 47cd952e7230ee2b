import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  arrange,
  createClip,
  createOrganisation,
  errorOf,
  queryAs,
  type Caller,
  type Organisation,
} from './helpers/rules-org.ts';

let db: TestDatabase;
let org: Organisation;
let secondTeammate: string;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
  secondTeammate = await db.createUser({ email: 'second@example.com' });
  await arrange(org, 'update profiles set team_id = $2 where id = $1', [
    secondTeammate,
    org.teams.operations,
  ]);
});
afterAll(() => db.stop());

async function review(
  clipId: string,
  caller: Caller,
  verdict: 'approve' | 'changes',
  improve = '',
): Promise<string> {
  const [row] = await queryAs(
    org,
    caller,
    `select review($1, $2, improve => $3) ->> 'clip_state' as state`,
    [clipId, verdict, improve],
    { commit: true },
  );
  return row!.state as string;
}

async function stateOf(clipId: string): Promise<string> {
  const [row] = await arrange(org, 'select state from clips where id = $1', [
    clipId,
  ]);
  return row!.state as string;
}

describe('review', () => {
  it('publishes a clip when a teammate approves', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const state = await review(clipId, 'teammate', 'approve');

    expect(state).toBe('published');
  });

  it('refuses an author who reviews their own clip', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const message = await errorOf(() => review(clipId, 'author', 'approve'));

    expect(message).toBe('nobody reviews their own clip');
  });

  it('refuses a member of another team', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const message = await errorOf(() => review(clipId, 'outsider', 'approve'));

    expect(message).toBe('you can review only clips waiting for your review');
  });

  it('refuses to review a draft', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const message = await errorOf(() => review(clipId, 'teammate', 'approve'));

    expect(message).toBe('you can review only clips waiting for your review');
  });

  it('sends the clip back to draft on "changes"', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    await review(clipId, 'teammate', 'changes', 'Link the source.');

    expect(await stateOf(clipId)).toBe('draft');
  });

  it('shows the feedback to the author', async () => {
    const clipId = await createClip(org, { state: 'in_review' });
    await review(clipId, 'teammate', 'changes', 'Link the source.');

    const rows = await queryAs(
      org,
      'author',
      'select improve from reviews where clip_id = $1',
      [clipId],
    );

    expect(rows).toEqual([{ improve: 'Link the source.' }]);
  });

  it('refuses "changes" without saying what to improve', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const message = await errorOf(() => review(clipId, 'teammate', 'changes'));

    expect(message).toBe('say what to improve when asking for changes');
  });
});

describe('approvals', () => {
  it('keeps a regulated clip in review until a topic endorser approves', async () => {
    const clipId = await createClip(org, {
      state: 'in_review',
      regulated: true,
    });

    const state = await review(clipId, 'teammate', 'approve');

    expect(state).toBe('in_review');
  });

  it("publishes a regulated clip on the topic endorser's approval", async () => {
    const clipId = await createClip(org, {
      state: 'in_review',
      regulated: true,
    });

    const state = await review(clipId, 'endorser', 'approve');

    expect(state).toBe('published');
  });

  it('voids approvals given to text that was edited since', async () => {
    await arrange(
      org,
      'update teams set approvals_required = 2 where id = $1',
      [org.teams.operations],
    );
    const clipId = await createClip(org, { state: 'in_review' });
    await review(clipId, 'teammate', 'approve');
    await queryAs(
      org,
      'author',
      `update clips set note = 'Better.' where id = $1`,
      [clipId],
      {
        commit: true,
      },
    );

    await db.asUser(
      secondTeammate,
      (client) => client.query(`select review($1, 'approve')`, [clipId]),
      { commit: true },
    );
    await arrange(
      org,
      'update teams set approvals_required = 1 where id = $1',
      [org.teams.operations],
    );

    expect(await stateOf(clipId)).toBe('in_review');
  });

  it('publishes when the required approvals of the current text are in', async () => {
    await arrange(
      org,
      'update teams set approvals_required = 2 where id = $1',
      [org.teams.operations],
    );
    const clipId = await createClip(org, { state: 'in_review' });
    await review(clipId, 'teammate', 'approve');

    await db.asUser(
      secondTeammate,
      (client) => client.query(`select review($1, 'approve')`, [clipId]),
      { commit: true },
    );
    await arrange(
      org,
      'update teams set approvals_required = 1 where id = $1',
      [org.teams.operations],
    );

    expect(await stateOf(clipId)).toBe('published');
  });
});
