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
  const restPool = new pg.Pool({
    connectionString: database.urls.authenticator,
    max: 10,
  });
  const authPool = new pg.Pool({
    connectionString: database.urls.authAdmin,
    max: 5,
  });
  // Stopping the cluster ends idle connections from the server side.
  for (const pool of [restPool, authPool]) pool.on('error', () => undefined);
  const timeouts = await withClient(database.urls.admin, loadRoleTimeouts);
  const mailbox = new Mailbox(options.printEmails ?? true);

  const context = {
    auth: {
      pool: authPool,
      settings,
      mailbox,
      tokens: { ...settings, issuer: '' },
    },
    rest: { pool: restPool, timeouts, ...settings },
    apiKeys: [keys.anonKey, keys.serviceRoleKey],
  };
  const server = createStackServer(context);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 54321, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context.auth.tokens.issuer = `${url}/auth/v1`;

  const stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await Promise.all([restPool.end(), authPool.end()]);
    await database.stop();
  };
  return { url, ...keys, database, settings, mailbox, stop };
}
