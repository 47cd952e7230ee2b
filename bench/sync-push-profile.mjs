/**
 * Where push_changes spends its time on the server: 1,000 typical drafts
 * pushed straight to the local PostgreSQL in batches of 500 as the
 * authenticated role, timed per change, with the time of every function
 * and trigger (track_functions). The work is in sync-push-profile-run.ts;
 * Node 20 cannot import TypeScript, so it runs through vite-node.
 *
 * Usage: node bench/sync-push-profile.mjs
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  ['--config', 'bench/sync-vite.config.ts', 'bench/sync-push-profile-run.ts'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
