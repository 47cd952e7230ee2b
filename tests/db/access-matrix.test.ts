import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import { functionCells } from './helpers/rules-matrix-functions.ts';
import {
  callers,
  tableCells,
  type Cell,
  type Targets,
} from './helpers/rules-matrix.ts';
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
let targets: Targets;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
  targets = await arrangeTargets();
});
afterAll(() => db.stop());

async function firstId(
  caller: Caller,
  sql: string,
  values: unknown[],
): Promise<string> {
  const [row] = await queryAs(org, caller, sql, values, { commit: true });
  return row!.id as string;
}

// A published clip with a teammate's comment and endorsement, a draft, a
// regulated clip in review with a teammate's approval (it still needs the
// topic endorser's), and the author following the teammate.
async function arrangeTargets(): Promise<Targets> {
  const published = await createClip(org);
  const inReview = await createClip(org, {
    state: 'in_review',
    regulated: true,
  });
  const [{ id: follow }] = (await arrange(
    org,
    `insert into follows (follower_id, followed_profile_id)
     values ($1, $2) returning id`,
    [org.people.author, org.people.teammate],
  )) as [{ id: string }];
  return {
    published,
    inReview,
    follow,
    draft: await createClip(org, { state: 'draft' }),
    comment: await firstId(
      'teammate',
      `insert into comments (clip_id, body) values ($1, 'Yes.') returning id`,
      [published],
    ),
    endorsement: await firstId('teammate', 'select id from endorse($1)', [
      published,
    ]),
    review: await firstId(
      'teammate',
      `select (review($1, 'approve') -> 'review' ->> 'id')::uuid as id`,
      [inReview],
    ),
    operations: org.teams.operations,
    regulatedTopic: org.topics.regulated,
    plainTopic: org.topics.plain,
    endorser: org.people.endorser,
    author: org.people.author,
    checklistVersion: org.checklistVersion,
  };
}

async function outcomeOf(cell: Cell, caller: Caller): Promise<number | string> {
  try {
    return await as(org, caller, async (client) => {
      const result = await client.query(cell.sql, cell.values?.(targets));
      return cell.selectsCount ? Number(result.rows[0].n) : result.rowCount!;
    });
  } catch (error) {
    return (error as Error).message;
  }
}

function cases(cell: Cell): [Caller, number | string][] {
  return callers.map((caller, index) => [caller, cell.outcomes[index]!]);
}

describe.each(tableCells)('table access: $name', (cell) => {
  it.each(cases(cell))('gives %s: %s', async (caller, expected) => {
    expect(await outcomeOf(cell, caller)).toBe(expected);
  });
});

describe.each(functionCells)('function access: $name', (cell) => {
  it.each(cases(cell))('gives %s: %s', async (caller, expected) => {
    expect(await outcomeOf(cell, caller)).toBe(expected);
  });
});
