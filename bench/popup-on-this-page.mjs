/**
 * The popup's "On this page" budget (at most 100 ms, median): the time from
 * the popup's navigation start to the list of the page's cached clips in
 * the DOM, median of RUNS openings, in headless Chromium.
 *
 * Opens the real `popup.html` of the test build (`npx wxt build --mode
 * e2e`, built when missing) the way the toolbar button does, over a tab
 * showing a fixture page whose clips the signed-in reader has cached, with
 * no workspace connected (the list comes from the cache). The work is in
 * popup-on-this-page-run.ts; it runs through vite-node because Node 20
 * cannot import TypeScript.
 *
 * Usage: node bench/popup-on-this-page.mjs [runs] [clips]
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  [
    '--config',
    'bench/feed-vite.config.ts',
    'bench/popup-on-this-page-run.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
