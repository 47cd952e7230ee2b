import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository's Supabase project folder (config, migrations, seed). */
export const supabaseDir = fileURLToPath(
  new URL('../supabase/', import.meta.url),
);

const preludePath = fileURLToPath(new URL('prelude.sql', import.meta.url));

/** One migration file: `<version>_<name>.sql`, as the Supabase CLI names it. */
export interface MigrationFile {
  version: string;
  name: string;
  path: string;
}

/** Thrown when a migration or the seed fails; names the file. */
export class MigrationError extends Error {
  readonly code = 'migration_failed';

  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`${file} failed: ${(cause as Error).message}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Whether the prelude already ran on this database. */
export async function hasPrelude(admin: pg.ClientBase): Promise<boolean> {
  const { rows } = await admin.query(
    `select 1 from pg_namespace where nspname = 'auth'`,
  );
  return rows.length > 0;
}

/** Creates the roles, schemas and auth functions a Supabase project has. */
export async function applyPrelude(admin: pg.ClientBase): Promise<void> {
  const sql = await readFile(preludePath, 'utf8');
  await runInTransaction(admin, 'local-stack/prelude.sql', sql);
}

/** Lists supabase/migrations/*.sql in the order they apply (by file name). */
export async function listMigrations(
  dir = join(supabaseDir, 'migrations'),
): Promise<MigrationFile[]> {
  if (!existsSync(dir)) return [];

  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql'));
  return names.sort().map((file) => {
    const base = file.slice(0, -'.sql'.length);
    const split = base.indexOf('_');
    return {
      version: split < 0 ? base : base.slice(0, split),
      name: split < 0 ? '' : base.slice(split + 1),
      path: join(dir, file),
    };
  });
}

/**
 * Applies the migrations not yet recorded in
 * supabase_migrations.schema_migrations (the table the Supabase CLI keeps),
 * each in its own transaction, as the connected (non-superuser) owner.
 * Returns the versions applied now.
 */
export async function applyMigrations(
  owner: pg.ClientBase,
  migrations: MigrationFile[],
): Promise<string[]> {
  await owner.query(`create table if not exists
    supabase_migrations.schema_migrations (
      version text not null primary key, statements text[], name text)`);
  const { rows } = await owner.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  );
  const applied = new Set(rows.map((row) => row.version));

  const pending = migrations.filter((file) => !applied.has(file.version));
  for (const file of pending) {
    const sql = await readFile(file.path, 'utf8');
    await runInTransaction(owner, `migrations/${file.version}`, sql, {
      text: `insert into supabase_migrations.schema_migrations
        (version, name, statements) values ($1, $2, array[$3])`,
      values: [file.version, file.name, sql],
    });
  }
  return pending.map((file) => file.version);
}

/** Runs supabase/seed.sql, when there is one, as the connected owner. */
export async function applySeed(
  owner: pg.ClientBase,
  path = join(supabaseDir, 'seed.sql'),
): Promise<boolean> {
  if (!existsSync(path)) return false;

  await runInTransaction(owner, 'seed.sql', await readFile(path, 'utf8'));
  return true;
}

async function runInTransaction(
  client: pg.ClientBase,
  label: string,
  sql: string,
  record?: pg.QueryConfig,
): Promise<void> {
  await client.query('begin');
  try {
    await client.query(sql);
    if (record) await client.query(record);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw new MigrationError(label, error);
  }
}
