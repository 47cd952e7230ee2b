// The allow/deny matrix: every table × command and every function, for
// each caller. An outcome is the number of rows a statement returned or
// changed (for functions: the number the cell's query selects as `n`), or
// the exact error message. Each cell runs in a transaction rolled back
// afterwards, so cells do not depend on each other.
import type { Caller } from './rules-org.ts';

/** The callers in the order of every outcome row. */
export const callers: Caller[] = [
  'anon',
  'pending',
  'author',
  'teammate',
  'outsider',
  'endorser',
  'admin',
];

/** Rows of the fixture that cells act on. */
export interface Targets {
  published: string;
  draft: string;
  inReview: string;
  comment: string;
  endorsement: string;
  review: string;
  follow: string;
  operations: string;
  regulatedTopic: string;
  plainTopic: string;
  endorser: string;
  author: string;
  checklistVersion: number;
}

/** One statement and what each caller gets from it. */
export interface Cell {
  name: string;
  sql: string;
  values?: (targets: Targets) => unknown[];
  /** Read the outcome from column `n` instead of the row count. */
  selectsCount?: boolean;
  outcomes: (number | string)[];
}

const noGrant = (table: string) => `permission denied for table ${table}`;
const noRow = (table: string) =>
  `new row violates row-level security policy for table "${table}"`;

/** Seven times the same outcome. */
export function all(outcome: number | string): (number | string)[] {
  return callers.map(() => outcome);
}

// Stands for "anon is refused by the grants of this table".
const anonRefused = '<anon refused>';

/** anon refused by grants, then the outcomes of the six signed-in callers. */
function signedIn(...outcomes: (number | string)[]): (number | string)[] {
  return [anonRefused, ...outcomes];
}

/** The cells of one table: select, insert, update, delete. */
function table(
  name: string,
  cells: Omit<Cell, 'name'>[],
  commands = ['select', 'insert', 'update', 'delete'],
): Cell[] {
  return cells.map((cell, index) => ({
    ...cell,
    name: `${name} ${commands[index]}`,
    outcomes: cell.outcomes.map((outcome) =>
      outcome === anonRefused ? noGrant(name) : outcome,
    ),
  }));
}

