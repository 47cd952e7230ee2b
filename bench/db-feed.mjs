/**
 * Budget benchmark of the Supabase functions on the local PostgreSQL:
 * feed_page (target: median at most 20 ms) and pull_changes of 500 rows
 * (target: median at most 30 ms), with 100,000 clips and 2,000 people, run
 * as the authenticated role through row level security. Prints the figures
 * and the EXPLAIN (ANALYZE, BUFFERS) plans. The work is in db-feed-run.ts;
 * Node 20 cannot import TypeScript, so it runs through vite-node.
 *
 * Usage: node bench/db-feed.mjs
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  ['bench/db-feed-run.ts'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
