/**
 * Applies supabase/migrations and seed.sql with the Supabase CLI's own
 * `db push` (which needs no Docker) to a database prepared as a new Supabase
 * project, connected as the non-superuser `postgres`, as on a real project.
 * Run through scripts/check-migrations-with-cli.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDatabase, withClient } from './database.ts';
import { applyMigrations, listMigrations } from './migrations.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// The CLI leaves a cache folder behind; remove it unless it was there.
const cliCache = join(root, 'supabase', '.temp');
const hadCliCache = existsSync(cliCache);
const database = await startDatabase({ migrate: false });
let status = 1;
try {
  // The local server has no TLS; the CLI insists unless told.
  const url = `${database.urls.owner}?sslmode=disable`;
  const args = ['db', 'push', '--db-url', url, '--include-seed', '--yes'];
  console.log(`$ supabase ${args.join(' ')}`);
  const push = spawnSync('node_modules/.bin/supabase', args, {
    cwd: root,
    stdio: 'inherit',
  });
  status = push.status ?? 1;

  // The local stack reads the same history table: nothing left to apply.
  const leftOver = await withClient(database.urls.owner, async (owner) =>
    applyMigrations(owner, await listMigrations()),
  );
  if (leftOver.length > 0) {
    console.error(`History disagrees; applied again: ${leftOver.join(', ')}`);
    status = 1;
  }
} finally {
  await database.stop();
  if (!hadCliCache) await rm(cliCache, { recursive: true, force: true });
}
console.log(status === 0 ? 'Migrations apply with the CLI.' : 'FAILED');
process.exit(status);
