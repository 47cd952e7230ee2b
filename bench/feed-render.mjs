/**
 * Peer feed budgets on the real side panel (issue budgets: the first 20
 * cards within 150 ms, median, with 10,000 clips cached; fewer than 300
 * cards in the DOM at any time while scrolling through all of them).
 *
 * Loads `sidepanel.html` of the test build (`npx wxt build --mode e2e`,
 * built when missing) in headless Chromium, with the signed-in reader's
 * Everyone tab cached in the extension's IndexedDB and no workspace
 * connected, so the panel shows the cache and its refresh is refused at
 * once. The work is in feed-render-run.ts; it runs through vite-node
 * because Node 20 cannot import TypeScript.
 *
 * Usage: node bench/feed-render.mjs [runs] [clips]
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  [
    '--config',
    'bench/feed-vite.config.ts',
    'bench/feed-render-run.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
