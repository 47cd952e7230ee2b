import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../utils/remote/sync-wire.ts';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  directory,
  failureOf,
  saveGuide,
  setFollow,
} from './helpers/peer-calls.ts';
import {
  arrange,
  as,
  createClip,
  createOrganisation,
  queryAs,
  type Caller,
  type Organisation,
} from './helpers/rules-org.ts';

let db: TestDatabase;
let org: Organisation;
let defaultChecklist: unknown;

beforeAll(async () => {
  db = await startTestDatabase();
  const [settings] = (
    await db.admin.query('select checklist from organisation_settings')
  ).rows;
  defaultChecklist = settings?.checklist;
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

async function followCount(caller: Caller): Promise<number> {
  const rows = await arrange(
    org,
    'select count(*)::int as n from follows where follower_id = $1',
    [org.people[caller as Exclude<Caller, 'anon'>]],
  );
  return rows[0]!.n as number;
}

async function feedItem(caller: Caller, clipId: string): Promise<FeedItem> {
  const [row] = await queryAs(
    org,
    caller,
    `select item from jsonb_array_elements(
       feed_page('everyone', max => 100) -> 'items') item
     where item ->> 'id' = $1`,
    [clipId],
  );
  return row!.item as FeedItem;
}

describe('the default publishing checklist', () => {
  it('gives a new organisation guidelines drawn from the product', () => {
    expect(defaultChecklist).toContain('The note says why it matters to peers');
  });
});

describe('workspace_directory', () => {
  it('says who the reader is, with their team', async () => {
    const { me } = await directory(org, 'author');

    expect(me).toMatchObject({ team_name: 'Operations', role: 'member' });
  });

  it('marks the topics the reader endorses', async () => {
    const { topics } = await directory(org, 'endorser');

    expect(topics.filter((t) => t.i_endorse).map((t) => t.name)).toEqual([
      'Health & Safety',
    ]);
  });

  it('lets only an admin edit the guide', async () => {
    const member = await directory(org, 'author');
    const admin = await directory(org, 'admin');

    expect([member.guide.can_edit, admin.guide.can_edit]).toEqual([
      false,
      true,
    ]);
  });

  it("says how many approvals the reader's team needs", async () => {
    const { me } = await directory(org, 'author');

    expect(me.team_approvals_required).toBe(1);
  });

  it('follows a change of the team to publishing without review', async () => {
    const [row] = await as(org, 'admin', async (client) => {
      await client.query(
        'update teams set approvals_required = 0 where id = $1',
        [org.teams.safety],
      );
      return (await client.query('select workspace_directory() as d')).rows;
    });

    expect(row!.d.me.team_approvals_required).toBe(0);
  });

  it('falls back to the organisation default without a team', async () => {
    const [row] = await as(org, 'admin', async (client) => {
      await client.query(
        'update organisation_settings set default_approvals = 3',
      );
      await client.query('update profiles set team_id = null where id = $1', [
        org.people.admin,
      ]);
      return (await client.query('select workspace_directory() as d')).rows;
    });

    expect(row!.d.me.team_approvals_required).toBe(3);
  });

  it('tells a pending account one approval', async () => {
    const { me } = await directory(org, 'pending');

    expect(me.team_approvals_required).toBe(1);
  });

  it('answers a pending account its profile and an empty guide', async () => {
    const answer = await directory(org, 'pending');

    expect([answer.me.status, answer.guide.version]).toEqual(['pending', 0]);
  });
});

describe('set_follow', () => {
  it('follows a person once however often it is asked', async () => {
    await setFollow(org, 'outsider', 'person', org.people.teammate, true);
    await setFollow(org, 'outsider', 'person', org.people.teammate, true);

    expect(await followCount('outsider')).toBe(1);
  });

  it('unfollows what is not followed without complaint', async () => {
    await setFollow(org, 'endorser', 'topic', org.topics.plain, false);

    expect(await followCount('endorser')).toBe(0);
  });

  it('lists the follows in the directory', async () => {
    await setFollow(org, 'teammate', 'topic', org.topics.plain, true);

    const { follows } = await directory(org, 'teammate');

    expect(follows).toEqual({ people: [], topics: [org.topics.plain] });
  });

  it('refuses an unknown kind with a readable reason', async () => {
    const failure = await failureOf(() =>
      setFollow(org, 'author', 'team', org.teams.operations, true),
    );

    expect(failure).toEqual({
      code: '22023',
      message: 'kind must be person or topic',
    });
  });

  it('refuses to follow yourself', async () => {
    const failure = await failureOf(() =>
      setFollow(org, 'author', 'person', org.people.author, true),
    );

    expect(failure.message).toBe('you cannot follow yourself');
  });

  it('refuses a pending account', async () => {
    const failure = await failureOf(() =>
      setFollow(org, 'pending', 'topic', org.topics.plain, true),
    );

    expect(failure.code).toBe('42501');
  });
});

describe('save_publishing_guide', () => {
  const links = [{ title: 'Wiki etiquette', url: 'https://wiki.example.com' }];

  it('refuses a member who is not an admin', async () => {
    const failure = await failureOf(() =>
      saveGuide(org, 'author', ['Cite the page']),
    );

    expect(failure).toEqual({
      code: '42501',
      message: 'only an admin edits the publishing guide',
    });
  });

  it('saves the guide and bumps its version', async () => {
    const before = await directory(org, 'admin');

    const guide = await saveGuide(org, 'admin', [' Cite the page '], links);

    expect(guide).toEqual({
      checklist: ['Cite the page'],
      policy_links: links,
      version: before.guide.version + 1,
      can_edit: true,
    });
  });

  it('keeps the version when the same guide is saved again', async () => {
    const first = await saveGuide(org, 'admin', ['Same'], links);

    const second = await saveGuide(org, 'admin', ['Same'], links);

    expect(second.version).toBe(first.version);
  });

  it('names every problem of a bad guide at once', async () => {
    const failure = await failureOf(() =>
      saveGuide(org, 'admin', ['Fine', ''], [{ title: 'x', url: 'ftp://a' }]),
    );

    expect(failure.message).toBe(
      'checklist item 2 must be text of 1 to 500 characters; ' +
        'policy link 1 needs a title of 1 to 200 characters and an http or ' +
        'https url',
    );
  });

  it('refuses an empty checklist and more than 20 links', async () => {
    const many = Array.from({ length: 21 }, () => links[0]);

    const failure = await failureOf(() => saveGuide(org, 'admin', [], many));

    expect(failure.message).toBe(
      'the checklist must be a list of 1 to 20 items; ' +
        'the policy links must be a list of at most 20 links',
    );
  });
});

describe('feed_page items', () => {
  it("carry the author's team and the valid official endorsements", async () => {
    const clipId = await createClip(org, { regulated: true });
    await queryAs(org, 'endorser', `select endorse($1, 'official')`, [clipId], {
      commit: true,
    });

    const item = await feedItem('outsider', clipId);

    expect(item).toMatchObject({
      author_team_name: 'Operations',
      official_endorsement_count: 1,
    });
  });

  it("carry the reader's own active endorsement", async () => {
    const clipId = await createClip(org, { regulated: true });
    const [row] = await queryAs(
      org,
      'endorser',
      `select id from endorse($1, 'official')`,
      [clipId],
      { commit: true },
    );

    const item = await feedItem('endorser', clipId);

    expect(item.my_endorsement).toEqual({ id: row!.id, kind: 'official' });
  });

  it('drop the endorsement once it lapsed', async () => {
    const clipId = await createClip(org);
    await queryAs(org, 'teammate', 'select endorse($1)', [clipId], {
      commit: true,
    });
    await arrange(org, `update clips set note = 'Edited.' where id = $1`, [
      clipId,
    ]);

    const item = await feedItem('teammate', clipId);

    expect(item.my_endorsement).toBeNull();
  });

  it('let the topic endorser alone endorse officially', async () => {
    const clipId = await createClip(org, { regulated: true });

    const endorser = await feedItem('endorser', clipId);
    const outsider = await feedItem('outsider', clipId);

    expect(
      [endorser, outsider].map((item) => item.can_endorse_officially),
    ).toEqual([true, false]);
  });
});
