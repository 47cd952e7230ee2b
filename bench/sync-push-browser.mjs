/**
 * The push budget measured in Chromium: the same steps as
 * bench/sync-push.mjs, with the extension's sync code running in a page
 * over the browser's own IndexedDB, as the extension's background runs it,
 * against the local stack in another process. Reading and writing many
 * rows costs more there than in fake-indexeddb. The work is in
 * sync-push-browser-run.ts and sync-push-page.ts; it runs through
 * vite-node because Node 20 cannot import TypeScript.
 *
 * Usage: node bench/sync-push-browser.mjs [--rtt MS] [--steps] [--rounds N]
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  [
    '--config',
    'bench/sync-vite.config.ts',
    'bench/sync-push-browser-run.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
