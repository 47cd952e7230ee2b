/**
 * Budget benchmark of sync against the local stack (issue budgets: 1,000
 * new drafts pushed in at most 3 requests and 2 s, at least 20 times faster
 * than single-row inserts; a pull with no changes is one request). Prints
 * the figures. The work is in sync-push-run.ts; Node 20 cannot import
 * TypeScript, so it runs through vite-node.
 *
 * Usage: node bench/sync-push.mjs [--rtt MS] [--steps] [--rounds N]
 *
 * Both the push and the loop run once untimed first, to warm up.
 * --steps also times the steps of the push on another set of drafts;
 * --rounds pushes N sets of fresh drafts (5 by default) and reports the
 * median push against one loop.
 * bench/sync-push-browser.mjs measures the same in Chromium.
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  [
    '--config',
    'bench/sync-vite.config.ts',
    'bench/sync-push-run.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