/** Every table × command. */
export const tableCells: Cell[] = [
  ...table('organisation_settings', [
    {
      sql: 'select * from organisation_settings',
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: `insert into organisation_settings (id) values (true)`,
      outcomes: all(noGrant('organisation_settings')),
    },
    {
      sql: 'update organisation_settings set default_approvals = 2',
      outcomes: signedIn(0, 0, 0, 0, 0, 1),
    },
    {
      sql: 'delete from organisation_settings',
      outcomes: all(noGrant('organisation_settings')),
    },
  ]),
  ...table('teams', [
    {
      sql: 'select * from teams where id = $1',
      values: (t) => [t.operations],
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: `insert into teams (name) values ('Finance')`,
      outcomes: signedIn(...Array(5).fill(noRow('teams')), 1),
    },
    {
      sql: `update teams set name = 'Ops' where id = $1`,
      values: (t) => [t.operations],
      outcomes: signedIn(0, 0, 0, 0, 0, 1),
    },
    {
      sql: 'delete from teams where id = $1',
      values: (t) => [t.operations],
      outcomes: signedIn(0, 0, 0, 0, 0, 1),
    },
  ]),
  ...table('topics', [
    {
      sql: 'select * from topics where id = $1',
      values: (t) => [t.plainTopic],
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: `insert into topics (name) values ('Finance')`,
      outcomes: signedIn(...Array(5).fill(noRow('topics')), 1),
    },
    {
      sql: 'update topics set regulated = true where id = $1',
      values: (t) => [t.plainTopic],
      outcomes: signedIn(0, 0, 0, 0, 0, 1),
    },
    {
      sql: 'delete from topics where id = $1',
      values: (t) => [t.plainTopic],
      outcomes: signedIn(0, 0, 0, 0, 0, 1),
    },
  ]),
  ...table('profiles', [
    {
      sql: 'select * from profiles where id = $1',
      values: (t) => [t.author],
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: `insert into profiles (id, display_name) values (gen_random_uuid(), 'X')`,
      outcomes: all(noGrant('profiles')),
    },
    {
      sql: `update profiles set display_name = 'Renamed' where id = $1`,
      values: (t) => [t.author],
      outcomes: signedIn(0, 1, 0, 0, 0, 1),
    },
    {
      sql: 'delete from profiles where id = $1',
      values: (t) => [t.author],
      outcomes: all(noGrant('profiles')),
    },
  ]),
  ...table('topic_endorsers', [
    {
      sql: 'select * from topic_endorsers where topic_id = $1 and profile_id = $2',
      values: (t) => [t.regulatedTopic, t.endorser],
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: 'insert into topic_endorsers (topic_id, profile_id) values ($1, $2)',
      values: (t) => [t.plainTopic, t.author],
      outcomes: signedIn(...Array(5).fill(noRow('topic_endorsers')), 1),
    },
    {
      sql: 'update topic_endorsers set created_at = now()',
      outcomes: all(noGrant('topic_endorsers')),
    },
    {
      sql: 'delete from topic_endorsers where topic_id = $1 and profile_id = $2',
      values: (t) => [t.regulatedTopic, t.endorser],
      outcomes: signedIn(0, 0, 0, 0, 0, 1),
    },
  ]),
  ...table('follows', [
    {
      sql: 'select * from follows where id = $1',
      values: (t) => [t.follow],
      outcomes: signedIn(0, 1, 0, 0, 0, 0),
    },
    {
      sql: 'insert into follows (followed_topic_id) values ($1)',
      values: (t) => [t.plainTopic],
      outcomes: signedIn(noRow('follows'), 1, 1, 1, 1, 1),
    },
    {
      sql: 'update follows set created_at = now()',
      outcomes: all(noGrant('follows')),
    },
    {
      sql: 'delete from follows where id = $1',
      values: (t) => [t.follow],
      outcomes: signedIn(0, 1, 0, 0, 0, 0),
    },
  ]),
  ...table('clips', [
    {
      sql: 'select * from clips where id = $1',
      values: (t) => [t.published],
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: `insert into clips (id, source_url, canonical_url) values
        (gen_random_uuid(), 'https://a.example.com/', 'https://a.example.com/')`,
      outcomes: signedIn(noRow('clips'), 1, 1, 1, 1, 1),
    },
    {
      sql: `update clips set note = 'Changed.' where id = $1`,
      values: (t) => [t.published],
      outcomes: signedIn(0, 1, 0, 0, 0, 0),
    },
    {
      sql: 'delete from clips where id = $1',
      values: (t) => [t.published],
      outcomes: all(noGrant('clips')),
    },
  ]),
  ...table('comments', [
    {
      sql: 'select * from comments where id = $1',
      values: (t) => [t.comment],
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: `insert into comments (clip_id, body) values ($1, 'Hi.')`,
      values: (t) => [t.published],
      outcomes: signedIn(
        'comments go only on published clips you can see',
        1,
        1,
        1,
        1,
        1,
      ),
    },
    {
      sql: `update comments set body = 'Changed.' where id = $1`,
      values: (t) => [t.comment],
      outcomes: signedIn(0, 0, 1, 0, 0, 0),
    },
    {
      sql: 'delete from comments where id = $1',
      values: (t) => [t.comment],
      outcomes: all(noGrant('comments')),
    },
  ]),
  ...table('endorsements', [
    {
      sql: 'select * from endorsements where id = $1',
      values: (t) => [t.endorsement],
      outcomes: signedIn(0, 1, 1, 1, 1, 1),
    },
    {
      sql: `insert into endorsements (clip_id, content_hash) values ($1, '')`,
      values: (t) => [t.published],
      outcomes: signedIn(
        'you can endorse only published clips you can see',
        'nobody endorses their own clip',
        'you already endorse this text of the clip',
        1,
        1,
        1,
      ),
    },
    {
      sql: 'update endorsements set withdrawn_at = now() where id = $1',
      values: (t) => [t.endorsement],
      outcomes: signedIn(0, 0, 1, 0, 0, 0),
    },
    {
      sql: 'delete from endorsements where id = $1',
      values: (t) => [t.endorsement],
      outcomes: all(noGrant('endorsements')),
    },
  ]),
  ...table('reviews', [
    {
      sql: 'select * from reviews where id = $1',
      values: (t) => [t.review],
      outcomes: signedIn(0, 1, 1, 0, 1, 0),
    },
    {
      sql: `insert into reviews (clip_id, verdict, content_hash)
        values ($1, 'approve', '')`,
      values: (t) => [t.inReview],
      outcomes: signedIn(
        'you can review only clips waiting for your review',
        'nobody reviews their own clip',
        1,
        'you can review only clips waiting for your review',
        1,
        'you can review only clips waiting for your review',
      ),
    },
    {
      sql: `update reviews set verdict = 'changes' where id = $1`,
      values: (t) => [t.review],
      outcomes: all(noGrant('reviews')),
    },
    {
      sql: 'delete from reviews where id = $1',
      values: (t) => [t.review],
      outcomes: all(noGrant('reviews')),
    },
  ]),
];
