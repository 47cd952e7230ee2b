// A small organisation for the rule tests: one person in each position the
// rules tell apart, two teams and two topics (one regulated).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AsUserOptions, TestDatabase, UserClient } from './database.ts';

/** The positions the rules distinguish (plus `anon`, who is nobody). */
export type Person =
  'author' | 'teammate' | 'outsider' | 'endorser' | 'admin' | 'pending';

/** Who calls: a person of the organisation, or anon without a session. */
export type Caller = Person | 'anon';

/** Ids of everything createOrganisation made. */
export interface Organisation {
  db: TestDatabase;
  people: Record<Person, string>;
  teams: { operations: string; safety: string };
  topics: { regulated: string; plain: string };
  checklistVersion: number;
}

/** What a test clip may differ in. */
export interface ClipOptions {
  author?: Person;
  state?: 'draft' | 'in_review' | 'published' | 'archived';
  visibility?: 'team' | 'organisation';
  regulated?: boolean;
  quote?: string;
  note?: string;
}

const teamOf: Record<Person, 'operations' | 'safety' | null> = {
  author: 'operations',
  teammate: 'operations',
  outsider: 'safety',
  endorser: 'safety',
  admin: 'safety',
  pending: null,
};

/**
 * Creates the organisation: author and teammate in Operations; outsider,
 * endorser (of the regulated topic) and admin in Safety; a pending account
 * from another domain. Both teams need one approval.
 */
export async function createOrganisation(
  db: TestDatabase,
): Promise<Organisation> {
  const admin = db.admin;
  await admin.query(`update public.organisation_settings
    set allowed_domains = '{example.com}', checklist = '["Cite it"]'`);
  const teams = {
    operations: await insertId(admin, 'teams', { name: 'Operations' }),
    safety: await insertId(admin, 'teams', { name: 'Safety' }),
  };
  const topics = {
    regulated: await insertId(admin, 'topics', {
      name: 'Health & Safety',
      regulated: true,
    }),
    plain: await insertId(admin, 'topics', { name: 'IT' }),
  };

  const people = {} as Record<Person, string>;
  for (const person of Object.keys(teamOf) as Person[]) {
    const domain = person === 'pending' ? 'partner.invalid' : 'example.com';
    people[person] = await db.createUser({ email: `${person}@${domain}` });
    const team = teamOf[person];
    await admin.query('update public.profiles set team_id = $2 where id = $1', [
      people[person],
      team && teams[team],
    ]);
  }
  await admin.query(`update public.profiles set role = 'admin' where id = $1`, [
    people.admin,
  ]);
  await admin.query(
    'insert into public.topic_endorsers (topic_id, profile_id) values ($1, $2)',
    [topics.regulated, people.endorser],
  );

  const { rows } = await admin.query(
    'select checklist_version from public.organisation_settings',
  );
  return {
    db,
    people,
    teams,
    topics,
    checklistVersion: rows[0].checklist_version,
  };
}

/** Runs fn as the caller, in a transaction rolled back unless told. */
export function as<T>(
  org: Organisation,
  caller: Caller,
  fn: (client: UserClient) => Promise<T>,
  options?: AsUserOptions,
): Promise<T> {
  return org.db.asUser(
    caller === 'anon' ? null : org.people[caller],
    fn,
    options,
  );
}

/** Runs one query as the caller (rolled back unless told) and returns rows. */
export function queryAs(
  org: Organisation,
  caller: Caller,
  sql: string,
  values: unknown[] = [],
  options?: AsUserOptions,
): Promise<Record<string, unknown>[]> {
  return as(
    org,
    caller,
    async (client) => (await client.query(sql, values)).rows,
    options,
  );
}

/**
 * Writes a clip as trusted code (as seed.sql does), in any state, and
 * returns its id.
 */
export async function createClip(
  org: Organisation,
  options: ClipOptions = {},
): Promise<string> {
  const id = randomUUID();
  await org.db.admin.query(
    `insert into public.clips (id, author_id, source_url, canonical_url,
       quote, note, state, visibility, topic_id, checklist_version)
     values ($1, $2, 'https://wiki.example.com/a', 'https://wiki.example.com/a',
       $3, $4, $5, $6, $7, $8)`,
    [
      id,
      org.people[options.author ?? 'author'],
      options.quote ?? 'Fire doors stay closed.',
      options.note ?? 'Worth knowing.',
      options.state ?? 'published',
      options.visibility ?? 'organisation',
      options.regulated ? org.topics.regulated : org.topics.plain,
      options.state === 'draft' ? null : org.checklistVersion,
    ],
  );
  return id;
}

/** Runs one query as trusted code and returns its rows. */
export async function arrange(
  org: Organisation,
  sql: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const { rows } = await org.db.admin.query(sql, values);
  return rows;
}

/** Runs fn and returns the message of the error it throws ('' if none). */
export async function errorOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

async function insertId(
  admin: pg.Pool,
  table: string,
  values: Record<string, unknown>,
): Promise<string> {
  const columns = Object.keys(values);
  const { rows } = await admin.query(
    `insert into public.${table} (${columns.join(', ')})
     values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    Object.values(values),
  );
  return rows[0].id;
}
