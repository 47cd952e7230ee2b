// The work of bench/sync-push-profile.mjs: a seeded throwaway database,
// pushes of typical drafts as Alice, then the function statistics.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startDatabase } from '../local-stack/database.ts';
import { draftFromCapture } from '../utils/store/draft-from-capture';
import { clipToRecord } from '../utils/sync/clip-wire';
import { typicalCapture, typicalNote } from './sync-drafts';

const drafts = 1000;
const batchSize = 500;
const rounds = 3;

function draftBatch(first: number): unknown[] {
  return Array.from({ length: batchSize }, (_, k) => ({
    change_id: randomUUID(),
    type: 'clip.upsert',
    record: {
      ...clipToRecord(draftFromCapture(typicalCapture(first + k))),
      note: typicalNote(first + k),
    },
  }));
}

/** Pushes one batch as the person, committed, as PostgREST would. */
async function pushAs(client: pg.Client, userId: string, batch: unknown[]) {
  await client.query('begin');
  await client.query(
    `select set_config('role', 'authenticated', true),
       set_config('request.jwt.claims', $1, true)`,
    [JSON.stringify({ sub: userId, role: 'authenticated' })],
  );
  await client.query('select public.push_changes($1::jsonb)', [
    JSON.stringify(batch),
  ]);
  await client.query('commit');
}

async function timedRound(client: pg.Client, userId: string) {
  const batches = [];
  for (let first = 0; first < drafts; first += batchSize) {
    batches.push(draftBatch(first));
  }
  const started = performance.now();
  for (const batch of batches) await pushAs(client, userId, batch);
  return (performance.now() - started) / drafts;
}

/** Flushes what this session counted so far, then starts from zero. */
async function resetStatistics(client: pg.Client) {
  await client.query('select pg_stat_force_next_flush()');
  await client.query('select 1');
  await client.query('select pg_stat_reset()');
}

async function printFunctionTimes(client: pg.Client) {
  await client.query('select pg_stat_force_next_flush()');
  const { rows } = await client.query(`select schemaname || '.' || funcname
      as function, calls, round(total_time::numeric, 1) as total_ms,
      round(self_time::numeric, 1) as self_ms
    from pg_stat_user_functions
    where schemaname in ('public', 'private')
    order by self_time desc limit 20`);
  console.table(rows);
}

async function main() {
  const database = await startDatabase({ seed: true });
  const client = new pg.Client({ connectionString: database.urls.admin });
  await client.connect();
  try {
    await client.query(`set track_functions = 'all'`);
    const { rows } = await client.query(
      `select id from auth.users where email = 'alice@example.com'`,
    );
    const perChange: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      if (round === rounds - 1) await resetStatistics(client);
      perChange.push(await timedRound(client, rows[0].id));
    }
    console.log(
      `push_changes, ${drafts} drafts in batches of ${batchSize}: ` +
        perChange.map((ms) => `${ms.toFixed(3)}`).join(', ') +
        ' ms per change (one figure per round; the last is profiled)',
    );
    await printFunctionTimes(client);
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error('[peerclip] The push profile failed.', error);
  process.exitCode = 1;
});
