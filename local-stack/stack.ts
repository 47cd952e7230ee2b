import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Mailbox } from './auth/mailbox.ts';
import {
  startDatabase,
  withClient,
  type DatabaseOptions,
  type LocalDatabase,
} from './database.ts';
import { loadRoleTimeouts } from './rest/transaction.ts';
import { createStackServer } from './server.ts';
import { apiKeys, loadSettings, type StackSettings } from './settings.ts';

/** How to start the local stack. */
export interface LocalStackOptions extends DatabaseOptions {
  /** HTTP port; 54321 as Supabase's local API when absent, 0 for any. */
  port?: number;
  /** Port of PostgreSQL; a free one when absent. */
  databasePort?: number;
  /** Overrides of supabase/config.toml and the CLI's local defaults. */
  settings?: Partial<StackSettings>;
  /** Print one-time codes at the console (default true). */
  printEmails?: boolean;
}

/** A running local stack. */
export interface LocalStack {
  /** Base URL for createClient, e.g. http://127.0.0.1:54321. */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  database: LocalDatabase;
  settings: StackSettings;
  /** The emails (one-time codes) that would have been sent. */
  mailbox: Mailbox;
  stop(): Promise<void>;
}

/** Starts PostgreSQL (migrated, seeded when new) and the HTTP API. */
export async function startLocalStack(
  options: LocalStackOptions = {},
): Promise<LocalStack> {
  const settings = loadSettings(options.settings);
  const keys = apiKeys(settings);
  const database = await startDatabase({
    ...options,
    port: options.databasePort,
  });
  const pools = openPools(database);
  const timeouts = await withClient(database.urls.admin, loadRoleTimeouts);
  const mailbox = new Mailbox(options.printEmails ?? true);

  const tokens = { ...settings, issuer: '' };
  const server = createStackServer({
    auth: { pool: pools.auth, settings, mailbox, tokens },
    rest: { pool: pools.rest, timeouts, ...settings },
    apiKeys: [keys.anonKey, keys.serviceRoleKey],
  });
  const stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await pools.close();
    await database.stop();
  };
  const port = await listen(server, options.port ?? 54321).catch(
    async (error: unknown) => {
      // Port taken: leave no database running behind the error.
      await stop();
      throw error;
    },
  );

  const url = `http://127.0.0.1:${port}`;
  tokens.issuer = `${url}/auth/v1`;
  return { url, ...keys, database, settings, mailbox, stop };
}

// The REST layer logs in as authenticator, the auth API as the auth admin.
function openPools(database: LocalDatabase) {
  const rest = new pg.Pool({
    connectionString: database.urls.authenticator,
    max: 10,
  });
  const auth = new pg.Pool({
    connectionString: database.urls.authAdmin,
    max: 5,
  });
  // Stopping the cluster ends idle connections from the server side.
  for (const pool of [rest, auth]) pool.on('error', () => undefined);
  return {
    rest,
    auth,
    close: () => Promise.all([rest.end(), auth.end()]),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    );
  });
}
