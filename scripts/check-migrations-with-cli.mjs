/**
 * Checks that supabase/migrations apply unchanged with the Supabase CLI
 * (`supabase db push --db-url`) as the non-superuser `postgres`, on a
 * throwaway database prepared like a new Supabase project. The work is in
 * local-stack/check-migrations.ts; Node 20 cannot import TypeScript, so it
 * runs through vite-node (which WXT already ships).
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  ['local-stack/check-migrations.ts'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
