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

interface FeedItem {
  id: string;
  trust: string;
  in_network: boolean;
  comment_count: number;
  peer_endorsement_count: number;
}

interface FeedPage {
  items: FeedItem[];
  cursor: string | null;
}

let db: TestDatabase;
let org: Organisation;
let teamClip: string;
let trustedClip: string;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
  for (let i = 0; i < 5; i++) await createClip(org);
  await createClip(org, { author: 'outsider' });
  await createClip(org, { state: 'draft' });
  teamClip = await createClip(org, { visibility: 'team' });
  trustedClip = await createClip(org, { author: 'teammate', regulated: true });
  await queryAs(
    org,
    'endorser',
    `select endorse($1, 'official')`,
    [trustedClip],
    { commit: true },
  );
});
afterAll(() => db.stop());

async function feedPage(
  caller: Caller,
  scope: string,
  target: string | null = null,
  cursor: string | null = null,
  max = 20,
): Promise<FeedPage> {
  const [row] = await queryAs(
    org,
    caller,
    'select feed_page($1, $2, $3, $4) as page',
    [scope, target, cursor, max],
  );
  return row!.page as FeedPage;
}

async function allPages(caller: Caller, scope: string, max: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: FeedPage = await feedPage(caller, scope, null, cursor, max);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

describe('feed_page', () => {
  it('pages through every published clip once, in pages of 2', async () => {
    const ids = await allPages('author', 'everyone', 2);

    expect(new Set(ids).size).toBe(8);
  });

  it('ranks the clip with a valid official endorsement first', async () => {
    const { items } = await feedPage('author', 'everyone');

    expect(items[0]).toMatchObject({ id: trustedClip, trust: 'trusted' });
  });

  it('leaves out a team clip for a member of another team', async () => {
    const ids = await allPages('outsider', 'everyone', 50);

    expect(ids).not.toContain(teamClip);
  });

  it("shows the team scope only clips of the reader's team", async () => {
    const ids = await allPages('outsider', 'team', 50);

    expect(ids).toHaveLength(1);
  });

  it('counts active peer endorsements', async () => {
    await queryAs(org, 'outsider', 'select endorse($1)', [trustedClip], {
      commit: true,
    });

    const { items } = await feedPage('author', 'everyone');

    expect(items[0]!.peer_endorsement_count).toBe(1);
  });

  it('marks a regulated clip without official endorsement as awaiting', async () => {
    await arrange(
      org,
      'update endorsements set withdrawn_at = now() where clip_id = $1 and kind = $2',
      [trustedClip, 'official'],
    );

    const { items } = await feedPage(
      'author',
      'page',
      'https://wiki.example.com/a',
    );
    await queryAs(
      org,
      'endorser',
      `select endorse($1, 'official')`,
      [trustedClip],
      { commit: true },
    );

    const item = items.find((candidate) => candidate.id === trustedClip);
    expect(item!.trust).toBe('awaiting_endorsement');
  });

  it('refuses a cursor it did not make', async () => {
    const message = await errorOf(() =>
      feedPage('author', 'everyone', null, 'bm90IGEgY3Vyc29y'),
    );

    expect(message).toBe('cursor is not one that feed_page returned');
  });

  it('refuses an unknown scope', async () => {
    const message = await errorOf(() => feedPage('author', 'friends'));

    expect(message).toBe(
      'scope must be following, team, everyone, site or page',
    );
  });
});
