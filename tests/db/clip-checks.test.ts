import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  arrange,
  createOrganisation,
  type Organisation,
} from './helpers/rules-org.ts';

// The clips table checks its URLs and tags with expressions of its own and
// prepares a new clip with a trigger of its own; the rules are those of
// private.is_web_url, private.tags_valid and prepare_clip.

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

/** Whether the table takes a clip with these columns, as trusted code. */
async function tableTakes(columns: Record<string, unknown>): Promise<boolean> {
  const fields = {
    id: randomUUID(),
    author_id: org.people.author,
    source_url: 'https://a.example/',
    canonical_url: 'https://a.example/',
    ...columns,
  };
  const names = Object.keys(fields);
  const client = await db.admin.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into public.clips (${names.join(', ')})
       values (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(fields),
    );
    return true;
  } catch {
    return false;
  } finally {
    await client.query('rollback');
    client.release();
  }
}

async function isWebUrl(url: string): Promise<boolean> {
  const [row] = await arrange(org, 'select private.is_web_url($1) as ok', [
    url,
  ]);
  return row!.ok as boolean;
}

async function tagsValid(tags: (string | null)[]): Promise<boolean> {
  const [row] = await arrange(
    org,
    'select private.tags_valid($1::text[]) as ok',
    [tags],
  );
  return row!.ok as boolean;
}

const urls = [
  'https://a.example/page?q=1#top',
  'http://a',
  'http://s://x',
  'https://é.example/ü',
  `https://a.example/${'p'.repeat(2030)}`,
  `https://a.example/${'p'.repeat(2031)}`,
  `https://a.example/${'é'.repeat(2030)}`,
  `https://a.example/${'é'.repeat(2031)}`,
  'https://',
  'http://',
  'https:///a',
  'https://?q',
  'https://#top',
  'https://a b',
  'https://a\tb',
  'https://a\n',
  ' https://a',
  'https://a\u3000b',
  'https://a\u00a0b',
  'HTTPS://a',
  'ftp://a',
  'https//a',
  'https:/a',
  'file:///etc/passwd',
];

const tagLists: (string | null)[][] = [
  [],
  ['safety'],
  [''],
  ['a', null],
  Array.from({ length: 20 }, (_, i) => `t${i}`),
  Array.from({ length: 21 }, (_, i) => `t${i}`),
  ['x'.repeat(50)],
  ['x'.repeat(51)],
  ['é'.repeat(50)],
  ['é'.repeat(51)],
  ['x'.repeat(30), 'y'.repeat(30)],
  ['x'.repeat(30), 'y'.repeat(51)],
  ['night\nshift'],
];

// Limits count characters, not bytes: é takes two bytes, € three.
const texts: [string, number, string, boolean][] = [
  ['title', 1000, 'x', true],
  ['title', 1001, 'x', false],
  ['title', 1000, 'é', true],
  ['site', 255, '€', true],
  ['site', 256, '€', false],
  ['quote', 100_000, 'é', true],
  ['quote', 100_001, 'é', false],
  ['byline', 1001, 'é', false],
  ['excerpt', 5000, 'é', true],
  ['excerpt', 5001, 'é', false],
  ['note', 20_000, 'é', true],
  ['note', 20_001, 'é', false],
];

describe('the clips table', () => {
  it.each(texts)(
    'takes a %s of %i × %s: %s',
    async (column, count, character, expected) => {
      const actual = await tableTakes({ [column]: character.repeat(count) });

      expect(actual).toBe(expected);
    },
  );

  it.each(urls)('takes the source URL %j as is_web_url does', async (url) => {
    const expected = await isWebUrl(url);

    const actual = await tableTakes({ source_url: url });

    expect(actual).toBe(expected);
  });

  it.each(urls)(
    'takes the canonical URL %j as is_web_url does',
    async (url) => {
      const expected = await isWebUrl(url);

      const actual = await tableTakes({ canonical_url: url });

      expect(actual).toBe(expected);
    },
  );

  it.each(tagLists.map((tags) => [tags]))(
    'takes the tags %j as tags_valid does',
    async (tags) => {
      const expected = await tagsValid(tags);

      const actual = await tableTakes({ tags });

      expect(actual).toBe(expected);
    },
  );
});

/** Inserts a clip as the author and reads back what the table made of it. */
async function insertedByAuthor(
  columns: Record<string, unknown>,
  before?: string,
): Promise<Record<string, unknown>> {
  const id = randomUUID();
  const fields = {
    id,
    source_url: 'https://a.example/',
    canonical_url: 'https://a.example/',
    ...columns,
  };
  const names = Object.keys(fields);
  return db.asUser(org.people.author, async (client) => {
    if (before) await client.query(before);
    await client.query(
      `insert into clips (${names.join(', ')})
       values (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(fields),
    );
    await client.query('reset role');
    const { rows } = await client.query(
      `select team_id, version, created_at = now() as created_now,
         deleted_at, checklist_version, published_at,
         content_hash = private.content_hash(quote, note) as hashed
       from clips where id = $1`,
      [id],
    );
    return rows[0]!;
  });
}

describe('a new clip of a person', () => {
  it('belongs to the author team, whatever team it names', async () => {
    const clip = await insertedByAuthor({ team_id: org.teams.safety });

    expect(clip.team_id).toBe(org.teams.operations);
  });

  it('belongs to the author team, whatever the transaction set before', async () => {
    const forged = `select set_config('peerclip.writer_team',
      '${org.people.author} ${org.teams.safety}', true)`;

    const clip = await insertedByAuthor({}, forged);

    expect(clip.team_id).toBe(org.teams.operations);
  });

  it('starts at version 1 with its hash and no life yet', async () => {
    const clip = await insertedByAuthor({
      version: 7,
      created_at: '2020-01-01',
      deleted_at: '2020-01-01',
      checklist_version: 3,
      published_at: '2020-01-01',
      content_hash: 'forged',
    });

    expect(clip).toMatchObject({
      version: 1,
      created_now: true,
      deleted_at: null,
      checklist_version: null,
      published_at: null,
      hashed: true,
    });
  });
});

describe('a new clip of trusted code', () => {
  it('keeps the team and creation time it names', async () => {
    const id = randomUUID();

    await arrange(
      org,
      `insert into clips (id, author_id, team_id, source_url, canonical_url,
         created_at)
       values ($1, $2, $3, 'https://a.example/', 'https://a.example/',
         '2020-01-01T00:00:00Z')`,
      [id, org.people.author, org.teams.safety],
    );

    const [row] = await arrange(
      org,
      `select team_id, created_at = '2020-01-01T00:00:00Z' as kept_time
       from clips where id = $1`,
      [id],
    );
    expect(row).toEqual({ team_id: org.teams.safety, kept_time: true });
  });
});
