// The work of bench/db-feed.mjs: a throwaway database with the migrations,
// the data of db-feed-data.sql, then timed calls as the authenticated role.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { startDatabase } from '../local-stack/database.ts';

const runs = 40;

interface Timed {
  label: string;
  /** The timed call; `$1` is the value `setup` selected, if any. */
  sql: string;
  /** Untimed query run first as the same person, selecting `value`. */
  setup?: string;
}

async function main() {
  const started = Date.now();
  const database = await startDatabase({ seed: false });
  const client = new pg.Client({ connectionString: database.urls.admin });
  await client.connect();
  try {
    await client.query(
      await readFile(new URL('db-feed-data.sql', import.meta.url), 'utf8'),
    );
    await client.query('analyze');
    console.log(
      `data ready in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    await printCounts(client);
    await measureAll(client);
  } finally {
    await client.end();
    await database.stop();
  }
}

async function printCounts(client: pg.Client) {
  const { rows } = await client.query(`select
    (select count(*) from public.clips) clips,
    (select count(*) from public.profiles) people,
    (select count(*) from public.endorsements) endorsements,
    (select count(*) from public.comments) comments,
    (select count(*) from private.sync_feed) feed_rows`);
  console.log(rows[0]);
}

async function people(client: pg.Client, sql: string): Promise<string[]> {
  const { rows } = await client.query(sql);
  return rows.map((row) => row.id);
}

async function measureAll(client: pg.Client) {
  const readers = await people(
    client,
    `select id from public.profiles order by email limit 40 offset 100`,
  );
  const pullers = await people(
    client,
    `select profile_id id from private.sync_feed group by profile_id
     having count(*) >= 500 order by profile_id limit 20`,
  );
  const cases: Timed[] = [
    {
      label: "feed_page('everyone')",
      sql: `select feed_page('everyone')`,
    },
    {
      label: "feed_page('following')",
      sql: `select feed_page('following')`,
    },
    { label: "feed_page('team')", sql: `select feed_page('team')` },
    {
      label: "feed_page('site')",
      sql: `select feed_page('site', 'site7.example.com')`,
    },
    {
      label: "feed_page('page')",
      sql: `select feed_page('page', 'https://site7.example.com/page/7')`,
    },
    {
      label: "feed_page('everyone') third page",
      setup: `select feed_page('everyone', null,
        feed_page('everyone') ->> 'cursor') ->> 'cursor' as value`,
      sql: `select feed_page('everyone', null, $1)`,
    },
  ];
  const pull: Timed = {
    label: 'pull_changes(0, 500)',
    sql: 'select pull_changes(0, 500)',
  };
  const pullRows = await rowCountOf(client, pullers[0]!, pull.sql);
  console.log(`pull_changes(0, 500) returns ${pullRows} rows`);
  console.log(
    `median of ${runs} calls: round trip including the JSON sent to the ` +
      'client / on the server only',
  );
  const timings: [Timed, string[]][] = [
    ...cases.map((timed): [Timed, string[]] => [timed, readers]),
    [pull, pullers],
  ];
  for (const [timed, persons] of timings) {
    const trip = await medianOver(client, persons, timed);
    const server = await medianOver(client, persons, {
      ...timed,
      sql: `${timed.sql} is not null`,
    });
    console.log(
      `${timed.label}: ${trip.toFixed(2)} ms / ${server.toFixed(2)} ms`,
    );
  }

  await printPlan(
    client,
    readers[0]!,
    `select feed_page('everyone')`,
    'with ranked as',
  );
  await printPlan(
    client,
    readers[0]!,
    `select feed_page('following')`,
    'with ranked as',
  );
  await printPlan(
    client,
    pullers[0]!,
    'select pull_changes(0, 500)',
    'with page as',
  );
}

// Runs sql as each person in turn, twice around, and returns the median
// time of the call itself (the role switch is not timed).
async function medianOver(
  client: pg.Client,
  persons: string[],
  timed: Timed,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const person = persons[i % persons.length]!;
    await asPerson(client, person, async () => {
      const values = timed.setup
        ? [(await client.query(timed.setup)).rows[0].value]
        : [];
      const start = process.hrtime.bigint();
      await client.query(timed.sql, values);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function rowCountOf(client: pg.Client, person: string, sql: string) {
  return asPerson(client, person, async () => {
    const { rows } = await client.query(
      `select jsonb_array_length((${sql.replace(/^select /, '')}) -> 'changes') n`,
    );
    return rows[0].n as number;
  });
}

async function asPerson<T>(
  client: pg.Client,
  person: string,
  fn: () => Promise<T>,
): Promise<T> {
  await client.query('begin');
  try {
    await client.query(
      `select set_config('role', 'authenticated', true),
        set_config('request.jwt.claims', $1, true),
        set_config('search_path', 'public, extensions', true)`,
      [JSON.stringify({ sub: person, role: 'authenticated' })],
    );
    return await fn();
  } finally {
    await client.query('rollback');
  }
}

// auto_explain prints the plans of the statements inside the function;
// only the main query (the one containing `marker`) is shown.
async function printPlan(
  client: pg.Client,
  person: string,
  sql: string,
  marker: string,
) {
  const plans: string[] = [];
  const listener = (notice: { message?: string }) => {
    if (notice.message?.includes(marker)) plans.push(notice.message);
  };
  await client.query(`load 'auto_explain'`);
  await client.query(`set auto_explain.log_min_duration = 0;
    set auto_explain.log_analyze = on; set auto_explain.log_buffers = on;
    set auto_explain.log_nested_statements = on;
    set auto_explain.log_level = notice`);
  client.on('notice', listener);
  await asPerson(client, person, () => client.query(sql));
  client.off('notice', listener);
  await client.query('set auto_explain.log_min_duration = -1');
  console.log(`\n--- plan of ${sql} ---\n${plans.join('\n')}`);
}

await main();
