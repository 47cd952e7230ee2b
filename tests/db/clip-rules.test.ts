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

describe('clip edits', () => {
  it('changes nothing when someone else updates a clip', async () => {
    const id = await createClip(org);

    const rows = await queryAs(
      org,
      'teammate',
      `update clips set note = 'mine now' where id = $1 returning id`,
      [id],
    );

    expect(rows).toEqual([]);
  });

  it('bumps the version and the content hash when the note changes', async () => {
    const id = await createClip(org);
    const [before] = await arrange(
      org,
      'select content_hash from clips where id = $1',
      [id],
    );

    const [after] = await queryAs(
      org,
      'author',
      `update clips set note = 'Edited.' where id = $1
       returning version, content_hash`,
      [id],
    );

    expect(after).toEqual({ version: 2, content_hash: expect.any(String) });
    expect(after!.content_hash).not.toBe(before!.content_hash);
  });

  it('refuses a change of author', async () => {
    const id = await createClip(org);

    const message = await errorOf(() =>
      queryAs(org, 'author', 'update clips set author_id = $2 where id = $1', [
        id,
        org.people.teammate,
      ]),
    );

    expect(message).toBe('a clip keeps its id, author, team and creation time');
  });

  it('refuses to move a clip to another team', async () => {
    const id = await createClip(org);

    const message = await errorOf(() =>
      queryAs(org, 'author', 'update clips set team_id = $2 where id = $1', [
        id,
        org.teams.safety,
      ]),
    );

    expect(message).toBe('a clip keeps its id, author, team and creation time');
  });

  it('refuses to remove rows: deleting is setting deleted_at', async () => {
    const id = await createClip(org);

    const message = await errorOf(() =>
      queryAs(org, 'author', 'delete from clips where id = $1', [id]),
    );

    expect(message).toBe('permission denied for table clips');
  });

  it('refuses a new clip that skips the draft state', async () => {
    const message = await errorOf(() =>
      queryAs(
        org,
        'author',
        `insert into clips (id, source_url, canonical_url, state)
         values (gen_random_uuid(), 'https://a.example.com/',
           'https://a.example.com/', 'published')`,
      ),
    );

    expect(message).toBe('a new clip starts as a draft');
  });

  it("refuses a clip written in someone else's name", async () => {
    const message = await errorOf(() =>
      queryAs(
        org,
        'author',
        `insert into clips (id, author_id, source_url, canonical_url)
         values (gen_random_uuid(), $1, 'https://a.example.com/',
           'https://a.example.com/')`,
        [org.people.teammate],
      ),
    );

    expect(message).toBe(
      'new row violates row-level security policy for table "clips"',
    );
  });

  it('refuses a quote over 100,000 characters', async () => {
    const id = await createClip(org, { state: 'draft' });

    const message = await errorOf(() =>
      queryAs(org, 'author', 'update clips set quote = $2 where id = $1', [
        id,
        'x'.repeat(100_001),
      ]),
    );

    expect(message).toContain('violates check constraint "clips_quote_check"');
  });
});

describe('publishing', () => {
  it('refuses to send for review without the checklist', async () => {
    const id = await createClip(org, { state: 'draft' });

    const message = await errorOf(() =>
      queryAs(org, 'author', 'select submit_for_review($1, null)', [id]),
    );

    expect(message).toBe('acknowledge the publishing checklist first');
  });

  it('refuses an outdated checklist version', async () => {
    const id = await createClip(org, { state: 'draft' });

    const message = await errorOf(() =>
      queryAs(org, 'author', 'select submit_for_review($1, $2)', [
        id,
        org.checklistVersion - 1,
      ]),
    );

    expect(message).toBe(
      `acknowledge the publishing checklist (version ${org.checklistVersion}) first`,
    );
  });

  it('records the acknowledged checklist version', async () => {
    const id = await createClip(org, { state: 'draft' });

    const [clip] = await queryAs(
      org,
      'author',
      'select state, checklist_version from submit_for_review($1, $2)',
      [id, org.checklistVersion],
    );

    expect(clip).toEqual({
      state: 'in_review',
      checklist_version: org.checklistVersion,
    });
  });

  it('publishes at once when the team needs no approval', async () => {
    const id = await createClip(org, { state: 'draft' });
    await arrange(
      org,
      'update teams set approvals_required = 0 where id = $1',
      [org.teams.operations],
    );

    const [clip] = await queryAs(
      org,
      'author',
      'select state from submit_for_review($1, $2)',
      [id, org.checklistVersion],
    );
    await arrange(
      org,
      'update teams set approvals_required = 1 where id = $1',
      [org.teams.operations],
    );

    expect(clip).toEqual({ state: 'published' });
  });

  it('still reviews a regulated clip when the team needs no approval', async () => {
    const id = await createClip(org, { state: 'draft', regulated: true });
    await arrange(
      org,
      'update teams set approvals_required = 0 where id = $1',
      [org.teams.operations],
    );

    const [clip] = await queryAs(
      org,
      'author',
      'select state from submit_for_review($1, $2)',
      [id, org.checklistVersion],
    );
    await arrange(
      org,
      'update teams set approvals_required = 1 where id = $1',
      [org.teams.operations],
    );

    expect(clip).toEqual({ state: 'in_review' });
  });

  it('refuses an author who publishes their own clip in review', async () => {
    const id = await createClip(org, { state: 'in_review' });

    const message = await errorOf(() =>
      queryAs(
        org,
        'author',
        `update clips set state = 'published' where id = $1`,
        [id],
      ),
    );

    expect(message).toBe('this clip does not have its approvals yet');
  });

  it('refuses to publish a draft that needs approval', async () => {
    const id = await createClip(org, { state: 'draft' });

    const message = await errorOf(() =>
      queryAs(
        org,
        'author',
        `update clips set state = 'published', checklist_version = $2
         where id = $1`,
        [id, org.checklistVersion],
      ),
    );

    expect(message).toBe('this clip needs approval: send it for review');
  });
});
