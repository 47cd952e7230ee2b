/**
 * `npm run backend [-- --fresh]`: the local Supabase stand-in for
 * development. Data is kept in .local-stack/ between runs; --fresh starts
 * over (and seeds again).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withClient } from './database.ts';
import { supabaseDir } from './migrations.ts';
import { startLocalStack, type LocalStack } from './stack.ts';

const dataDir = fileURLToPath(new URL('../.local-stack/db', import.meta.url));

async function main(): Promise<void> {
  const fresh = process.argv.includes('--fresh');
  const stack = await startLocalStack({
    dataDir,
    fresh,
    port: 54321,
    databasePort: 54322,
  });
  await printReady(stack);

  const stop = () => {
    stack.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function printReady(stack: LocalStack): Promise<void> {
  const { database } = stack;
  const fate = database.created ? 'new, seeded' : 'kept from last run';
  console.log(`Peerclip local stack ready`);
  console.log(`  API URL   ${stack.url}`);
  console.log(`  anon key  ${stack.anonKey}`);
  console.log(`  service   ${stack.serviceRoleKey}`);
  console.log(`  database  ${database.urls.owner} (${fate})`);
  const applied = database.appliedMigrations.length;
  if (applied > 0) console.log(`  applied   ${applied} new migration(s)`);
  const accounts = await demoAccounts(database.urls.admin);
  if (accounts.length > 0) {
    console.log(`  accounts  ${accounts.join(', ')}`);
    console.log(`  password  ${demoPassword() ?? 'see supabase/README.md'}`);
  }
}

async function demoAccounts(adminUrl: string): Promise<string[]> {
  const { rows } = await withClient(adminUrl, (admin) =>
    admin.query<{ email: string }>(
      `select email from auth.users
        where email_confirmed_at is not null order by email limit 20`,
    ),
  );
  return rows.map((row) => row.email);
}

/** The shared demo password, as seed.sql hashes it with crypt('...'). */
function demoPassword(): string | undefined {
  const seedPath = join(supabaseDir, 'seed.sql');
  if (!existsSync(seedPath)) return undefined;
  const match = /crypt\(\s*'((?:[^']|'')*)'/.exec(
    readFileSync(seedPath, 'utf8'),
  );
  return match?.[1]?.replace(/''/g, "'");
}

main().catch((error: unknown) => {
  console.error('[peerclip] local stack failed to start:', error);
  process.exit(1);
});
