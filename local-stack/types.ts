import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { startDatabase } from './database.ts';

const run = promisify(execFile);

/** Where the checked-in `Database` type lives. */
export const typesPath = fileURLToPath(
  new URL('../utils/remote/database.types.ts', import.meta.url),
);

const generator = fileURLToPath(
  new URL(
    '../node_modules/@supabase/postgres-meta/dist/server/server.js',
    import.meta.url,
  ),
);

/**
 * Generates the supabase-js `Database` type of schema public with the
 * generator the Supabase CLI uses (postgres-meta, without Docker), against a
 * throwaway database with every migration applied; formatted like the repo.
 */
export async function generateTypes(): Promise<string> {
  const database = await startDatabase({ seed: false });
  try {
    const { stdout } = await run(process.execPath, [generator], {
      env: {
        ...process.env,
        PG_META_DB_URL: database.urls.admin,
        PG_META_GENERATE_TYPES: 'typescript',
        PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
      },
      maxBuffer: 32 * 1024 * 1024,
    });
    const options = await resolveConfig(typesPath);
    return format(stdout, { ...options, filepath: typesPath });
  } finally {
    await database.stop();
  }
}
